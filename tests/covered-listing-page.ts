// A case of tests/covered-listings.json as a page: the real Google Play detail
// capture rewritten into that app's listing (tests/e2e/pages.mjs), read by the Play
// adapter. Shared by the unit test and the script that rewrites the table.
import { googlePlay } from '../src/sites/google-play';
import { parseDocument } from './dom';
import { playListingFromCapture } from './e2e/pages.mjs';

export function mainListingOf(c: { pkg: string; name: string; developer: string }) {
  const html = playListingFromCapture({ pkg: c.pkg, name: c.name, developer: c.developer });
  const url = new URL(`https://play.google.com/store/apps/details?id=${c.pkg}&hl=en`);
  const main = googlePlay.extract(parseDocument(html), url).find((l) => l.role === 'main');
  if (!main) throw new Error(`no main listing for ${c.pkg}`);
  return main;
}
