// Amazon Appstore listings on amazon.com (and the other Amazon sites that sold Android apps).
// /dp/<ASIN> is every kind of product, so classify() says 'detail' for any /dp/ path but
// extract() returns nothing unless the page proves it is an app listing. The markers used:
// the Appstore-only "mobile app store" blocks (#mas-title, #masTechnicalDetails-btf,
// #mas-latest-updates; Amazon's own id prefix "mas") or an "Apps & Games" breadcrumb.
// Search pages count only when the search is scoped to apps (i=mobile-apps).

import { idsFromHref, idsFromUrl, mergeIds } from './store-links';
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
const ASIN = 'B0[0-9A-Z]{8}';
const DETAIL = new RegExp(`^(?:/[^/]+)?/(?:dp|gp/product)/${ASIN}(?:/.*)?$`);
const APP_MARKERS = '#mas-title, #masTechnicalDetails-btf, #mas-latest-updates';
const APPS_BREADCRUMB = /Apps\s*(?:&|and)\s*Games|Appstore/i;
const MAX_LINKS = 3000;
const MAX_RESULTS = 200;
const MAX_TEXT = 300;

function classify(url: URL): PageKind | null {
  if (!HOSTS.includes(url.hostname.toLowerCase())) return null;
  const path = url.pathname;
  if (DETAIL.test(path)) return 'detail';
  if (path === '/s' || path === '/s/') return url.searchParams.get('i') === 'mobile-apps' ? 'list' : null;
  return null;
}

function clean(text: string | null | undefined): string | undefined {
  const t = text?.replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
}

/** textContent without <style>/<script>, bounded. */
function visibleText(el: Element | null | undefined): string | undefined {
  if (!el) return undefined;
  let out = '';
  const walk = (node: Node, depth: number): void => {
    if (out.length > MAX_TEXT || depth > 12) return;
    if (node.nodeType === 3) out += node.textContent ?? '';
    else if (node.nodeType === 1 && !/^(STYLE|SCRIPT|TEMPLATE|NOSCRIPT|svg)$/i.test((node as Element).tagName)) {
      for (const child of Array.from(node.childNodes)) walk(child, depth + 1);
    }
  };
  walk(el, 0);
  return clean(out.slice(0, MAX_TEXT));
}

/** Is this /dp/ page an Appstore app listing? (A book or a phone case must yield nothing.) */
export function isAppListingPage(doc: Document): boolean {
  if (doc.querySelector(APP_MARKERS)) return true;
  const crumbs = doc.querySelector('#wayfinding-breadcrumbs_feature_div, #wayfinding-breadcrumbs_container');
  return APPS_BREADCRUMB.test(visibleText(crumbs) ?? '');
}

const isAsin = (id: ListingId) => id.platform === 'amazon';

/** "by TikTok Pte. Ltd." / "Visit the TikTok Store" → the developer. */
function developerFrom(text: string | undefined): string | undefined {
  return clean(text?.replace(/^(?:by|von|par|di|de|por)\s+/i, '').replace(/^Visit the\s+(.+?)\s+Store$/i, '$1'));
}

function extractMain(doc: Document, url: URL): Listing {
  const ids = idsFromUrl(url, 'url');
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  if (canonical) mergeIds(ids, idsFromHref(canonical, url, 'meta').filter(isAsin));
  const hidden = doc.querySelector('input#ASIN')?.getAttribute('value');
  if (hidden && new RegExp(`^${ASIN}$`).test(hidden)) mergeIds(ids, [{ platform: 'amazon', value: hidden, from: 'meta' }]);
  const title = doc.querySelector('#mas-title') ?? doc.querySelector('#productTitle') ?? doc.querySelector('h1');
  return {
    name: visibleText(title),
    developer: developerFrom(visibleText(doc.querySelector('#bylineInfo'))),
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
      const text = visibleText(row);
      if (text && /^by\s/i.test(text)) {
        developer = developerFrom(text);
        break;
      }
    }
    cards.push({ name: visibleText(result.querySelector('h2')), developer, ids: [{ platform: 'amazon', value: asin, from: 'meta' }], element: result, role: 'card' });
  }
  return cards;
}

/** Other apps linked from an app page ("Customers also bought"), deduped by ASIN. */
function extractLinkedApps(doc: Document, url: URL, seen: Set<string>): Listing[] {
  const cards: Listing[] = [];
  for (const link of Array.from(doc.querySelectorAll('a[href*="/dp/"]')).slice(0, MAX_LINKS)) {
    const id = idsFromHref(link.getAttribute('href') ?? '', url, 'link').find(isAsin);
    if (!id || seen.has(id.value)) continue;
    seen.add(id.value);
    const element = link.closest('li, [data-asin]') ?? link;
    const title = element.querySelector('[class*="truncate"], [class*="title"], img[alt]');
    const name = title?.tagName === 'IMG' ? clean(title.getAttribute('alt')) : visibleText(title);
    cards.push({ name: name ?? visibleText(link), ids: [id], element, role: 'card' });
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
