// APKPure (apkpure.com, apkpure.net; m. subdomains too): every app URL
// carries the Android package, /<slug>/<package> (detail),
// /<slug>/<package>/download (download), /<slug>/<package>/versions.
// Lists: /search?q=…, /developer/<name>. An optional language prefix
// (/fr/<slug>/<package>) is accepted.
// Evidence: the package from the URL (page and cards) first; names second.

import { extractAddedCards, extractDownloadSitePage, type DownloadSitePages } from './download-site';
import type { Listing, ListingId, PageKind, SiteAdapter } from './types';
import { isPlayPackage } from './store-links';
import { androidApp, cardsFromLinks, mainListing, pathSegments } from './links';
import { cleanText, firstOf } from './page-text';

const HOSTS = ['apkpure.com', 'apkpure.net'];

function isApkpureHost(host: string): boolean {
  const h = host.toLowerCase();
  return HOSTS.some((d) => h === d || h.endsWith(`.${d}`));
}

/** Segments without a leading language prefix ("/fr/…"), unless that segment is an app slug. */
function appSegments(url: URL): string[] {
  const segs = pathSegments(url);
  if (segs.length > 1 && /^[a-z]{2}(-[a-z]{2})?$/i.test(segs[0]!) && !isPlayPackage(segs[1]!)) return segs.slice(1);
  return segs;
}

/** The package an APKPure app URL names, or null. */
function packageOf(url: URL): string | null {
  if (!isApkpureHost(url.hostname)) return null;
  const segs = appSegments(url);
  const pkg = segs[1];
  return segs.length >= 2 && segs[0] !== 'developer' && pkg && isPlayPackage(pkg) ? pkg : null;
}

function classify(url: URL): PageKind | null {
  if (!isApkpureHost(url.hostname)) return null;
  const segs = appSegments(url);
  if (segs.length === 0) return 'list';
  if (segs[0] === 'search') return 'list';
  if (segs[0] === 'developer') return segs.length >= 2 ? 'developer' : null;
  if (packageOf(url)) return segs[2]?.startsWith('download') ? 'download' : 'detail';
  return null;
}

/** "Download SHAREit: Transfer, Share Files APK" → "SHAREit: Transfer, Share Files" */
function appName(raw: string | undefined): string | undefined {
  return raw?.replace(/^download(ing)?\s+/i, '').replace(/\s+X?APK(\s.*)?$/, '').trim() || undefined;
}

function extractMain(doc: Document, url: URL): Listing | null {
  const pkg = packageOf(url);
  const urlIds: ListingId[] = pkg ? [{ platform: 'google-play', value: pkg, from: 'url' }] : [];
  const h1 = firstOf(doc, ['.title-like h1', '.detail_banner h1', '.title_link h1', 'h1']);
  const header = h1?.closest('.detail_banner, .ny-dl, .dt-details-box, .details, header') ?? h1;
  // Named developer slots anywhere; a bare /developer/ link only inside the header (nav menus have them too).
  const devEl =
    firstOf(doc, ['.details-author a', '.detail_banner .developer a', '.developer a', '.author a']) ??
    (header ? firstOf(header, ['a[href*="/developer/"]']) : null);
  return mainListing(doc, url, {
    element: header,
    scope: firstOf(doc, ['.main-body', '.main', 'main']) ?? doc,
    name: appName(cleanText(h1, 200)),
    developer: cleanText(devEl, 120),
    urlIds,
  });
}

function extractCards(doc: Document, url: URL, root?: ParentNode): Listing[] {
  return cardsFromLinks(doc, url, {
    root,
    appOf: (link) => androidApp(packageOf(link)),
    cardOf: (a) => a.closest('li, dl, .search-dl, .apk-item, .list-item') ?? a,
    name: (card, a) =>
      appName(cleanText(firstOf(card, ['.p1', '.search-title', '.title', '.app-name', '.name']), 200)) ??
      appName(a.getAttribute('title') ?? cleanText(a, 200)),
    developer: (card) => cleanText(firstOf(card, ['.p2', '.developer', '.search-dev', 'a[href*="/developer/"]']), 120),
  });
}

const PAGES: DownloadSitePages = { classify, main: extractMain, cards: extractCards };

export const apkpureAdapter: SiteAdapter = {
  id: 'apkpure',
  name: 'APKPure',
  hosts: HOSTS,
  classify,
  examples: [
    { url: 'https://apkpure.com/shareit-transfer-share/com.lenovo.anyshare.gps', kind: 'detail' },
    { url: 'https://apkpure.net/shareit-transfer-share/com.lenovo.anyshare.gps', kind: 'detail' },
    { url: 'https://apkpure.com/shareit-transfer-share/com.lenovo.anyshare.gps/download', kind: 'download' },
    { url: 'https://apkpure.com/shareit-transfer-share/com.lenovo.anyshare.gps/versions', kind: 'detail' },
    { url: 'https://apkpure.com/fr/shareit-transfer-share/com.lenovo.anyshare.gps', kind: 'detail' },
    { url: 'https://m.apkpure.com/wps-office-pdf-word-excel/cn.wps.moffice_eng', kind: 'detail' },
    { url: 'https://apkpure.com/search?q=share', kind: 'list' },
    { url: 'https://apkpure.com/developer/Smart%20Media4U%20Technology%20Pte.Ltd.', kind: 'developer' },
    { url: 'https://apkpure.com/', kind: 'list' },
    { url: 'https://apkpure.com/how-to-install-xapk', kind: null },
    { url: 'https://apkpure.com/developer', kind: null },
    { url: 'https://notapkpure.com/shareit/com.lenovo.anyshare.gps', kind: null },
  ],
  extract: (doc, url) => extractDownloadSitePage(PAGES, doc, url),
  extractFrom: (root, url) => extractAddedCards(PAGES, root, url),
};
