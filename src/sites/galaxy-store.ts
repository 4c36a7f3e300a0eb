// Samsung Galaxy Store on the web (galaxystore.samsung.com; legacy apps.samsung.com links).
// Listings are keyed by Android package name (/detail/com.tencent.mm), the same value Play
// uses. The site is a client-rendered React/MUI app: search tiles (li.MuiGridListTile-root
// with #contentName / #contentSeller) navigate by script, not by <a href>, so those cards
// carry names only; links to /detail/<pkg> (similar-apps shelves, seller pages) carry ids.

import { appCards, appLinks } from './cards';
import { readSoftwareApplications } from './json-ld';
import { pageIds } from './page-ids';
import { extractStorePage, storePageSteps, type StorePages } from './store-page';
import { documentTitle, elementText, tidyText } from './page-text';
import type { Listing, ListingId, PageKind, SiteAdapter } from './types';

const HOSTS = ['galaxystore.samsung.com', 'apps.samsung.com'];
const MAX_TILES = 500;

function classify(url: URL): PageKind | null {
  if (!HOSTS.includes(url.hostname.toLowerCase())) return null;
  const path = url.pathname.replace(/\/+$/, '') || '/';
  if (/^\/detail\/[A-Za-z][\w]*(?:\.[\w]+)+$/.test(path)) return 'detail';
  if (/^\/appquery\/appDetail\.as$/i.test(path) && url.searchParams.get('appId')) return 'detail';
  if (/^\/sellerDetail\/[^/]+$/i.test(path)) return 'developer';
  if (/^\/(?:search(?:\/.*)?|apps|games|category\/.+|topCharts|watch|themes)$|^\/$/i.test(path)) return 'list';
  return null;
}

/** Tiles and headers name things in a `title` attribute as well as in text (text is clamped). */
function label(el: Element | null | undefined): string | undefined {
  return el ? tidyText(el.getAttribute('title')) ?? elementText(el) : undefined;
}

const isPackage = (id: ListingId) => id.platform === 'galaxy-store';

/** "WeChat - Galaxy Store" → "WeChat". */
function nameFromTitle(title: string | undefined): string | undefined {
  return tidyText(title?.replace(/\s*[-–|]\s*(?:Samsung\s+)?Galaxy Store.*$/i, ''));
}

function extractMain(doc: Document, url: URL): Listing {
  const ids = pageIds(doc, url, isPackage);
  const ld = readSoftwareApplications(doc)[0];
  const h1 = doc.querySelector('h1');
  const header = h1?.closest('header, section, [class*="detail"]') ?? h1 ?? undefined;
  const seller = doc.querySelector('a[href*="/sellerDetail/"], [id="contentSeller"]');
  const pageTitle = documentTitle(doc);
  return {
    name: tidyText(ld?.name) ?? label(h1) ?? nameFromTitle(pageTitle),
    developer: tidyText(ld?.developer) ?? label(seller),
    ids,
    element: header,
    role: 'main',
  };
}

function cardName(card: Element, link: Element): string | undefined {
  return (
    label(card.querySelector('[id="contentName"], h3, h4, [class*="title"], [class*="name"]')) ??
    tidyText(link.getAttribute('aria-label')) ??
    elementText(link)
  );
}

/** Cards linked by /detail/<pkg>, deduped by package; then name-only search tiles. */
function extractCards(doc: Document, url: URL, skip: Set<string>): Listing[] {
  const cards: Listing[] = [];
  const used = new Set<Element>();
  for (const { link, id, element } of appCards(appLinks(doc, url, 'a[href*="/detail/"], a[href*="appDetail.as"]', isPackage), skip)) {
    used.add(element);
    cards.push({ name: cardName(element, link), developer: label(element.querySelector('[id="contentSeller"]')), ids: [id], element, role: 'card' });
  }
  // Script-navigated tiles: the name and seller are all the page says about them.
  for (const tile of Array.from(doc.querySelectorAll('li.MuiGridListTile-root')).slice(0, MAX_TILES)) {
    if (used.has(tile) || tile.querySelector('a[href*="/detail/"]')) continue;
    const name = label(tile.querySelector('[id="contentName"]'));
    if (!name) continue;
    cards.push({ name, developer: label(tile.querySelector('[id="contentSeller"]')), ids: [], element: tile, role: 'card' });
  }
  return cards;
}

/** Seller ids are opaque store numbers (no Platform for them): the seller's name is the evidence. */
function extractSellerPage(doc: Document): Listing | undefined {
  const h1 = doc.querySelector('h1') ?? undefined;
  const developer = label(h1);
  return developer ? { developer, ids: [], element: h1, role: 'main' } : undefined;
}

const PAGES: StorePages = {
  classify,
  isApp: isPackage,
  main: extractMain,
  developer: extractSellerPage,
  cards: extractCards,
};

export const galaxyStore: SiteAdapter = {
  id: 'galaxy-store',
  name: 'Samsung Galaxy Store',
  hosts: HOSTS,
  classify,
  extract: (doc, url) => extractStorePage(PAGES, doc, url),
  extractSteps: (doc, url) => storePageSteps(PAGES, doc, url),
  examples: [
    { url: 'https://galaxystore.samsung.com/detail/com.zhiliaoapp.musically', kind: 'detail' },
    { url: 'https://galaxystore.samsung.com/detail/com.tencent.mm?langCd=en', kind: 'detail' },
    { url: 'https://galaxystore.samsung.com/detail/com.samsung.android.app.notes', kind: 'detail' },
    { url: 'https://apps.samsung.com/appquery/appDetail.as?appId=com.lenovo.anyshare.gps', kind: 'detail' },
    { url: 'https://galaxystore.samsung.com/search?q=share', kind: 'list' },
    { url: 'https://galaxystore.samsung.com/search/apps?searchTxt=scanner', kind: 'list' },
    { url: 'https://galaxystore.samsung.com/apps', kind: 'list' },
    { url: 'https://galaxystore.samsung.com/', kind: 'list' },
    { url: 'https://galaxystore.samsung.com/sellerDetail/000000001234', kind: 'developer' },
    { url: 'https://galaxystore.samsung.com/detail/', kind: null },
    { url: 'https://galaxystore.samsung.com/detail/notapackage', kind: null },
    { url: 'https://galaxystore.samsung.com/terms', kind: null },
    { url: 'https://www.samsung.com/us/apps/galaxy-store/', kind: null },
  ],
};
