// FileHippo (filehippo.com): mostly Windows software, plus Android and Mac sections.
//   /download_<slug>/                 detail (also /android/download_<slug>/, /mac/download_<slug>/)
//   /download_<slug>/post_download/   download (also …/download/<token>/)
//   /download_<slug>/history/ etc.    detail
//   /search/?q=…, /popular/, /latest/, /software/<cat>/  list
// A language prefix (/de/, /es/ …) is accepted.
// Evidence: the "Get it on Google Play" button of Android pages, JSON-LD
// SoftwareApplication, "Developer"/"Author" in the technical table.

import { extractAddedCards, extractDownloadSitePage, type DownloadSitePages } from './download-site';
import type { Listing, PageKind, SiteAdapter } from './types';
import { readSoftwareApplications } from './json-ld';
import { cardsFromLinks, mainListing, pathSegments } from './links';
import { cleanText, firstOf, labelledValue, stripVersion } from './page-text';

const HOSTS = ['filehippo.com', 'www.filehippo.com'];
const SECTIONS = new Set(['android', 'mac']);
const LISTS = new Set(['search', 'popular', 'latest', 'software', 'games']);

/** Path segments from the program slug on: ["download_wps-office", "post_download"], or null. */
function programSegments(url: URL): string[] | null {
  let segs = pathSegments(url);
  if (segs[0] && /^[a-z]{2}$/.test(segs[0]) && !SECTIONS.has(segs[0])) segs = segs.slice(1);
  if (segs[0] && SECTIONS.has(segs[0])) segs = segs.slice(1);
  return segs[0]?.startsWith('download_') ? segs : null;
}

function classify(url: URL): PageKind | null {
  if (!HOSTS.includes(url.hostname.toLowerCase())) return null;
  const prog = programSegments(url);
  if (prog) return prog[1] === 'post_download' || prog[1] === 'download' ? 'download' : 'detail';
  let segs = pathSegments(url);
  if (segs[0] && /^[a-z]{2}$/.test(segs[0]) && !SECTIONS.has(segs[0])) segs = segs.slice(1);
  if (segs[0] && SECTIONS.has(segs[0])) segs = segs.slice(1);
  if (segs.length === 0 || LISTS.has(segs[0]!)) return 'list';
  return null;
}

/** "Download WPS Office for Android 18.2" → "WPS Office" */
function appName(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const name = stripVersion(raw.replace(/^download\s+/i, '')).replace(/\s+for\s+(android|windows|mac|pc)$/i, '');
  return stripVersion(name).trim() || undefined;
}

function extractMain(doc: Document, url: URL): Listing | null {
  const ld = readSoftwareApplications(doc)[0];
  const h1 = firstOf(doc, ['.program-header h1', 'h1']);
  const header = h1?.closest('.program-header, header, section') ?? h1;
  const scope = firstOf(doc, ['main', '#main', '.main-content']) ?? doc;
  return mainListing(doc, url, {
    element: header,
    scope,
    name: appName(cleanText(h1, 200)) ?? appName(ld?.name),
    developer:
      ld?.developer ??
      cleanText(firstOf(header ?? doc, ['.program-header__author a', '.program-header__author']), 120)?.replace(/^by\s+/i, '') ??
      (scope ? labelledValue(scope, /^(developer|author|publisher)$/i) : undefined),
  });
}

function extractCards(doc: Document, url: URL, root?: ParentNode): Listing[] {
  return cardsFromLinks(doc, url, {
    root,
    appOf(link) {
      if (!HOSTS.includes(link.hostname.toLowerCase())) return null;
      const prog = programSegments(link);
      return prog ? { key: `${link.pathname.includes('/android/') ? 'android/' : ''}${prog[0]}`, ids: [] } : null;
    },
    cardOf: (a) => a.closest('li, article, .card-program') ?? a,
    name: (card, a) => appName(cleanText(firstOf(card, ['.card-program__name', '.program-name', 'h3', 'h2']), 200) ?? cleanText(a, 200)),
    developer: (card) => cleanText(firstOf(card, ['.card-program__author', '.program-author']), 120)?.replace(/^by\s+/i, ''),
  });
}

const PAGES: DownloadSitePages = { classify, main: extractMain, cards: extractCards };

export const filehippoAdapter: SiteAdapter = {
  id: 'filehippo',
  name: 'FileHippo',
  hosts: HOSTS,
  classify,
  examples: [
    { url: 'https://filehippo.com/download_wps-office/', kind: 'detail' },
    { url: 'https://filehippo.com/download_wps-office/post_download/', kind: 'download' },
    { url: 'https://filehippo.com/download_wps-office/history/', kind: 'detail' },
    { url: 'https://filehippo.com/android/download_camscanner/', kind: 'detail' },
    { url: 'https://filehippo.com/android/download_camscanner/post_download/', kind: 'download' },
    { url: 'https://filehippo.com/de/download_wps-office/', kind: 'detail' },
    { url: 'https://filehippo.com/search/?q=scanner', kind: 'list' },
    { url: 'https://filehippo.com/android/search/?q=scanner', kind: 'list' },
    { url: 'https://filehippo.com/popular/', kind: 'list' },
    { url: 'https://filehippo.com/', kind: 'list' },
    { url: 'https://filehippo.com/privacy/', kind: null },
    { url: 'https://filehippo.com.example.org/download_wps-office/', kind: null },
  ],
  extract: (doc, url) => extractDownloadSitePage(PAGES, doc, url),
  extractFrom: (root, url) => extractAddedCards(PAGES, root, url),
};
