// A saved HTML page of a supported site, read by the same adapter the content
// script runs there (src/sites/registry.ts), plus the store links on it, as the
// page scan does (extension/content/scanner.ts): each listing becomes a row.

import { adapterFor } from '../../sites/registry';
import { extractStoreLinks } from '../../sites/links';
import type { Listing, ListingId } from '../../sites/types';
import { inputError, lineAt, type InventoryRow, type ReadResult } from '../row';

/** The page's own address: its canonical link, else og:url. */
export function pageUrlOf(doc: Document): string | undefined {
  const canonical = doc.querySelector('link[rel~="canonical"][href]')?.getAttribute('href');
  const og = doc.querySelector('meta[property="og:url"][content]')?.getAttribute('content');
  return (canonical || og)?.trim() || undefined;
}

/** As many anchors as the page scan reads (extension/content/scanner.ts). */
const MAX_LINKS = 3000;

// Developer ids in links are not listings of their own (as in the page scan).
const notAListing = (id: ListingId) => id.platform === 'google-play-developer' || id.platform === 'apple-developer';

/** Listings of a page as the content script finds them: the adapter's, then store links. */
export function pageListings(doc: Document, url: URL): Listing[] | undefined {
  const adapter = adapterFor(url);
  if (!adapter || !adapter.classify(url)) return undefined;
  let listings: Listing[];
  try {
    listings = adapter.extract(doc, url);
  } catch {
    listings = [];
  }
  return listings.concat(extractStoreLinks(doc, url, notAListing, { maxAnchors: MAX_LINKS }));
}

export function readSavedPage(doc: Document, text: string, file: string, givenUrl?: string): ReadResult {
  const href = givenUrl ?? pageUrlOf(doc);
  if (!href) return { rows: [], errors: [inputError(file, 1, 'url', 'the page names no canonical or og:url address: give one with --url')] };
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return { rows: [], errors: [inputError(file, 1, 'url', `not a URL: ${JSON.stringify(href.slice(0, 120))}`)] };
  }
  const listings = pageListings(doc, url);
  if (!listings) return { rows: [], errors: [inputError(file, 1, 'url', `${url.host}${url.pathname} is not a page of a supported site`)] };
  const seen = new Set<string>();
  const rows: InventoryRow[] = [];
  for (const l of listings) {
    const key = l.ids.length ? l.ids.map((i) => `${i.platform}:${i.value}`).join(' ') : `name:${l.name ?? ''}|${l.developer ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({ name: l.name, developer: l.developer, ids: l.ids.map(({ platform, value, from }) => ({ platform, value, from })), role: l.role, source: { file, line: l.element ? lineOfElement(text, l.element) : 1 } });
  }
  return { rows, errors: [] };
}

/** The line of an element's link in the saved text (best effort: 1 when not found). */
function lineOfElement(text: string, el: Element): number {
  const href = el.getAttribute?.('href');
  const at = href ? text.indexOf(href) : -1;
  return at === -1 ? 1 : lineAt(text, at);
}
