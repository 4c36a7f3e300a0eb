// F-Droid (f-droid.org, search.f-droid.org): free-software Android apps.
//   f-droid.org[/<lang>]/packages/<package>/   detail (the URL carries the package)
//   f-droid.org[/<lang>]/packages/, /categories/…  list; search.f-droid.org/?q=…  list
// None of the covered apps is published there; the adapter must still read
// pages correctly so they stay clean.

import { extractAddedCards, extractDownloadSitePage, type DownloadSitePages } from './download-site';
import type { Listing, ListingId, PageKind, SiteAdapter } from './types';
import { isPlayPackage } from './store-links';
import { androidApp, cardsFromLinks, mainListing, pathSegments } from './links';
import { cleanText, firstOf, labelledValue } from './page-text';

const HOSTS = ['f-droid.org', 'www.f-droid.org', 'search.f-droid.org'];
const LANG = /^[a-z]{2,3}([_-][A-Za-z]{2,4})?$/;

/** Segments without the language prefix (/en/, /zh_Hans/, /pt_BR/). */
function siteSegments(url: URL): string[] {
  const segs = pathSegments(url);
  return segs.length > 0 && LANG.test(segs[0]!) && segs[0] !== 'packages' ? segs.slice(1) : segs;
}

function packageOf(url: URL): string | null {
  const host = url.hostname.toLowerCase();
  if (host !== 'f-droid.org' && host !== 'www.f-droid.org') return null;
  const segs = siteSegments(url);
  return segs[0] === 'packages' && segs[1] && isPlayPackage(segs[1]) ? segs[1] : null;
}

function classify(url: URL): PageKind | null {
  const host = url.hostname.toLowerCase();
  if (!HOSTS.includes(host)) return null;
  if (host === 'search.f-droid.org') return 'list';
  const segs = siteSegments(url);
  if (packageOf(url)) return segs.length === 2 ? 'detail' : null;
  if (segs[0] === 'packages' || segs[0] === 'categories') return 'list';
  return null;
}

function extractMain(doc: Document, url: URL): Listing | null {
  const pkg = packageOf(url);
  const urlIds: ListingId[] = pkg ? [{ platform: 'google-play', value: pkg, from: 'url' }] : [];
  const title = firstOf(doc, ['.package-header .package-name', '.package-name', 'h3', 'h1']);
  const header = title?.closest('.package-header, header') ?? title;
  const scope = firstOf(doc, ['.package', 'article', 'main']) ?? doc;
  return mainListing(doc, url, {
    element: header,
    scope,
    name: cleanText(title, 200),
    developer: scope ? labelledValue(scope, /^(author|developer)$/i) : undefined,
    urlIds,
  });
}

function extractCards(doc: Document, url: URL, root?: ParentNode): Listing[] {
  return cardsFromLinks(doc, url, {
    root,
    appOf: (link) => androidApp(packageOf(link)),
    // F-Droid list items are the anchors themselves (a.package-header).
    cardOf: (a) => a.closest('.package-header, li') ?? a,
    name: (card, a) => cleanText(firstOf(card, ['.package-name', 'h4', 'h3']), 200) ?? cleanText(a, 200),
  });
}

const PAGES: DownloadSitePages = { classify, main: extractMain, cards: extractCards };

export const fdroidAdapter: SiteAdapter = {
  id: 'fdroid',
  name: 'F-Droid',
  hosts: HOSTS,
  classify,
  examples: [
    { url: 'https://f-droid.org/packages/org.fdroid.fdroid/', kind: 'detail' },
    { url: 'https://f-droid.org/en/packages/de.danoeh.antennapod/', kind: 'detail' },
    { url: 'https://f-droid.org/zh_Hans/packages/de.danoeh.antennapod/', kind: 'detail' },
    { url: 'https://f-droid.org/en/packages/', kind: 'list' },
    { url: 'https://f-droid.org/en/categories/multimedia/', kind: 'list' },
    { url: 'https://search.f-droid.org/?q=podcast&lang=en', kind: 'list' },
    { url: 'https://f-droid.org/en/docs/', kind: null },
    { url: 'https://f-droid.org/repo/org.fdroid.fdroid_1019050.apk', kind: null },
    { url: 'https://f-droid.org.example.com/packages/org.fdroid.fdroid/', kind: null },
  ],
  extract: (doc, url) => extractDownloadSitePage(PAGES, doc, url),
  extractFrom: (root, url) => extractAddedCards(PAGES, root, url),
};
