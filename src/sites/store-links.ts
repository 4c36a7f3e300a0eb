// Store identifiers carried by URLs: the most reliable evidence on any page
// (a "Get it on Google Play" button, a card linking to its detail page).
// Pure: takes URLs, returns identifiers; no DOM.

import type { ListingId, IdSource } from './types';

const PLAY_PACKAGE = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)+$/;
const MS_PRODUCT = /^[0-9A-Za-z]{12}$/;
const AMAZON_ASIN = /^B0[0-9A-Z]{8}$/;

function parseUrl(href: string, base?: string | URL): URL | null {
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

/** Host without a leading "www." or a trailing dot ("play.google.com." is the same host), lower-cased. */
export function bareHost(url: URL): string {
  return url.hostname.toLowerCase().replace(/^www\.|\.$/g, '');
}

/**
 * Identifiers a single URL carries. `from` says how the URL was found
 * (the page's own URL, a link, JSON-LD…).
 */
export function idsFromUrl(url: URL, from: IdSource): ListingId[] {
  const host = bareHost(url);
  const path = url.pathname;
  const out: ListingId[] = [];
  const push = (platform: ListingId['platform'], value: string | null | undefined) => {
    if (value) out.push({ platform, value, from });
  };

  if (host === 'play.google.com' || host === 'market.android.com') {
    if (/^\/store\/apps\/(details|datasafety)\/?$/.test(path)) {
      const id = url.searchParams.get('id');
      if (id && PLAY_PACKAGE.test(id)) push('google-play', id);
    } else if (/^\/store\/apps\/(dev|developer)\/?$/.test(path)) {
      const id = url.searchParams.get('id');
      if (id) push('google-play-developer', id);
    }
  } else if (url.protocol === 'market:') {
    const id = url.searchParams.get('id');
    if (id && PLAY_PACKAGE.test(id)) push('google-play', id);
  } else if (host === 'apps.apple.com' || host === 'itunes.apple.com') {
    // /us/app/slug/id123, /app/id123, /us/app/id123?mt=12 (Mac); developer pages /us/developer/slug/id123
    const dev = /\/(?:developer|artist)\/(?:[^/]+\/)?id(\d{3,})/.exec(path);
    const legacyId = url.searchParams.get('id');
    if (dev) push('apple-developer', dev[1]);
    else if (/\/viewSoftware$/.test(path) && legacyId && /^\d{3,}$/.test(legacyId)) push('apple', legacyId);
    else {
      const app = /\/app\/(?:[^/]+\/)?id(\d{3,})/.exec(path);
      if (app) push(url.searchParams.get('mt') === '12' ? 'apple-mac' : 'apple', app[1]);
    }
  } else if (host === 'apps.microsoft.com' || host === 'microsoft.com' || host.endsWith('.microsoft.com')) {
    // apps.microsoft.com/detail/9nblggh4slx7, apps.microsoft.com/store/detail/name/9NBLGGH4SLX7,
    // www.microsoft.com/store/apps/9wzdncrdsz0p, www.microsoft.com/en-us/p/name/9nblggh4slx7
    const m = /\/(?:detail|apps|p\/[^/]+|productId)\/(?:[^/]+\/)?([0-9A-Za-z]{12})(?:[/?#]|$)/.exec(path + '/');
    if (m && MS_PRODUCT.test(m[1]!) && /\d/.test(m[1]!)) push('microsoft-store', m[1]!.toUpperCase());
  } else if (url.protocol === 'ms-windows-store:') {
    const pid = url.searchParams.get('productid') ?? url.searchParams.get('ProductId');
    if (pid && MS_PRODUCT.test(pid)) push('microsoft-store', pid.toUpperCase());
  } else if (host === 'galaxystore.samsung.com' || host === 'apps.samsung.com') {
    // galaxystore.samsung.com/detail/com.pkg, apps.samsung.com/appquery/appDetail.as?appId=com.pkg
    const m = /\/detail\/([^/?#]+)/.exec(path);
    const id = m?.[1] ?? url.searchParams.get('appId');
    if (id && PLAY_PACKAGE.test(id)) push('galaxy-store', id);
  } else if (host === 'appgallery.huawei.com' || host === 'appgallery.cloud.huawei.com') {
    // appgallery.huawei.com/app/C100000123 (the hash route #/app/C… too)
    const m = /\/app\/(C\d{5,})/.exec(path + url.hash.replace(/^#/, ''));
    if (m) push('appgallery', m[1]);
  } else if (host === 'amazon.com' || /^amazon\.[a-z.]+$/.test(host)) {
    const m = /\/(?:dp|gp\/product|gp\/mas\/dl\/android)\/?(B0[0-9A-Z]{8})/.exec(path) ?? /[?&]asin=(B0[0-9A-Z]{8})/.exec(url.search);
    if (m && AMAZON_ASIN.test(m[1]!)) push('amazon', m[1]!);
  }
  return out;
}

/** idsFromUrl for an href string (relative hrefs resolve against base); bad URLs give []. */
export function idsFromHref(href: string, base: string | URL, from: IdSource): ListingId[] {
  // A page links the same app many times (card, icon, "similar apps") and the
  // adapter and the link pass both read them: parse each href once per base.
  const b = String(base);
  if (b !== memoBase) {
    hrefMemo.clear();
    memoBase = b;
  }
  let ids = hrefMemo.get(href);
  if (ids === undefined) {
    // (Written out here, not as a constant, so the build can drop the shortcut.)
    ids = typeof __COVERED_APPS_SITE__ === 'undefined' || __COVERED_APPS_SITE__ === 'google-play' ? playHref(href, b) : undefined;
    if (ids === undefined) {
      const url = parseUrl(href, base);
      ids = url ? idsFromUrl(url, 'link') : [];
    }
    if (hrefMemo.size >= HREF_MEMO_SIZE) hrefMemo.clear();
    hrefMemo.set(href, ids);
  }
  // Fresh objects: callers add to the list and keep the ids.
  return ids.map((id) => ({ platform: id.platform, value: id.value, from }));
}
// The link a Play page repeats hundreds of times, read without a URL object:
// "/store/apps/details?id=com.x.y" (relative, on play.google.com) or the same
// path on https://play.google.com, with the id as first parameter and nothing
// to decode. Anything else goes through URL parsing (same result: tested).
const PLAY_HREF = /^(?:https:\/\/play\.google\.com)?\/store\/apps\/(details|datasafety|dev|developer)\?id=([A-Za-z0-9._]+)(?:&[^#]*)?(?:#.*)?$/;
const PLAY_ORIGIN = 'https://play.google.com/';
// Only Google Play's content script carries the shortcut (the others see few
// Play links and are near their size budget); everywhere else, Node included, it is on.
declare const __COVERED_APPS_SITE__: string | undefined;
function playHref(href: string, base: string): ListingId[] | undefined {
  const m = PLAY_HREF.exec(href);
  if (!m || (href.charCodeAt(0) === 0x2f && !base.startsWith(PLAY_ORIGIN))) return undefined;
  const id = m[2]!;
  if (m[1] === 'dev' || m[1] === 'developer') return [{ platform: 'google-play-developer', value: id, from: 'link' }];
  return PLAY_PACKAGE.test(id) ? [{ platform: 'google-play', value: id, from: 'link' }] : [];
}
const HREF_MEMO_SIZE = 4096;
const hrefMemo = new Map<string, ListingId[]>();
let memoBase = '';
/** Forget parsed hrefs (benchmarks: each timed scan starts as on a fresh page). */
export function clearHrefMemo(): void {
  hrefMemo.clear();
}

/** Package names as printed on download sites ("Package: com.intsig.camscanner"). */
export function isPlayPackage(value: string): boolean {
  return PLAY_PACKAGE.test(value);
}

/** Add ids not yet present (same platform and value). */
export function mergeIds(into: ListingId[], more: ListingId[]): ListingId[] {
  for (const id of more) {
    if (!into.some((x) => x.platform === id.platform && x.value === id.value)) into.push(id);
  }
  return into;
}
