// Evidence read straight from page elements, shared by the download-site,
// vendor and generic adapters: store links (a "Get it on Google Play" button
// carries the package even when every selector of a redesign fails), the URL
// shapes of download sites, and the listings built from that evidence (the
// text they read comes from page-text.ts). Pure and bounded: every walk has a cap, nothing here throws on odd input.

import type { Listing, ListingId } from './types';
import { idsFromHref, mergeIds } from './store-links';
import { packageInText, visibleText } from './page-text';
import { AUTHORED, isHidden } from './untrusted';
import { runSteps, type Steps } from './steps';

/** Anchors looked at per call; a huge page must not stall the content script. */
export const MAX_ANCHORS = 2_000;

export interface StoreLinkOptions {
  /** Scan only this subtree (e.g. nodes an infinite-scroll list just added). Default: the whole document. */
  root?: ParentNode;
  /** Hosts whose links count as evidence ("wps.com"); a link to a subdomain matches its parent. */
  knownDomains?: ReadonlySet<string>;
  /** Override MAX_ANCHORS (tests, tighter budgets). */
  maxAnchors?: number;
}

// Schemes that can never carry a store id; skipped before URL parsing.
const IGNORED_SCHEME = /^\s*(javascript|data|mailto|tel|blob|about):/i;

// A cheap test before URL parsing: most links on a page go nowhere near a store.
// Store hosts and schemes, and the store paths relative links use (every form
// store-links.ts recognizes).
const STORE_HREF =
  /play\.google\.|market[:.]|apple\.com|microsoft\.com|ms-windows-store:|samsung\.com|huawei\.com|amazon\.|[?&](?:id|appId|asin)=|\/(?:app|apps|detail|dp|p|gp|developer|artist|store)\//i;

/** The known domain a host belongs to (host itself or a parent), else null. */
export function matchDomain(host: string, domains: ReadonlySet<string>): string | null {
  let h = host.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
  // Walk up the labels: a.b.wps.com → b.wps.com → wps.com; stop before the bare TLD.
  for (let i = 0; i < 8 && h.includes('.'); i++) {
    if (domains.has(h)) return h;
    h = h.slice(h.indexOf('.') + 1);
  }
  return null;
}

function* anchorsIn(root: ParentNode, cap: number): Generator<Element, void, void> {
  // A newly added node may itself be the anchor.
  let n = 0;
  if ((root as Element).matches?.('a[href]')) {
    n++;
    yield root as Element;
  }
  const list = root.querySelectorAll('a[href]');
  for (let i = 0; i < list.length && n < cap; i++, n++) yield list[i]!;
}

/** Store identifiers one anchor carries (plus a known-domain id when asked). */
export function idsFromAnchor(a: Element, base: URL, knownDomains?: ReadonlySet<string>): ListingId[] {
  const href = a.getAttribute('href');
  if (!href || href.length > 4_000 || IGNORED_SCHEME.test(href)) return [];
  const ids = STORE_HREF.test(href) ? idsFromHref(href, base, 'link') : [];
  if (knownDomains && knownDomains.size > 0) {
    try {
      const url = new URL(href, base);
      if (url.protocol === 'http:' || url.protocol === 'https:') {
        const domain = matchDomain(url.hostname, knownDomains);
        if (domain) ids.push({ platform: 'domain', value: domain, from: 'link' });
      }
    } catch {
      // malformed href: no domain evidence
    }
  }
  return ids;
}

/**
 * One 'link' listing per distinct store identifier found in the page's anchors
 * (first anchor wins). `skip` drops ids the caller already reports elsewhere,
 * e.g. the package of the page's own main listing.
 */
export function extractStoreLinks(
  doc: Document,
  base: URL,
  skip?: (id: ListingId) => boolean,
  options: StoreLinkOptions = {},
): Listing[] {
  return runSteps(storeLinkSteps(doc, base, skip, options));
}

/** extractStoreLinks as a resumable walk: it may stop after any anchor. */
export function* storeLinkSteps(
  doc: Document,
  base: URL,
  skip?: (id: ListingId) => boolean,
  options: StoreLinkOptions = {},
): Steps<Listing[]> {
  const out: Listing[] = [];
  const seen = new Set<string>();
  const root = options.root ?? doc;
  for (const a of anchorsIn(root, options.maxAnchors ?? MAX_ANCHORS)) {
    yield;
    const ids = idsFromAnchor(a, base, options.knownDomains);
    // A link no reader sees is planted, not shown: it names nothing on the page.
    if (ids.length === 0 || isHidden(a)) continue;
    for (const id of ids) {
      const key = `${id.platform}\u0000${id.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (skip?.(id)) continue;
      out.push({ role: 'link', ids: [id], element: a });
    }
  }
  return out;
}

/** Distinct store ids carried by links inside one element (a card, an app header). */
export function storeIdsWithin(el: ParentNode, base: URL, cap = 200): ListingId[] {
  const ids: ListingId[] = [];
  for (const a of anchorsIn(el, cap)) mergeIds(ids, idsFromAnchor(a, base));
  return ids;
}

// ---- URL shapes shared by download sites -------------------------------------

/**
 * Sites with one subdomain per app (wps-office.en.uptodown.com,
 * camscanner.en.softonic.com, vidmate.en.aptoide.com): the app label and the
 * language label of a host under `site`; {} for the site root; null when the
 * host is not under `site`. A single two-letter label is a language, not an app.
 */
export function siteSubdomain(url: URL, site: string): { app?: string; lang?: string } | null {
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (host === site || host === `www.${site}`) return {};
  if (!host.endsWith(`.${site}`)) return null;
  const labels = host.slice(0, -site.length - 1).split('.');
  const [first, second] = labels;
  if (labels.length === 1 && first) return /^[a-z]{2}$/.test(first) ? { lang: first } : { app: first };
  if (labels.length === 2 && first && second && /^[a-z]{2}$/.test(second)) return { app: first, lang: second };
  return null;
}

/** Path segments, decoded where possible, empty ones dropped. */
export function pathSegments(url: URL): string[] {
  return url.pathname
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}

// ---- listings built from that evidence ---------------------------------------

export interface MainParts {
  /** The element the banner refers to (app header); body when absent. */
  element?: Element | null;
  /** Where the package label and store links are looked for; body when absent. */
  scope?: ParentNode | null;
  name?: string;
  developer?: string;
  /** Ids the page URL itself carries (APKPure /slug/com.x.y). */
  urlIds?: ListingId[];
}

/**
 * The main listing of a detail/download page. The page's own evidence wins:
 * ids in its URL, else the package its technical table prints. Store links
 * count only on a page with neither, and only links a reader sees outside the
 * description (whose authors can link any app), one per platform: a page
 * linking several Play apps is showing a list, which says nothing about this app.
 */
export function mainListing(doc: Document, base: URL, parts: MainParts): Listing | null {
  const scope: ParentNode = parts.scope ?? doc;
  const ids: ListingId[] = [...(parts.urlIds ?? [])];
  const pkg = ids.length ? undefined : packageInText(visibleText(scope as unknown as Node, undefined, (el) => el.matches(AUTHORED)));
  if (pkg) ids.push({ platform: 'google-play', value: pkg, from: 'page-text' });

  if (ids.length === 0) {
    const perPlatform = new Map<string, ListingId[]>();
    for (const a of anchorsIn(scope, 500)) {
      if (!a.closest(AUTHORED) && !isHidden(a)) for (const id of idsFromAnchor(a, base)) perPlatform.set(id.platform, mergeIds(perPlatform.get(id.platform) ?? [], [id]));
    }
    for (const found of perPlatform.values()) if (found.length === 1) ids.push(found[0]!);
  }

  const name = parts.name?.trim() || undefined;
  const developer = parts.developer?.trim() || undefined;
  if (!name && ids.length === 0) return null;
  const listing: Listing = { role: 'main', ids, element: parts.element ?? doc.body ?? doc.documentElement ?? undefined };
  if (name) listing.name = name;
  if (developer) listing.developer = developer;
  return listing;
}

export interface CardsFromLinksOptions {
  /** Identify the app an anchor points to: a stable key plus the ids its URL carries; null = not an app link. */
  appOf(url: URL): { key: string; ids: ListingId[] } | null;
  /** The card element around an anchor (closest list item…). */
  cardOf(a: Element): Element;
  name(card: Element, a: Element): string | undefined;
  developer?(card: Element): string | undefined;
  root?: ParentNode;
  maxCards?: number;
}

/** appOf for sites whose app links carry an Android package: the package is the key and the id. */
export function androidApp(pkg: string | null | undefined): { key: string; ids: ListingId[] } | null {
  return pkg ? { key: pkg, ids: [{ platform: 'google-play', value: pkg, from: 'link' }] } : null;
}

/**
 * Cards of a list page found through their links, not their layout: every
 * anchor pointing to an app detail page makes (or joins) one card. Survives
 * redesigns as long as the URLs keep their shape.
 */
export function cardsFromLinks(doc: Document, base: URL, opts: CardsFromLinksOptions): Listing[] {
  const out: Listing[] = [];
  const byKey = new Set<string>();
  const maxCards = opts.maxCards ?? 500;
  for (const a of anchorsIn(opts.root ?? doc, MAX_ANCHORS)) {
    if (out.length >= maxCards) break;
    const href = a.getAttribute('href');
    if (!href || IGNORED_SCHEME.test(href)) continue;
    let url: URL;
    try {
      url = new URL(href, base);
    } catch {
      continue;
    }
    const app = opts.appOf(url);
    if (!app || byKey.has(app.key)) continue;
    byKey.add(app.key);
    const card = opts.cardOf(a);
    const ids = mergeIds(
      app.ids.map((id) => ({ ...id, from: 'link' as const })),
      storeIdsWithin(card, base, 50),
    );
    const name = opts.name(card, a);
    if (!name && ids.length === 0) continue;
    const listing: Listing = { role: 'card', ids, element: card };
    if (name) listing.name = name;
    const developer = opts.developer?.(card);
    if (developer) listing.developer = developer;
    out.push(listing);
  }
  return out;
}

/** Run an extractor on hostile input: a page we cannot read yields no listings, never an exception. */
export function safely(fn: () => Listing[]): Listing[] {
  try {
    return fn();
  } catch {
    return [];
  }
}
