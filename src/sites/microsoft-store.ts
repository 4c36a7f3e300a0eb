// Microsoft Store on the web (apps.microsoft.com, the 2023+ site). Product ids (12 characters,
// e.g. 9NBLGGH4SLX7) ride in every product URL, so the page URL and card links carry the
// evidence; the <h1> and the publisher link only add names.

import { readSoftwareApplications } from './json-ld';
import { idsFromHref, idsFromUrl, mergeIds } from './store-links';
import type { Listing, ListingId, PageKind, SiteAdapter } from './types';

const HOSTS = ['apps.microsoft.com'];
const PRODUCT = '[0-9a-z]{12}';
const DETAIL = new RegExp(`^/(?:detail|store/detail(?:/[^/]+)?)/${PRODUCT}$`, 'i');
const DEVELOPER = /^\/(?:search\/)?publisher$/i;
// Home, the search page and the browse/chart pages all show product cards.
const LIST = /^\/(?:home|search|apps|games|charts|collections|store\/(?:apps|games|top-[a-z-]+|best-[a-z-]+|collections)(?:\/.*)?)(?:\/.*)?$|^\/$/i;

const MAX_LINKS = 3000;
const MAX_TEXT = 300;

function classify(url: URL): PageKind | null {
  if (!HOSTS.includes(url.hostname.toLowerCase())) return null;
  const path = url.pathname.replace(/\/+$/, '') || '/';
  if (DETAIL.test(path)) return 'detail';
  if (DEVELOPER.test(path)) return url.searchParams.get('name') ? 'developer' : null;
  if (LIST.test(path)) return 'list';
  return null;
}

function clean(text: string | null | undefined): string | undefined {
  const t = text?.replace(/[\u200e\u200f]/g, '').replace(/\s+/g, ' ').trim();
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

/** "WeChat - Free download and install on Windows | Microsoft Store" → "WeChat". */
function nameFromTitle(title: string | undefined): string | undefined {
  return clean(title?.replace(/^Get\s+/i, '').replace(/\s*[-–|]\s*(?:Free download and install on Windows\s*\|\s*)?Microsoft Store.*$/i, ''));
}

const isProduct = (id: ListingId) => id.platform === 'microsoft-store';

function publisherLink(root: ParentNode): Element | null {
  return root.querySelector('a[href*="publisher?name="]');
}

function extractMain(doc: Document, url: URL): Listing {
  const ids = idsFromUrl(url, 'url');
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  if (canonical) mergeIds(ids, idsFromHref(canonical, url, 'meta').filter(isProduct));
  const ld = readSoftwareApplications(doc)[0];
  const h1 = doc.querySelector('h1');
  const header = h1?.closest('header, [class*="product-header"], [class*="hero"]') ?? h1 ?? undefined;
  const pub = (header ? publisherLink(header) : null) ?? publisherLink(doc);
  const pageTitle = clean(doc.querySelector('meta[property="og:title"]')?.getAttribute('content')) ?? clean(doc.title);
  return {
    name: clean(ld?.name) ?? (h1 ? visibleText(h1) : undefined) ?? nameFromTitle(pageTitle),
    developer: clean(ld?.developer) ?? (pub ? visibleText(pub) : undefined),
    ids,
    element: header,
    role: 'main',
  };
}

function cardName(card: Element, link: Element): string | undefined {
  const title = card.querySelector('h3, h4, h2, [class*="title"], [class*="name"]');
  return (title ? visibleText(title) : undefined) ?? clean(link.getAttribute('aria-label')) ?? visibleText(link);
}

/** One card per other product linked from the page, deduped by product id. */
function extractCards(doc: Document, url: URL, skip: Set<string>): Listing[] {
  const links = Array.from(doc.querySelectorAll('a[href*="/detail/"]')).slice(0, MAX_LINKS);
  const found: { link: Element; id: ListingId; box: Element | null }[] = [];
  const idsInBox = new Map<Element, Set<string>>(); // a li/article holding several products is a shelf
  for (const link of links) {
    const id = idsFromHref(link.getAttribute('href') ?? '', url, 'link').find(isProduct);
    if (!id || skip.has(id.value)) continue;
    const box = link.closest('li, article');
    if (box) idsInBox.set(box, (idsInBox.get(box) ?? new Set()).add(id.value));
    found.push({ link, id, box });
  }
  const seen = new Set<string>();
  const cards: Listing[] = [];
  for (const { link, id, box } of found) {
    if (seen.has(id.value)) continue;
    seen.add(id.value);
    const element = box && idsInBox.get(box)?.size === 1 ? box : link;
    const pub = publisherLink(element);
    cards.push({
      name: cardName(element, link),
      developer: pub ? visibleText(pub) : undefined,
      ids: [id],
      element,
      role: 'card',
    });
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
    for (const id of main.ids) if (isProduct(id)) skip.add(id.value);
    out.push(main);
  } else if (kind === 'developer') {
    // The publisher page is named by its URL (?name=); it has no id of its own.
    const h1 = doc.querySelector('h1') ?? undefined;
    const developer = clean(url.searchParams.get('name')) ?? (h1 ? visibleText(h1) : undefined);
    if (developer) out.push({ developer, ids: [], element: h1, role: 'main' });
  }
  return out.concat(extractCards(doc, url, skip));
}

export const microsoftStore: SiteAdapter = {
  id: 'microsoft-store',
  name: 'Microsoft Store',
  hosts: HOSTS,
  classify,
  extract,
  examples: [
    { url: 'https://apps.microsoft.com/detail/9nblggh4slx7?hl=en-us&gl=US', kind: 'detail' },
    { url: 'https://apps.microsoft.com/detail/9NHLGF0ZWC5S', kind: 'detail' },
    { url: 'https://apps.microsoft.com/store/detail/wps-office/9NBLGGH5XHKM', kind: 'detail' },
    { url: 'https://apps.microsoft.com/store/detail/9NH2GPH4JZS4', kind: 'detail' },
    { url: 'https://apps.microsoft.com/search?query=office&hl=en-us&gl=US', kind: 'list' },
    { url: 'https://apps.microsoft.com/search/publisher?name=Tencent&hl=en-us&gl=US', kind: 'developer' },
    { url: 'https://apps.microsoft.com/publisher?name=Kingsoft', kind: 'developer' },
    { url: 'https://apps.microsoft.com/home?hl=en-us&gl=US', kind: 'list' },
    { url: 'https://apps.microsoft.com/', kind: 'list' },
    { url: 'https://apps.microsoft.com/apps?hl=en-us&gl=US', kind: 'list' },
    { url: 'https://apps.microsoft.com/search/publisher', kind: null },
    { url: 'https://apps.microsoft.com/detail/not-an-id', kind: null },
    { url: 'https://apps.microsoft.com/legal/terms', kind: null },
    { url: 'https://www.microsoft.com/en-us/p/wechat/9nblggh4slx7', kind: null },
    { url: 'https://learn.microsoft.com/en-us/windows/apps/', kind: null },
  ],
};
