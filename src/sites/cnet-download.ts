// Download.com by CNET (download.cnet.com; the same catalogue also under
// www.cnet.com/downloads/…):
//   /<slug>/3000-<cat>_4-<id>.html    product page (detail)
//   /<slug>/3001-<cat>_4-<id>.html    download page
//   /s/<query>/, /<platform>/ …       list
//   /developer/<slug>/<id>/           developer
// On www.cnet.com only /downloads/… paths are ours; news pages classify null.
// Evidence: JSON-LD SoftwareApplication, the "Visit Site"/Google Play button
// of Android product pages, "Developer" in the specs table.

import { extractAddedCards, extractDownloadSitePage, type DownloadSitePages } from './download-site';
import type { Listing, PageKind, SiteAdapter } from './types';
import { readSoftwareApplications } from './json-ld';
import { cardsFromLinks, mainListing, pathSegments } from './links';
import { cleanText, firstOf, labelledValue, stripVersion } from './page-text';

const HOSTS = ['download.cnet.com', 'www.cnet.com'];
const PLATFORMS = new Set(['windows', 'mac', 'android', 'ios', 'iphone', 'web-apps']);
const PRODUCT = /^(3000|3001)-\d+_4-\d+\.html$/;
// The content script runs on the catalogue's pages only (classify() above), not CNET's news.
const CATALOGUE_PAGES = ['/', '/*/3000-*', '/*/3001-*', '/s/*', '/developer/*', ...[...PLATFORMS].map((p) => `/${p}*`)];
const MATCHES = [...CATALOGUE_PAGES.map((path) => `https://download.cnet.com${path}`), 'https://www.cnet.com/downloads/*'];

/** Catalogue path segments (without the /downloads prefix on www.cnet.com), or null when not a catalogue URL. */
function catalogueSegments(url: URL): string[] | null {
  const host = url.hostname.toLowerCase();
  const segs = pathSegments(url);
  if (host === 'download.cnet.com') return segs;
  if (host === 'www.cnet.com' || host === 'cnet.com') return segs[0] === 'downloads' ? segs.slice(1) : null;
  return null;
}

function classify(url: URL): PageKind | null {
  const segs = catalogueSegments(url);
  if (!segs) return null;
  const product = segs.find((s) => PRODUCT.test(s));
  if (product) return product.startsWith('3001') ? 'download' : 'detail';
  if (segs[0] === 'developer') return segs.length >= 2 ? 'developer' : null;
  if (segs.length === 0 || segs[0] === 's' || PLATFORMS.has(segs[0]!)) return 'list';
  return null;
}

/** "WPS Office for Android 18.2" → "WPS Office" */
function appName(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  return stripVersion(stripVersion(raw).replace(/\s+for\s+(android|windows|mac|iphone|ios|pc)$/i, '')).trim() || undefined;
}

function extractMain(doc: Document, url: URL): Listing | null {
  const ld = readSoftwareApplications(doc)[0];
  const h1 = firstOf(doc, ['.c-productSummary_title', 'h1']);
  const header = h1?.closest('.c-productSummary, header, section') ?? h1;
  const scope = firstOf(doc, ['main', '#main', '.c-pageProduct']) ?? doc;
  return mainListing(doc, url, {
    element: header,
    scope,
    name: appName(cleanText(h1, 200)) ?? appName(ld?.name),
    developer:
      ld?.developer ??
      cleanText(firstOf(header ?? doc, ['.c-productSummary_developer a', '.c-productSummary_developer']), 120) ??
      (scope ? labelledValue(scope, /^(developer|publisher)$/i) : undefined),
  });
}

function extractCards(doc: Document, url: URL, root?: ParentNode): Listing[] {
  return cardsFromLinks(doc, url, {
    root,
    appOf(link) {
      const segs = catalogueSegments(link);
      const product = segs?.find((s) => PRODUCT.test(s));
      // The numeric product id after "_4-" names the program; 3000/3001 pages share it.
      return product ? { key: product.replace(/^\d+-\d+_4-/, ''), ids: [] } : null;
    },
    cardOf: (a) => a.closest('.c-productCard, li, article') ?? a,
    name: (card, a) => appName(cleanText(firstOf(card, ['.c-productCard_title', 'h3', 'h2']), 200) ?? cleanText(a, 200)),
    developer: (card) => cleanText(firstOf(card, ['.c-productCard_developer', '.developer']), 120)?.replace(/^by\s+/i, ''),
  });
}

const PAGES: DownloadSitePages = { classify, main: extractMain, cards: extractCards };

export const cnetDownloadAdapter: SiteAdapter = {
  id: 'cnet-download',
  name: 'Download.com (CNET)',
  hosts: HOSTS,
  matches: MATCHES,
  classify,
  examples: [
    { url: 'https://download.cnet.com/tiktok/3000-2150_4-78047000.html', kind: 'detail' },
    { url: 'https://download.cnet.com/tiktok/3001-2150_4-78047000.html', kind: 'download' },
    { url: 'https://download.cnet.com/s/scanner/', kind: 'list' },
    { url: 'https://download.cnet.com/android/', kind: 'list' },
    { url: 'https://download.cnet.com/', kind: 'list' },
    { url: 'https://download.cnet.com/developer/tiktok-pte-ltd/i-10412345/', kind: 'developer' },
    { url: 'https://www.cnet.com/downloads/tiktok/3000-2150_4-78047000.html', kind: 'detail' },
    { url: 'https://www.cnet.com/downloads/', kind: 'list' },
    { url: 'https://www.cnet.com/tech/mobile/tiktok-ban-explained/', kind: null },
    { url: 'https://download.cnet.com/blog/download-blog/', kind: null },
    { url: 'https://upload.cnet.com/s/scanner/', kind: null },
  ],
  extract: (doc, url) => extractDownloadSitePage(PAGES, doc, url),
  extractFrom: (root, url) => extractAddedCards(PAGES, root, url),
};
