// Microsoft Store on the web (apps.microsoft.com, the 2023+ site). Product ids (12 characters,
// e.g. 9NBLGGH4SLX7) ride in every product URL, so the page URL and card links carry the
// evidence; the <h1> and the publisher link only add names.

import { appCards, appLinks } from './cards';
import { readSoftwareApplications } from './json-ld';
import { pageIds } from './page-ids';
import { extractStorePage, storePageSteps, type StorePages } from './store-page';
import { documentTitle, elementText, tidyText } from './page-text';
import type { Listing, ListingId, PageKind, SiteAdapter } from './types';

const HOSTS = ['apps.microsoft.com'];
const PRODUCT = '[0-9a-z]{12}';
const DETAIL = new RegExp(`^/(?:detail|store/detail(?:/[^/]+)?)/${PRODUCT}$`, 'i');
const DEVELOPER = /^\/(?:search\/)?publisher$/i;
// Home, the search page and the browse/chart pages all show product cards.
const LIST = /^\/(?:home|search|apps|games|charts|collections|store\/(?:apps|games|top-[a-z-]+|best-[a-z-]+|collections)(?:\/.*)?)(?:\/.*)?$|^\/$/i;
// The left-to-right/right-to-left marks the store puts around some names.
const DIRECTION_MARKS = /[\u200e\u200f]/g;

function classify(url: URL): PageKind | null {
  if (!HOSTS.includes(url.hostname.toLowerCase())) return null;
  const path = url.pathname.replace(/\/+$/, '') || '/';
  if (DETAIL.test(path)) return 'detail';
  if (DEVELOPER.test(path)) return url.searchParams.get('name') ? 'developer' : null;
  if (LIST.test(path)) return 'list';
  return null;
}

function clean(text: string | null | undefined): string | undefined {
  return tidyText(text, DIRECTION_MARKS);
}

function visibleText(el: Element): string | undefined {
  return elementText(el, { drop: DIRECTION_MARKS });
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
  const ids = pageIds(doc, url, isProduct);
  const ld = readSoftwareApplications(doc)[0];
  const h1 = doc.querySelector('h1');
  const header = h1?.closest('header, [class*="product-header"], [class*="hero"]') ?? h1 ?? undefined;
  const pub = (header ? publisherLink(header) : null) ?? publisherLink(doc);
  const pageTitle = documentTitle(doc, DIRECTION_MARKS);
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
  return appCards(appLinks(doc, url, 'a[href*="/detail/"]', isProduct), skip).map(({ link, id, element }) => {
    const pub = publisherLink(element);
    return {
      name: cardName(element, link),
      developer: pub ? visibleText(pub) : undefined,
      ids: [id],
      element,
      role: 'card',
    };
  });
}

/** The publisher page is named by its URL (?name=); it has no id of its own. */
function extractPublisherPage(doc: Document, url: URL): Listing | undefined {
  const h1 = doc.querySelector('h1') ?? undefined;
  const developer = clean(url.searchParams.get('name')) ?? (h1 ? visibleText(h1) : undefined);
  return developer ? { developer, ids: [], element: h1, role: 'main' } : undefined;
}

const PAGES: StorePages = {
  classify,
  isApp: isProduct,
  main: extractMain,
  developer: extractPublisherPage,
  cards: extractCards,
};

export const microsoftStore: SiteAdapter = {
  id: 'microsoft-store',
  name: 'Microsoft Store',
  hosts: HOSTS,
  classify,
  extract: (doc, url) => extractStorePage(PAGES, doc, url),
  extractSteps: (doc, url) => storePageSteps(PAGES, doc, url),
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
