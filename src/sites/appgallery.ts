// Huawei AppGallery on the web (appgallery.huawei.com). A client-rendered Vue app: routes
// are /app/C<digits> and /search/<words>, or the same behind "#/" on older links
// (appgallery.huawei.com/#/app/C100000123). The app id lives in the route; the detail page's
// facts sit in `.appSingleInfo` rows (`.info_key` "Developer" → `.info_val`). Search results
// navigate by script (no <a href>), so search cards carry names only.

import { appLinks, firstLinkPerApp } from './cards';
import { documentTitle, elementText, tidyText } from './page-text';
import { idsFromUrl } from './store-links';
import type { Listing, ListingId, PageKind, SiteAdapter } from './types';

const HOSTS = ['appgallery.huawei.com', 'appgallery.cloud.huawei.com'];
// "Developer" as AppGallery labels it in its main UI languages.
const DEVELOPER_KEY = /^(?:developer|开发者|開發者|разработчик|entwickler|développeur|desarrollador|sviluppatore|desenvolvedor|geliştirici|pengembang|開発者)\s*:?$/i;

/** The route the page shows: the path, or the hash route on legacy "#/…" links. */
function route(url: URL): string {
  const hash = url.hash.startsWith('#/') ? url.hash.slice(1).split('?')[0]! : '';
  const path = url.pathname.replace(/\/+$/, '');
  return (path || hash || '/').replace(/\/+$/, '') || '/';
}

function classify(url: URL): PageKind | null {
  if (!HOSTS.includes(url.hostname.toLowerCase())) return null;
  const r = route(url);
  if (/^\/app\/C\d{5,}$/i.test(r)) return 'detail';
  if (/^\/search(?:\/.*)?$/i.test(r)) return 'list';
  if (/^\/(?:home|featured|apps|games|rank|topcharts|category\/.+)?$/i.test(r)) return 'list';
  return null;
}

const isAppGallery = (id: ListingId) => id.platform === 'appgallery';

/** "WPS Office | Huawei AppGallery" / "WPS Office - HUAWEI AppGallery" → "WPS Office". */
function nameFromTitle(title: string | undefined): string | undefined {
  return tidyText(title?.replace(/\s*[-–|]\s*(?:HUAWEI\s+)?AppGallery.*$/i, ''));
}

function developerRow(doc: Document): string | undefined {
  for (const row of Array.from(doc.querySelectorAll('.appSingleInfo')).slice(0, 40)) {
    if (DEVELOPER_KEY.test(tidyText(row.querySelector('.info_key')?.textContent) ?? '')) {
      return elementText(row.querySelector('.info_val'));
    }
  }
  return undefined;
}

function extractMain(doc: Document, url: URL): Listing {
  const title = doc.querySelector('.center_info .title, .detailhead .title, h1');
  const header = doc.querySelector('.detailhead') ?? title?.closest('header') ?? title ?? undefined;
  const pageTitle = documentTitle(doc);
  return {
    name: elementText(title) ?? nameFromTitle(pageTitle),
    developer: developerRow(doc),
    ids: idsFromUrl(url, 'url'),
    element: header,
    role: 'main',
  };
}

/** Links to other apps (rare: recommendation shelves on some builds), then search result names. */
function extractCards(doc: Document, url: URL, skip: Set<string>): Listing[] {
  const cards: Listing[] = [];
  for (const { link, id } of firstLinkPerApp(appLinks(doc, url, 'a[href*="/app/C"]', isAppGallery), skip)) {
    const element = link.closest('li, article') ?? link;
    cards.push({ name: elementText(element.querySelector('.title, .name, h3, h4') ?? link), ids: [id], element, role: 'card' });
  }
  if (classify(url) === 'list') {
    // Search/browse cards: `.game-info` / `.appItem` tiles with a `.title`; navigation is scripted.
    for (const tile of Array.from(doc.querySelectorAll('.game-info, .appItem, .appList .item')).slice(0, 500)) {
      if (tile.querySelector('a[href*="/app/C"]')) continue;
      const name = elementText(tile.querySelector('.title, .name'));
      if (name) cards.push({ name, developer: elementText(tile.querySelector('.developer, .company')), ids: [], element: tile, role: 'card' });
    }
  }
  return cards;
}

function extract(doc: Document, url: URL): Listing[] {
  const kind = classify(url);
  if (!kind) return [];
  if (kind === 'detail') {
    const main = extractMain(doc, url);
    return [main, ...extractCards(doc, url, new Set(main.ids.map((id) => id.value)))];
  }
  return extractCards(doc, url, new Set());
}

export const appGallery: SiteAdapter = {
  id: 'appgallery',
  name: 'Huawei AppGallery',
  hosts: HOSTS,
  classify,
  extract,
  examples: [
    { url: 'https://appgallery.huawei.com/app/C100000001', kind: 'detail' },
    { url: 'https://appgallery.huawei.com/#/app/C100000001', kind: 'detail' },
    { url: 'https://appgallery.huawei.com/app/C100000001?sharePrepath=ag&locale=en_GB', kind: 'detail' },
    { url: 'https://appgallery.cloud.huawei.com/appDetail?pkgName=com.example', kind: null },
    { url: 'https://appgallery.huawei.com/search/wps', kind: 'list' },
    { url: 'https://appgallery.huawei.com/#/search/scanner', kind: 'list' },
    { url: 'https://appgallery.huawei.com/', kind: 'list' },
    { url: 'https://appgallery.huawei.com/#/Featured', kind: 'list' },
    { url: 'https://appgallery.huawei.com/app/123', kind: null },
    { url: 'https://appgallery.huawei.com/#/about', kind: null },
    { url: 'https://consumer.huawei.com/en/mobileservices/appgallery/', kind: null },
  ],
};
