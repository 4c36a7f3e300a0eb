// Aptoide: one subdomain per app and language.
//   <app>.en.aptoide.com/app           detail (also ?store_name=…, /versions)
//   <app>.en.aptoide.com/app/download  download (also /download)
//   en.aptoide.com/search?query=…      list; en.aptoide.com/[apps|games]/… list
// hosts is ['aptoide.com']; the registry matches subdomains.
// Evidence: "Package" printed in the app info, Google Play links when present,
// JSON-LD SoftwareApplication; search cards carry only names.

import { extractAddedCards, extractDownloadSitePage, type DownloadSitePages } from './download-site';
import type { Listing, PageKind, SiteAdapter } from './types';
import { readSoftwareApplications } from './json-ld';
import { cardsFromLinks, mainListing, pathSegments, siteSubdomain } from './links';
import { cleanText, firstOf, labelledValue, stripVersion } from './page-text';

const SITE = 'aptoide.com';
// Subdomains that are services, not apps.
const NOT_APPS = new Set(['www', 'blog', 'connect', 'pool', 'ws75', 'cdn', 'store', 'help', 'webservices']);

function classify(url: URL): PageKind | null {
  const sub = siteSubdomain(url, SITE);
  if (!sub) return null;
  const segs = pathSegments(url);
  if (sub.app) {
    if (NOT_APPS.has(sub.app)) return null;
    if (segs.length === 0) return 'detail';
    if (segs.includes('download')) return 'download';
    if (segs[0] === 'app' || segs[0] === 'versions') return segs.length <= 2 ? 'detail' : null;
    return null;
  }
  if (segs.length === 0 || segs[0] === 'search' || segs[0] === 'apps' || segs[0] === 'games') return 'list';
  return null;
}

/** "Download VidMate APK" / "VidMate 5.1" → "VidMate" */
function appName(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  return stripVersion(raw.replace(/^download\s+/i, '').replace(/\s+X?APK(\s.*)?$/i, '')).trim() || undefined;
}

function extractMain(doc: Document, url: URL): Listing | null {
  const ld = readSoftwareApplications(doc)[0];
  const h1 = firstOf(doc, ['h1']);
  const header = h1?.closest('header, section') ?? h1;
  const scope = firstOf(doc, ['main', '#main']) ?? doc;
  return mainListing(doc, url, {
    element: header,
    scope,
    name: appName(cleanText(h1, 200)) ?? appName(ld?.name),
    developer: ld?.developer ?? (scope ? labelledValue(scope, /^(developer|company)$/i) : undefined),
  });
}

function extractCards(doc: Document, url: URL, root?: ParentNode): Listing[] {
  return cardsFromLinks(doc, url, {
    root,
    appOf(link) {
      const sub = siteSubdomain(link, SITE);
      return sub?.app && !NOT_APPS.has(sub.app) ? { key: sub.app, ids: [] } : null;
    },
    cardOf: (a) => a.closest('li, article') ?? a,
    name: (card, a) =>
      appName(cleanText(firstOf(card, ['[class*="app-name"]', '[class*="AppName"]', 'h2', 'h3']), 200) ?? cleanText(a, 200)),
  });
}

const PAGES: DownloadSitePages = { classify, main: extractMain, cards: extractCards };

export const aptoideAdapter: SiteAdapter = {
  id: 'aptoide',
  name: 'Aptoide',
  hosts: [SITE],
  classify,
  examples: [
    { url: 'https://mobile-qq.en.aptoide.com/app', kind: 'detail' },
    { url: 'https://mobile-qq.en.aptoide.com/app?store_name=aptoide-web', kind: 'detail' },
    { url: 'https://mobile-qq.en.aptoide.com/versions', kind: 'detail' },
    { url: 'https://mobile-qq.en.aptoide.com/app/download', kind: 'download' },
    { url: 'https://vidmate.en.aptoide.com/download', kind: 'download' },
    { url: 'https://en.aptoide.com/search?query=vmate', kind: 'list' },
    { url: 'https://en.aptoide.com/apps/latest', kind: 'list' },
    { url: 'https://en.aptoide.com/', kind: 'list' },
    { url: 'https://blog.aptoide.com/app', kind: null },
    { url: 'https://en.aptoide.com/company/about-us', kind: null },
    { url: 'https://aptoide.com.example.net/app', kind: null },
  ],
  extract: (doc, url) => extractDownloadSitePage(PAGES, doc, url),
  extractFrom: (root, url) => extractAddedCards(PAGES, root, url),
};
