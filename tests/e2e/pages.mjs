// The pages the browser tests serve at their real URLs (request routing; every
// other request is aborted): real captures from tests/fixtures/captured, covered
// listings derived from a real capture at run time, and our own fixtures'
// cases.json files.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const capturedFixtures = join(repo, 'tests', 'fixtures', 'captured');
export const distChrome = join(repo, 'dist', 'chrome');
export const distFirefox = join(repo, 'dist', 'firefox');

export function requireBuild() {
  for (const d of [distChrome, distFirefox]) {
    if (!existsSync(join(d, 'manifest.json'))) throw new Error(`${d} is missing: run npm run build first`);
  }
}

export function readCaptured(rel) {
  return readFileSync(join(capturedFixtures, rel), 'utf8');
}

/** A real Play detail capture (Minecraft) turned into another app's listing. */
export function playListingFromCapture({ pkg, name, developer }) {
  return readCaptured('google-play/details_com.mojang.minecraftpe_en.html')
    .replaceAll('com.mojang.minecraftpe', pkg)
    .replaceAll('Minecraft: Dream it, Build it!', name)
    .replaceAll('<span>Mojang</span>', `<span>${developer}</span>`);
}

/** TikTok's listing, for playListingFromCapture (and its detail URL: `https://play.google.com/store/apps/details?id=${pkg}`). */
export const TIKTOK = { pkg: 'com.zhiliaoapp.musically', name: 'TikTok', developer: 'TikTok Pte. Ltd.' };

/**
 * Real captures at their real URLs, with the covered apps they really list
 * (the store home and "similar apps" captures happen to show TikTok,
 * CamScanner and WeChat cards; everything else on them must stay clean).
 */
export const realCaptures = [
  ['https://play.google.com/store/apps/details?id=com.mojang.minecraftpe&hl=en', 'google-play/details_com.mojang.minecraftpe_en.html', []],
  ['https://play.google.com/store/apps/details?id=com.google.android.apps.translate&hl=en', 'google-play/details_com.google.android.apps.translate_en.html', []],
  ['https://play.google.com/store/apps/details?id=com.adex77.WhereAmI&hl=en', 'google-play/details_com.adex77.WhereAmI_en.html', []],
  ['https://play.google.com/store/apps/datasafety?id=com.google.android.apps.translate&hl=en', 'google-play/datasafety_com.google.android.apps.translate_en.html', []],
  ['https://play.google.com/store/apps/dev?id=5700313618786177705&hl=en', 'google-play/dev_5700313618786177705_GoogleLLC_en.html', []],
  ['https://play.google.com/store/apps/developer?id=Mojang&hl=en', 'google-play/developer_Mojang_en.html', []],
  ['https://play.google.com/store/search?q=panda&c=apps', 'google-play/search_panda_en.html', []],
  ['https://play.google.com/store/search?q=where%20am%20i&c=apps', 'google-play/search_where-am-i_en.html', []],
  ['https://play.google.com/store/apps/collection/cluster?gsr=similar', 'google-play/collection_cluster_similar-to-translate_en.html', ['app-wechat']],
  ['https://play.google.com/store/apps?hl=en_US', 'google-play/store_apps_home_en_US.html', ['app-aliexpress', 'app-camscanner', 'app-tiktok', 'app-tiktok-lite']],
];
export const cleanCaptures = realCaptures.filter(([, , covered]) => covered.length === 0);

/**
 * Own fixtures: every tests/fixtures/<site>/cases.json. The "generic" folder is
 * for the optional "check any site" mode, which is off by default: its pages
 * are on hosts the extension does not touch until the user opts in.
 */
export function ownCases({ includeGeneric = false } = {}) {
  const root = join(repo, 'tests', 'fixtures');
  const out = [];
  for (const site of readdirSync(root)) {
    const casesFile = join(root, site, 'cases.json');
    if (!existsSync(casesFile) || (site === 'generic' && !includeGeneric)) continue;
    for (const c of JSON.parse(readFileSync(casesFile, 'utf8'))) {
      const body = c.file.startsWith('captured:') ? readCaptured(c.file.slice('captured:'.length)) : readFileSync(join(root, site, c.file), 'utf8');
      out.push({ site, ...c, body });
    }
  }
  return out;
}

export const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** A covered app's Play listing, served at its real URL: { url, body() } (a real capture rewritten, above). */
export const playListing = (pkg, name, developer) => ({
  url: `https://play.google.com/store/apps/details?id=${pkg}`,
  body: () => playListingFromCapture({ pkg, name, developer }),
});
const [playHomeUrl, playHomeFile] = realCaptures.find(([, file]) => file.includes('store_apps_home'));
/** Pages the accessibility tests open: two covered listings and a real list page (Play's home, covered cards on it). */
export const play = {
  tiktok: playListing('com.zhiliaoapp.musically', 'TikTok - Videos, Shop &amp; LIVE', 'TikTok Pte. Ltd.'),
  camscanner: playListing('com.intsig.camscanner', 'CamScanner - PDF Scanner App', 'INTSIG Information Co.,Ltd'),
  home: { url: playHomeUrl, body: () => readCaptured(playHomeFile) },
};
