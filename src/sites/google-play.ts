// Google Play (play.google.com). Play's class names are generated and change
// often, so the adapter leans on what is stable: URLs (details?id=, dev?id=),
// JSON-LD, itemprop="name", aria-labels, and the link structure of cards.

import type { Listing, PageKind, SiteAdapter } from './types';
import { idsFromHref, idsFromUrl, mergeIds } from './store-links';
import { readSoftwareApplications } from './json-ld';
import { tidyText } from './page-text';
import { isHidden } from './untrusted';
import { collectListings, runSteps, type ListingSteps, type Steps } from './steps';

function classifyGooglePlay(url: URL): PageKind | null {
  if (url.hostname !== 'play.google.com') return null;
  const p = url.pathname.replace(/\/+$/, '');
  const id = url.searchParams.get('id');
  if ((p === '/store/apps/details' || p === '/store/apps/datasafety') && id) return 'detail';
  if ((p === '/store/apps/dev' || p === '/store/apps/developer') && id) return 'developer';
  if (p === '/store/search' || p === '/store/apps' || p.startsWith('/store/apps/collection') || p.startsWith('/store/apps/category') || p === '/store/games' || p.startsWith('/store/apps/top')) {
    return 'list';
  }
  return null;
}

const text = (el: Element | null | undefined): string | undefined => tidyText(el?.textContent);

/** Text of the leaf elements inside a card, in document order (bounded). */
function leafTexts(card: Element, limit = 12): string[] {
  const out: string[] = [];
  const walk = card.querySelectorAll('div, span');
  for (let i = 0; i < walk.length && out.length < limit; i++) {
    const el = walk[i]!;
    if (el.firstElementChild === null) {
      const t = text(el);
      if (t) out.push(t);
    }
  }
  return out;
}

function packageOfHref(href: string): string | undefined {
  const m = /[?&]id=([^&#]+)/.exec(href);
  return m?.[1];
}

/**
 * Has `el` more than `n` element children? Counts at most n + 1 of them:
 * childElementCount walks them all, and a results list can hold thousands
 * (once per card, that made infinite scroll quadratic).
 */
function moreChildrenThan(el: Element, n: number): boolean {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (--n < 0) return true;
  return false;
}

/**
 * The card around a details link: climb while the ancestor is small and holds
 * only this app's link(s). The size check keeps this O(card), not O(list):
 * a results container with hundreds of children is never queried.
 */
export function cardFor(link: Element, pkg: string): Element {
  let card: Element = link;
  for (let depth = 0; depth < 4; depth++) {
    const parent = card.parentElement;
    if (!parent || parent.tagName === 'BODY' || parent.tagName === 'MAIN' || moreChildrenThan(parent, 8)) break;
    // getElementsByTagName: a cached live list, far cheaper than an attribute query per step.
    const anchors = parent.getElementsByTagName('a');
    if (anchors.length > 200) break;
    let foreign = false;
    let apps = 0;
    for (let i = 0; i < anchors.length && !foreign; i++) {
      const href = anchors[i]!.getAttribute('href');
      if (!href?.includes('details?id=')) continue;
      foreign = ++apps > 8 || packageOfHref(href) !== pkg;
    }
    if (foreign) break;
    card = parent;
  }
  return card;
}

/** Cards: one per app linked from the page (search results, "similar apps", developer pages). */
export function extractGooglePlayCards(root: ParentNode, base: URL, skipPackage?: string): Listing[] {
  return runSteps(googlePlayCardSteps(root, base, skipPackage));
}

/** extractGooglePlayCards as a resumable walk: it may stop after any link. */
function* googlePlayCardSteps(root: ParentNode, base: URL, skipPackage?: string): Steps<Listing[]> {
  const seen = new Set<string>();
  const out: Listing[] = [];
  const links = root.querySelectorAll('a[href*="/store/apps/details?id="]');
  for (let i = 0; i < links.length && out.length < 500; i++) {
    yield;
    const a = links[i]!;
    const ids = idsFromHref(a.getAttribute('href') ?? '', base, 'link');
    const pkg = ids.find((x) => x.platform === 'google-play')?.value;
    if (!pkg || pkg === skipPackage || seen.has(pkg) || isHidden(a)) continue;
    seen.add(pkg);
    const card = cardFor(a, pkg);
    const leaves = leafTexts(card);
    // Prefer text inside the link itself: the card may include a section header.
    const name = a.getAttribute('aria-label')?.trim() || leafTexts(a, 1)[0] || leaves[0] || a.getAttribute('title')?.trim() || undefined;
    // The developer line follows the name in a card; absent on some card kinds.
    const nameAt = name ? leaves.indexOf(name) : -1;
    const developer = nameAt >= 0 ? leaves[nameAt + 1] : undefined;
    out.push({ name, developer: looksLikeDeveloper(developer) ? developer : undefined, ids, element: card, role: 'card' });
  }
  return out;
}

// Cards also carry ratings ("4.5"), prices and badges: not developer names.
function looksLikeDeveloper(s: string | undefined): boolean {
  return !!s && s.length <= 80 && !/^[\d.,\s★$€£%+]+$/.test(s) && !/^(contains ads|in-app purchases|installed|free|editors' choice)$/i.test(s);
}

/**
 * The developer link under the title: the first one a reader sees after the
 * <h1>, in the few blocks around it. One placed before the title, hidden, or
 * elsewhere on the page (a description, another app's card) is not this app's.
 */
function developerLinkAfter(h1: Element): Element | undefined {
  let block: Element | null = h1;
  for (let depth = 0; depth < 3 && (block = block.parentElement); depth++) {
    // Title and developer links in document order: only links after the title count.
    let after = false;
    for (const el of Array.from(block.querySelectorAll('h1, a[href*="/store/apps/dev"]'))) {
      if (el.contains(h1)) after = true;
      else if (after && el.tagName === 'A' && !isHidden(el)) return el;
    }
  }
  return undefined;
}

function extractGooglePlayDetail(doc: Document, url: URL): Listing | null {
  // The URL's id names the app: a canonical link or JSON-LD naming another one is
  // the page's word against Play's address, and JSON-LD about another app says nothing about this one.
  const ids = idsFromUrl(url, 'url');
  const own = ids[0]?.value;
  const ld = readSoftwareApplications(doc).find((x) => !x.url || !idsFromHref(x.url, url, 'json-ld').some((id) => id.platform === 'google-play' && id.value !== own));
  const h1 = doc.querySelector('h1 [itemprop="name"]') ?? doc.querySelector('h1');
  const name = text(h1) ?? ld?.name;
  const devLink = h1 && developerLinkAfter(h1);
  const developer = text(devLink) ?? ld?.developer;
  if (devLink) mergeIds(ids, idsFromHref(devLink.getAttribute('href') ?? '', url, 'link'));
  if (!own && !name) return null;
  return { name, developer, ids, element: h1 ?? undefined, role: 'main' };
}

function extractGooglePlayDeveloper(doc: Document, url: URL): Listing {
  const ids = idsFromUrl(url, 'url');
  const h1 = doc.querySelector('h1');
  // developer?id=<name> pages carry the name in the URL; dev?id=<number> pages in the h1.
  const developer = text(h1) ?? (url.pathname.endsWith('/developer') ? url.searchParams.get('id') ?? undefined : undefined);
  return { developer, ids, element: h1 ?? undefined, role: 'main' };
}

/** The page's own listing first (its banner must not wait for the cards), then the cards. */
function* googlePlaySteps(doc: Document, url: URL): ListingSteps {
  const kind = classifyGooglePlay(url);
  if (!kind) return;
  let main: Listing | null = null;
  let skip: string | undefined;
  if (kind === 'detail') {
    main = extractGooglePlayDetail(doc, url);
    skip = main?.ids.find((x) => x.platform === 'google-play')?.value;
  } else if (kind === 'developer') {
    main = extractGooglePlayDeveloper(doc, url);
  }
  if (main) yield [main];
  const cards = yield* googlePlayCardSteps(doc, url, skip);
  if (kind === 'developer' && main?.developer) {
    // Cards on a developer page are that developer's apps.
    for (const c of cards) c.developer ??= main.developer;
  }
  yield cards;
}

export const googlePlay: SiteAdapter = {
  id: 'google-play',
  name: 'Google Play',
  hosts: ['play.google.com'],
  classify: classifyGooglePlay,
  examples: [
    { url: 'https://play.google.com/store/apps/details?id=com.intsig.camscanner', kind: 'detail' },
    { url: 'https://play.google.com/store/apps/details?id=com.mojang.minecraftpe&hl=en', kind: 'detail' },
    { url: 'https://play.google.com/store/apps/datasafety?id=com.google.android.apps.translate', kind: 'detail' },
    { url: 'https://play.google.com/store/apps/dev?id=5700313618786177705', kind: 'developer' },
    { url: 'https://play.google.com/store/apps/developer?id=Mojang', kind: 'developer' },
    { url: 'https://play.google.com/store/search?q=panda&c=apps', kind: 'list' },
    { url: 'https://play.google.com/store/apps/collection/cluster?gsr=abc', kind: 'list' },
    { url: 'https://play.google.com/store/apps?hl=en_US', kind: 'list' },
    { url: 'https://play.google.com/store/apps/category/TOOLS', kind: 'list' },
    { url: 'https://play.google.com/store/apps/details', kind: null },
    { url: 'https://play.google.com/store/movies/details?id=abc', kind: null },
    { url: 'https://play.google.com/store/books', kind: null },
    { url: 'https://play.google.com/about/', kind: null },
    { url: 'https://www.google.com/store/apps/details?id=com.intsig.camscanner', kind: null },
  ],
  extract(doc, url) {
    return collectListings(googlePlaySteps(doc, url));
  },
  extractSteps: googlePlaySteps,
  extractFrom(root, url) {
    if (!classifyGooglePlay(url)) return [];
    const main = url.searchParams.get('id') ?? undefined;
    return extractGooglePlayCards(root, url, main);
  },
};
