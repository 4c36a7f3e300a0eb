// Apple App Store web pages (apps.apple.com; itunes.apple.com links still redirect there).
// Two layouts are live in the wild: the older Ember one (JSON-LD + `h2.product-header__identity`,
// see tests/fixtures/captured/apple-app-store) and the 2025 redesign (`script#serialized-server-data`,
// titles "X App - App Store", several <h1> per page). Identifiers come from URLs first
// (page, canonical, developer link, card links); names only fill in what ids cannot say.

import { appCards, appLinks } from './cards';
import { readSoftwareApplications } from './json-ld';
import { pageIds } from './page-ids';
import { extractStorePage, storePageSteps, type StorePages } from './store-page';
import { elementText, documentTitle, tidyText } from './page-text';
import { idsFromHref, idsFromUrl, mergeIds } from './store-links';
import type { Listing, ListingId, PageKind, SiteAdapter } from './types';

const HOSTS = ['apps.apple.com', 'itunes.apple.com'];

// Optional storefront ("/us", "/vn") and, in the 2025 layout, a platform segment ("/iphone").
const CC = '(?:/[a-z]{2}(?:-[a-z]{2,4})?)?';
const PLATFORM = '(?:/(?:iphone|ipad|mac|vision|watch|tv))?';
const DETAIL = new RegExp(`^${CC}/app/(?:[^/]+/)?id\\d+/?$`, 'i');
const DEVELOPER = new RegExp(`^${CC}/(?:developer|artist)/(?:[^/]+/)?id\\d+/?$`, 'i');
const LIST = new RegExp(
  `^${CC}(?:${PLATFORM}/(?:search|today|apps|games|arcade|charts)(?:/.*)?|/charts(?:/.*)?|/(?:story|room|collection|genre)/.+)$`,
  'i',
);

// The bidi marks Apple puts around names ("\u200eChatGPT").
const DIRECTION_MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function classify(url: URL): PageKind | null {
  if (!HOSTS.includes(url.hostname.toLowerCase())) return null;
  const path = url.pathname.replace(/\/+$/, '') || '/';
  if (DETAIL.test(path)) return 'detail';
  if (DEVELOPER.test(path)) return 'developer';
  if (LIST.test(path)) return 'list';
  return null;
}

/** Trim, collapse whitespace and drop Apple's direction marks. */
function clean(text: string | null | undefined): string | undefined {
  return tidyText(text, DIRECTION_MARKS);
}

const isAgeBadge = (el: Element) => /\bbadge\b/.test(el.getAttribute('class') ?? '');

/** Text a reader sees in an element (Apple lockups embed <style> inside <picture>), minus age-rating badges ("12+" inside the old <h1>). */
function visibleText(el: Element): string | undefined {
  return elementText(el, { drop: DIRECTION_MARKS, skip: isAgeBadge });
}

/** "Netflix on the App Store", "WeChat App - App Store", "WPS Office on the Mac App Store" → name. */
function nameFromTitle(title: string | undefined): string | undefined {
  return clean(title?.replace(/\s+(?:on the (?:Mac )?App\s*Store|App\s*-\s*(?:Mac\s+)?App\s*Store)\s*$/i, ''));
}

interface ServerData {
  title?: string;
  developer?: string;
  developerUrl?: string;
  bundleId?: string;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? clean(v) : undefined;
}

function obj(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/**
 * The 2025 layout's page model. Seen both as `[{intent, data:{…}}]` and `{data:[{data:{…}}]}`;
 * the product page model carries `title`, `developerAction.title` and `lockup.bundleId`.
 */
function readServerData(doc: Document): ServerData | undefined {
  const text = doc.querySelector('script#serialized-server-data')?.textContent;
  if (!text || text.length > 5_000_000) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const first = Array.isArray(json) ? json[0] : (obj(json)?.data as unknown[] | undefined)?.[0];
  const page = obj(obj(first)?.data);
  if (!page) return undefined;
  const developerAction = obj(page.developerAction);
  const lockup = obj(page.lockup);
  return {
    title: str(page.title) ?? str(lockup?.title),
    developer: str(developerAction?.title),
    developerUrl: str(developerAction?.pageUrl) ?? str(developerAction?.url),
    bundleId: str(lockup?.bundleId),
  };
}

function isAppId(id: ListingId): boolean {
  return id.platform === 'apple' || id.platform === 'apple-mac';
}

function extractMain(doc: Document, url: URL): Listing {
  const ids = pageIds(doc, url, isAppId);

  const ld = readSoftwareApplications(doc)[0];
  if (ld?.url) mergeIds(ids, idsFromHref(ld.url, url, 'json-ld').filter(isAppId));
  const server = readServerData(doc);
  if (server?.bundleId) mergeIds(ids, [{ platform: 'apple-bundle', value: server.bundleId, from: 'meta' }]);

  // Mac and iOS apps share one id space; Mac pages often lack ?mt=12, so the title decides.
  const pageTitle = documentTitle(doc, DIRECTION_MARKS);
  if (/Mac App\s*Store/i.test(pageTitle ?? '')) {
    const appId = ids.find((id) => id.platform === 'apple');
    if (appId) mergeIds(ids, [{ platform: 'apple-mac', value: appId.value, from: 'page-text' }]);
  }

  const h1 = doc.querySelector('h1');
  const header =
    doc.querySelector('.product-header') ?? h1?.closest('header, [class*="app-header"], [class*="product-header"]') ?? h1 ?? undefined;
  // The developer link of the header; the first one on the page in the 2025 layout.
  const devLink =
    doc.querySelector('.product-header__identity a[href*="/developer/"]') ??
    header?.querySelector('a[href*="/developer/"]') ??
    doc.querySelector('a[href*="/developer/"]');
  const devHref = devLink?.getAttribute('href');
  if (devHref) mergeIds(ids, idsFromHref(devHref, url, 'link'));
  else if (server?.developerUrl) mergeIds(ids, idsFromHref(server.developerUrl, url, 'meta'));

  return {
    name: clean(ld?.name) ?? server?.title ?? (h1 ? visibleText(h1) : undefined) ?? nameFromTitle(pageTitle),
    developer: clean(ld?.developer) ?? server?.developer ?? (devLink ? visibleText(devLink) : undefined),
    ids,
    element: header,
    role: 'main',
  };
}

function extractDeveloperPage(doc: Document, url: URL): Listing {
  const h1 = doc.querySelector('h1') ?? undefined;
  return { developer: h1 ? visibleText(h1) : undefined, ids: idsFromUrl(url, 'url'), element: h1, role: 'main' };
}

function cardName(card: Element, link: Element): string | undefined {
  const title = card.querySelector('h3, h4, h2, [class*="title"]');
  return (
    (title ? visibleText(title) : undefined) ??
    clean(link.getAttribute('aria-label')) ??
    visibleText(link) ??
    clean(link.getAttribute('title'))
  );
}

/** One card per other app linked from the page, deduped by id; never the page's own app. */
function extractCards(doc: Document, url: URL, skip: Set<string>): Listing[] {
  return appCards(appLinks(doc, url, 'a[href*="/app/"]', isAppId), skip).map(({ link, id, element }) => ({
    name: cardName(element, link),
    ids: [id],
    element,
    role: 'card',
  }));
}

const PAGES: StorePages = {
  classify,
  isApp: isAppId,
  main: extractMain,
  developer: extractDeveloperPage,
  cards: extractCards,
};

export const appleAppStore: SiteAdapter = {
  id: 'apple-app-store',
  name: 'Apple App Store',
  hosts: HOSTS,
  classify,
  extract: (doc, url) => extractStorePage(PAGES, doc, url),
  extractSteps: (doc, url) => storePageSteps(PAGES, doc, url),
  examples: [
    { url: 'https://apps.apple.com/us/app/netflix/id363590051', kind: 'detail' },
    { url: 'https://apps.apple.com/vn/app/sony-b%E1%BA%A3o-h%C3%A0nh-%C4%91i%E1%BB%87n-t%E1%BB%AD/id1193542964', kind: 'detail' },
    { url: 'https://apps.apple.com/app/id414478124', kind: 'detail' },
    { url: 'https://apps.apple.com/us/app/camscanner-pdf-scanner-app/id388627783?platform=ipad', kind: 'detail' },
    { url: 'https://apps.apple.com/us/app/wps-office-pdf-docs-sheets/id1468073139?mt=12', kind: 'detail' },
    { url: 'https://itunes.apple.com/us/app/wechat/id414478124?mt=8', kind: 'detail' },
    { url: 'https://apps.apple.com/us/developer/netflix-inc/id363590054', kind: 'developer' },
    { url: 'https://apps.apple.com/us/developer/wechat/id614694882?see-all=i-phone-apps', kind: 'developer' },
    { url: 'https://apps.apple.com/us/charts/iphone/top-free-apps/36', kind: 'list' },
    { url: 'https://apps.apple.com/us/search?term=scanner', kind: 'list' },
    { url: 'https://apps.apple.com/us/iphone/search?term=share', kind: 'list' },
    { url: 'https://apps.apple.com/us/iphone/today', kind: 'list' },
    { url: 'https://apps.apple.com/us/story/id1538632801', kind: 'list' },
    { url: 'https://apps.apple.com/us/room/id1234567890', kind: 'list' },
    { url: 'https://apps.apple.com/', kind: null },
    { url: 'https://apps.apple.com/us/app-bundle/some-bundle/id1234567', kind: null },
    { url: 'https://www.apple.com/app-store/', kind: null },
    { url: 'https://music.apple.com/us/album/x/id123456', kind: null },
    { url: 'https://play.google.com/store/apps/details?id=com.tencent.mm', kind: null },
  ],
};
