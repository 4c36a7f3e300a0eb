// Softonic: one subdomain per app and language, like Uptodown.
//   camscanner.en.softonic.com/android            detail (also /windows, /mac, /iphone, bare /)
//   camscanner.en.softonic.com/android/download   download
//   en.softonic.com/s/<query>[/android]           list (search)
//   en.softonic.com/android[/<category>]          list
// hosts is ['softonic.com']; the registry matches subdomains.
// Evidence: JSON-LD SoftwareApplication (name, author), the "Download from
// Google Play" button Android pages carry, a printed package if any.

import { extractAddedCards, extractDownloadSitePage, type DownloadSitePages } from './download-site';
import type { Listing, PageKind, SiteAdapter } from './types';
import { readSoftwareApplications } from './json-ld';
import { cardsFromLinks, mainListing, pathSegments, siteSubdomain } from './links';
import { cleanText, firstOf, labelledValue } from './page-text';

const SITE = 'softonic.com';
const PLATFORMS = new Set(['android', 'windows', 'mac', 'iphone', 'ios', 'web-apps']);

function classify(url: URL): PageKind | null {
  const sub = siteSubdomain(url, SITE);
  if (!sub) return null;
  const segs = pathSegments(url);
  if (sub.app) {
    if (segs.length === 0) return 'detail';
    if (segs[0] === 'download') return 'download';
    if (!PLATFORMS.has(segs[0]!)) return null;
    if (segs[1] === 'download') return 'download';
    return segs.length === 1 ? 'detail' : null;
  }
  if (segs.length === 0 || segs[0] === 's') return 'list';
  if (PLATFORMS.has(segs[0]!)) return 'list';
  return null; // articles, guides, solutions
}

/** "Download CamScanner for Android" → "CamScanner" */
function appName(raw: string | undefined): string | undefined {
  return (
    raw
      ?.replace(/^download\s+/i, '')
      .replace(/\s+(for|para|pour|für)\s+(android|windows|mac|iphone|ios|pc)$/i, '')
      .trim() || undefined
  );
}

function extractMain(doc: Document, url: URL): Listing | null {
  const ld = readSoftwareApplications(doc)[0];
  const h1 = firstOf(doc, ['[data-meta="app-name"]', '.app-header__title', 'h1']);
  const header = h1?.closest('.app-header, header, section') ?? h1;
  const scope = firstOf(doc, ['main', '#main', '.main']) ?? doc;
  const devEl = firstOf(header ?? doc, ['[data-meta="app-developer"]', '.app-header__developer']);
  return mainListing(doc, url, {
    element: header,
    scope,
    name: appName(cleanText(h1, 200)) ?? appName(ld?.name),
    developer: ld?.developer ?? cleanText(devEl, 120) ?? (scope ? labelledValue(scope, /^(developer|author)$/i) : undefined),
  });
}

function extractCards(doc: Document, url: URL, root?: ParentNode): Listing[] {
  return cardsFromLinks(doc, url, {
    root,
    appOf(link) {
      const sub = siteSubdomain(link, SITE);
      if (!sub?.app) return null;
      // One card per app and platform: a search can list CamScanner for Android and for Windows.
      return { key: `${sub.app}/${pathSegments(link)[0] ?? ''}`, ids: [] };
    },
    cardOf: (a) => a.closest('li, article') ?? a,
    name: (card, a) =>
      appName(cleanText(firstOf(card, ['[data-meta="app-name"]', '.app-info__name', 'h2', 'h3']), 200) ?? cleanText(a, 200)),
    developer: (card) => cleanText(firstOf(card, ['[data-meta="app-developer"]', '.app-info__developer']), 120),
  });
}

const PAGES: DownloadSitePages = { classify, main: extractMain, cards: extractCards };

export const softonicAdapter: SiteAdapter = {
  id: 'softonic',
  name: 'Softonic',
  hosts: [SITE],
  classify,
  examples: [
    { url: 'https://camscanner.en.softonic.com/android', kind: 'detail' },
    { url: 'https://camscanner.en.softonic.com/', kind: 'detail' },
    { url: 'https://camscanner.en.softonic.com/android/download', kind: 'download' },
    { url: 'https://wps-office.en.softonic.com/download', kind: 'download' },
    { url: 'https://adobe-scan.en.softonic.com/android', kind: 'detail' },
    { url: 'https://en.softonic.com/s/scanner', kind: 'list' },
    { url: 'https://en.softonic.com/s/scanner/android', kind: 'list' },
    { url: 'https://en.softonic.com/android/productivity', kind: 'list' },
    { url: 'https://en.softonic.com/', kind: 'list' },
    { url: 'https://en.softonic.com/articles/best-scanner-apps', kind: null },
    { url: 'https://camscanner.en.softonic.com/android/comments', kind: null },
    { url: 'https://softonic.com.example.net/s/scanner', kind: null },
  ],
  extract: (doc, url) => extractDownloadSitePage(PAGES, doc, url),
  extractFrom: (root, url) => extractAddedCards(PAGES, root, url),
};
