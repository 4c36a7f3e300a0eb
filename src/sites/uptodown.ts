// Uptodown: one subdomain per app and language.
//   <app>.en.uptodown.com/android            detail (also /windows, /mac, /android/versions)
//   <app>.en.uptodown.com/android/download   download (also /post-download, /download/<id>)
//   en.uptodown.com/android/search[/<q>]     list; en.uptodown.com/android[/<category>] list
//   en.uptodown.com/developer/<slug>         developer
// Spanish is the root language (<app>.uptodown.com). hosts is ['uptodown.com']:
// the registry matches subdomains (a host matches when equal to, or ending in
// ".", an adapter host).
// Evidence: the technical table prints "Package Name cn.wps.moffice_eng";
// search cards carry only names (their links point to app subdomains).

import { extractAddedCards, extractDownloadSitePage, type DownloadSitePages } from './download-site';
import type { Listing, PageKind, SiteAdapter } from './types';
import { cardsFromLinks, mainListing, pathSegments, siteSubdomain } from './links';
import { cleanText, firstOf, labelledValue } from './page-text';

const SITE = 'uptodown.com';
const PLATFORMS = new Set(['android', 'windows', 'mac', 'iphone', 'ios']);

function classify(url: URL): PageKind | null {
  const sub = siteSubdomain(url, SITE);
  if (!sub) return null;
  const segs = pathSegments(url);
  if (sub.app) {
    if (segs.length === 0) return 'detail'; // redirects to the platform page
    if (!PLATFORMS.has(segs[0]!)) return null;
    if (segs[1] === 'download' || segs[1] === 'post-download') return 'download';
    if (segs.length === 1 || segs[1] === 'versions') return 'detail';
    return null;
  }
  if (segs[0] === 'developer') return segs.length >= 2 ? 'developer' : null;
  if (segs.length === 0 || segs[0] === 'search') return 'list';
  if (PLATFORMS.has(segs[0]!)) return 'list'; // platform home, /android/search, /android/<category>
  return null;
}

/** "WPS Office for Android" → "WPS Office" */
function appName(raw: string | undefined): string | undefined {
  return raw?.replace(/\s+for\s+(android|windows|mac|iphone|ios|pc)$/i, '').trim() || undefined;
}

function extractMain(doc: Document, url: URL): Listing | null {
  const h1 = firstOf(doc, ['#detail-app-name', '.detail h1', 'h1']);
  const header = h1?.closest('.detail, header, section') ?? h1;
  const devEl = firstOf(header ?? doc, ['#author-link', '.author a', 'a[href*="/developer/"]']);
  const scope = firstOf(doc, ['#content', 'main']) ?? doc;
  return mainListing(doc, url, {
    element: header,
    scope,
    name: appName(cleanText(h1, 200)),
    developer: cleanText(devEl, 120) ?? (scope ? labelledValue(scope, /^(author|developer)$/i) : undefined),
  });
}

function extractCards(doc: Document, url: URL, root?: ParentNode): Listing[] {
  return cardsFromLinks(doc, url, {
    root,
    appOf(link) {
      const sub = siteSubdomain(link, SITE);
      // Cards link to an app subdomain; the subdomain is the app, the ids come from the card if any.
      return sub?.app ? { key: sub.app, ids: [] } : null;
    },
    cardOf: (a) => a.closest('.item, li, article') ?? a,
    name: (card, a) => appName(cleanText(firstOf(card, ['.name', '.title', 'h2', 'h3']), 200) ?? cleanText(a, 200)),
    developer: (card) => cleanText(firstOf(card, ['.author', '.developer']), 120),
  });
}

const PAGES: DownloadSitePages = { classify, main: extractMain, cards: extractCards };

export const uptodownAdapter: SiteAdapter = {
  id: 'uptodown',
  name: 'Uptodown',
  hosts: [SITE],
  classify,
  examples: [
    { url: 'https://wps-office.en.uptodown.com/android', kind: 'detail' },
    { url: 'https://wps-office.en.uptodown.com/android/versions', kind: 'detail' },
    { url: 'https://wps-office.en.uptodown.com/android/download', kind: 'download' },
    { url: 'https://wps-office.en.uptodown.com/android/download/1012345678', kind: 'download' },
    { url: 'https://wps-office.en.uptodown.com/windows', kind: 'detail' },
    { url: 'https://wps-office.uptodown.com/android', kind: 'detail' },
    { url: 'https://vidmate.en.uptodown.com/android', kind: 'detail' },
    { url: 'https://en.uptodown.com/android/search', kind: 'list' },
    { url: 'https://en.uptodown.com/android/search/wps', kind: 'list' },
    { url: 'https://en.uptodown.com/android', kind: 'list' },
    { url: 'https://en.uptodown.com/android/productivity', kind: 'list' },
    { url: 'https://en.uptodown.com/developer/kingsoft-office-software', kind: 'developer' },
    { url: 'https://en.uptodown.com/about', kind: null },
    { url: 'https://wps-office.en.uptodown.com/android/comments/extra', kind: null },
    { url: 'https://uptodown.com.evil.example/android', kind: null },
  ],
  extract: (doc, url) => extractDownloadSitePage(PAGES, doc, url),
  extractFrom: (root, url) => extractAddedCards(PAGES, root, url),
};
