// Amazon Appstore listings on amazon.com (and the other Amazon sites that sold Android apps).
// /dp/<ASIN> is every kind of product, so classify() says 'detail' for any /dp/ path but
// extract() returns nothing unless the page proves it is an app listing. The markers used:
// the Appstore-only "mobile app store" blocks (#mas-title, #masTechnicalDetails-btf,
// #mas-latest-updates; Amazon's own id prefix "mas") or an "Apps & Games" breadcrumb.
// Search pages count only when the search is scoped to apps (i=mobile-apps).

import { appLinks, firstLinkPerApp } from './cards';
import { pageIds } from './page-ids';
import { elementText, tidyText } from './page-text';
import { mergeIds } from './store-links';
import type { Listing, ListingId, PageKind, SiteAdapter } from './types';

// Explicit hosts: only Amazon sites that ran the Appstore (the manifest matches are built from these).
const HOSTS = [
  'www.amazon.com',
  'www.amazon.co.uk',
  'www.amazon.de',
  'www.amazon.fr',
  'www.amazon.it',
  'www.amazon.es',
  'www.amazon.co.jp',
  'www.amazon.ca',
  'www.amazon.com.au',
  'www.amazon.in',
];
// The content script runs on product pages and app-scoped searches only, not the whole store.
const PAGES = ['/dp/*', '/*/dp/*', '/gp/product/*', '/*/gp/product/*', '/s?*i=mobile-apps*'];
const ASIN = 'B0[0-9A-Z]{8}';
const DETAIL = new RegExp(`^(?:/[^/]+)?/(?:dp|gp/product)/${ASIN}(?:/.*)?$`);
const APP_MARKERS = '#mas-title, #masTechnicalDetails-btf, #mas-latest-updates';
const APPS_BREADCRUMB = /Apps\s*(?:&|and)\s*Games|Appstore/i;
const MAX_RESULTS = 200;

function classify(url: URL): PageKind | null {
  if (!HOSTS.includes(url.hostname.toLowerCase())) return null;
  const path = url.pathname;
  if (DETAIL.test(path)) return 'detail';
  if (path === '/s' || path === '/s/') return url.searchParams.get('i') === 'mobile-apps' ? 'list' : null;
  return null;
}

/** Is this /dp/ page an Appstore app listing? (A book or a phone case must yield nothing.) */
export function isAppListingPage(doc: Document): boolean {
  if (doc.querySelector(APP_MARKERS)) return true;
  const crumbs = doc.querySelector('#wayfinding-breadcrumbs_feature_div, #wayfinding-breadcrumbs_container');
  return APPS_BREADCRUMB.test(elementText(crumbs) ?? '');
}

const isAsin = (id: ListingId) => id.platform === 'amazon';

/** "by TikTok Pte. Ltd." / "Visit the TikTok Store" → the developer. */
function developerFrom(text: string | undefined): string | undefined {
  return tidyText(text?.replace(/^(?:by|von|par|di|de|por)\s+/i, '').replace(/^Visit the\s+(.+?)\s+Store$/i, '$1'));
}

function extractMain(doc: Document, url: URL): Listing {
  const ids = pageIds(doc, url, isAsin);
  const hidden = doc.querySelector('input#ASIN')?.getAttribute('value');
  if (hidden && new RegExp(`^${ASIN}$`).test(hidden)) mergeIds(ids, [{ platform: 'amazon', value: hidden, from: 'meta' }]);
  const title = doc.querySelector('#mas-title') ?? doc.querySelector('#productTitle') ?? doc.querySelector('h1');
  return {
    name: elementText(title),
    developer: developerFrom(elementText(doc.querySelector('#bylineInfo'))),
    ids,
    element: doc.querySelector('#mas-title, #title_feature_div, #centerCol') ?? title ?? undefined,
    role: 'main',
  };
}

/** Search results: each result names its ASIN in data-asin, its title in h2, its developer in a "by …" row. */
function extractResults(doc: Document, seen: Set<string>): Listing[] {
  const cards: Listing[] = [];
  const results = Array.from(doc.querySelectorAll('[data-component-type="s-search-result"][data-asin]')).slice(0, MAX_RESULTS);
  for (const result of results) {
    const asin = result.getAttribute('data-asin') ?? '';
    if (!new RegExp(`^${ASIN}$`).test(asin) || seen.has(asin)) continue;
    seen.add(asin);
    let developer: string | undefined;
    for (const row of Array.from(result.querySelectorAll('.a-row')).slice(0, 12)) {
      const text = elementText(row);
      if (text && /^by\s/i.test(text)) {
        developer = developerFrom(text);
        break;
      }
    }
    cards.push({ name: elementText(result.querySelector('h2')), developer, ids: [{ platform: 'amazon', value: asin, from: 'meta' }], element: result, role: 'card' });
  }
  return cards;
}

/** Other apps linked from an app page ("Customers also bought"), deduped by ASIN. */
function extractLinkedApps(doc: Document, url: URL, seen: Set<string>): Listing[] {
  const cards: Listing[] = [];
  for (const { link, id } of firstLinkPerApp(appLinks(doc, url, 'a[href*="/dp/"]', isAsin), seen)) {
    const element = link.closest('li, [data-asin]') ?? link;
    const title = element.querySelector('[class*="truncate"], [class*="title"], img[alt]');
    const name = title?.tagName === 'IMG' ? tidyText(title.getAttribute('alt')) : elementText(title);
    cards.push({ name: name ?? elementText(link), ids: [id], element, role: 'card' });
  }
  return cards;
}

function extract(doc: Document, url: URL): Listing[] {
  const kind = classify(url);
  if (kind === 'list') return extractResults(doc, new Set());
  if (kind !== 'detail' || !isAppListingPage(doc)) return [];
  const main = extractMain(doc, url);
  const seen = new Set(main.ids.map((id) => id.value));
  return [main, ...extractLinkedApps(doc, url, seen)];
}

export const amazonAppstore: SiteAdapter = {
  id: 'amazon-appstore',
  name: 'Amazon Appstore',
  hosts: HOSTS,
  matches: HOSTS.flatMap((host) => PAGES.map((path) => `https://${host}${path}`)),
  classify,
  extract,
  examples: [
    { url: 'https://www.amazon.com/TikTok-Inc/dp/B0117U0G3M', kind: 'detail' },
    { url: 'https://www.amazon.com/dp/B0117U0G3M', kind: 'detail' },
    { url: 'https://www.amazon.com/gp/product/B0117U0G3M/ref=mas_pm_tiktok', kind: 'detail' },
    { url: 'https://www.amazon.co.uk/TikTok/dp/B0117U0G3M/', kind: 'detail' },
    { url: 'https://www.amazon.com/s?i=mobile-apps&k=scanner', kind: 'list' },
    { url: 'https://www.amazon.com/s?k=scanner', kind: null },
    { url: 'https://www.amazon.com/gp/cart/view.html', kind: null },
    { url: 'https://www.amazon.com/', kind: null },
    { url: 'https://www.amazon.com/dp/0141439513', kind: null },
    { url: 'https://smile.amazon.example/dp/B0117U0G3M', kind: null },
    { url: 'https://aws.amazon.com/dp/B0117U0G3M', kind: null },
  ],
};
