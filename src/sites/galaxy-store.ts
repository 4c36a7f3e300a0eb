// Samsung Galaxy Store on the web (galaxystore.samsung.com; legacy apps.samsung.com links).
// Listings are keyed by Android package name (/detail/com.tencent.mm), the same value Play
// uses. The site is a client-rendered React/MUI app: search tiles (li.MuiGridListTile-root
// with #contentName / #contentSeller) navigate by script, not by <a href>, so those cards
// carry names only; links to /detail/<pkg> (similar-apps shelves, seller pages) carry ids.

import { readSoftwareApplications } from './json-ld';
import { idsFromHref, idsFromUrl, mergeIds } from './store-links';
import type { Listing, ListingId, PageKind, SiteAdapter } from './types';

const HOSTS = ['galaxystore.samsung.com', 'apps.samsung.com'];
const MAX_LINKS = 3000;
const MAX_TILES = 500;
const MAX_TEXT = 300;

function classify(url: URL): PageKind | null {
  if (!HOSTS.includes(url.hostname.toLowerCase())) return null;
  const path = url.pathname.replace(/\/+$/, '') || '/';
  if (/^\/detail\/[A-Za-z][\w]*(?:\.[\w]+)+$/.test(path)) return 'detail';
  if (/^\/appquery\/appDetail\.as$/i.test(path) && url.searchParams.get('appId')) return 'detail';
  if (/^\/sellerDetail\/[^/]+$/i.test(path)) return 'developer';
  if (/^\/(?:search(?:\/.*)?|apps|games|category\/.+|topCharts|watch|themes)$|^\/$/i.test(path)) return 'list';
  return null;
}

function clean(text: string | null | undefined): string | undefined {
  const t = text?.replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
}

/** textContent without <style>/<script>, bounded. */
function visibleText(el: Element): string | undefined {
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

/** Tiles and headers name things in a `title` attribute as well as in text (text is clamped). */
function label(el: Element | null | undefined): string | undefined {
  return el ? clean(el.getAttribute('title')) ?? visibleText(el) : undefined;
}

const isPackage = (id: ListingId) => id.platform === 'galaxy-store';

/** "WeChat - Galaxy Store" → "WeChat". */
function nameFromTitle(title: string | undefined): string | undefined {
  return clean(title?.replace(/\s*[-–|]\s*(?:Samsung\s+)?Galaxy Store.*$/i, ''));
}

function extractMain(doc: Document, url: URL): Listing {
  const ids = idsFromUrl(url, 'url');
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  if (canonical) mergeIds(ids, idsFromHref(canonical, url, 'meta').filter(isPackage));
  const ld = readSoftwareApplications(doc)[0];
  const h1 = doc.querySelector('h1');
  const header = h1?.closest('header, section, [class*="detail"]') ?? h1 ?? undefined;
  const seller = doc.querySelector('a[href*="/sellerDetail/"], [id="contentSeller"]');
  const pageTitle = clean(doc.querySelector('meta[property="og:title"]')?.getAttribute('content')) ?? clean(doc.title);
  return {
    name: clean(ld?.name) ?? label(h1) ?? nameFromTitle(pageTitle),
    developer: clean(ld?.developer) ?? label(seller),
    ids,
    element: header,
    role: 'main',
  };
}

function cardName(card: Element, link: Element): string | undefined {
  return (
    label(card.querySelector('[id="contentName"], h3, h4, [class*="title"], [class*="name"]')) ??
    clean(link.getAttribute('aria-label')) ??
    visibleText(link)
  );
}

/** Cards linked by /detail/<pkg>, deduped by package; then name-only search tiles. */
function extractCards(doc: Document, url: URL, skip: Set<string>): Listing[] {
  const links = Array.from(doc.querySelectorAll('a[href*="/detail/"], a[href*="appDetail.as"]')).slice(0, MAX_LINKS);
  const found: { link: Element; id: ListingId; box: Element | null }[] = [];
  const idsInBox = new Map<Element, Set<string>>(); // a li/article holding several apps is a shelf
  for (const link of links) {
    const id = idsFromHref(link.getAttribute('href') ?? '', url, 'link').find(isPackage);
    if (!id || skip.has(id.value)) continue;
    const box = link.closest('li, article');
    if (box) idsInBox.set(box, (idsInBox.get(box) ?? new Set()).add(id.value));
    found.push({ link, id, box });
  }
  const seen = new Set<string>();
  const cards: Listing[] = [];
  const used = new Set<Element>();
  for (const { link, id, box } of found) {
    if (seen.has(id.value)) continue;
    seen.add(id.value);
    const element = box && idsInBox.get(box)?.size === 1 ? box : link;
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

function extract(doc: Document, url: URL): Listing[] {
  const kind = classify(url);
  if (!kind) return [];
  const out: Listing[] = [];
  const skip = new Set<string>();
  if (kind === 'detail') {
    const main = extractMain(doc, url);
    for (const id of main.ids) if (isPackage(id)) skip.add(id.value);
    out.push(main);
  } else if (kind === 'developer') {
    // Seller ids are opaque store numbers (no Platform for them): the seller's name is the evidence.
    const h1 = doc.querySelector('h1') ?? undefined;
    const developer = label(h1);
    if (developer) out.push({ developer, ids: [], element: h1, role: 'main' });
  }
  return out.concat(extractCards(doc, url, skip));
}

export const galaxyStore: SiteAdapter = {
  id: 'galaxy-store',
  name: 'Samsung Galaxy Store',
  hosts: HOSTS,
  classify,
  extract,
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
