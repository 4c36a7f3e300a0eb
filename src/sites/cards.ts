// Cards of the app stores' pages found through their links: every link whose
// URL carries one of the store's app ids stands for that app. Shelves ("You
// might also like"), search results and seller pages all show up this way,
// whatever their layout. Bounded: at most MAX_APP_LINKS anchors per call.

import { idsFromHref } from './store-links';
import type { ListingId } from './types';

/** Anchors looked at per call; beyond this we stop (bounded work on huge pages). */
const MAX_APP_LINKS = 3000;

export interface AppLink {
  link: Element;
  /** The app id its href carries. */
  id: ListingId;
}

/**
 * Anchors matching `selector` whose href carries an id `isApp` accepts, in page
 * order, repeats included (several links per card are common).
 */
export function appLinks(root: ParentNode, base: URL, selector: string, isApp: (id: ListingId) => boolean): AppLink[] {
  const out: AppLink[] = [];
  for (const link of Array.from(root.querySelectorAll(selector)).slice(0, MAX_APP_LINKS)) {
    const id = idsFromHref(link.getAttribute('href') ?? '', base, 'link').find(isApp);
    if (id) out.push({ link, id });
  }
  return out;
}

/** The first link to each app, leaving out the ids in `skip` (the page's own app). */
export function firstLinkPerApp(links: readonly AppLink[], skip: ReadonlySet<string>): AppLink[] {
  const seen = new Set<string>(skip);
  const out: AppLink[] = [];
  for (const link of links) {
    if (seen.has(link.id.value)) continue;
    seen.add(link.id.value);
    out.push(link);
  }
  return out;
}

export interface AppCard extends AppLink {
  /** What a badge decorates: the app's own li/article, or the link when there is none. */
  element: Element;
}

/**
 * One card per app (its first link), leaving out the ids in `skip`. The card is
 * the li/article around the link when that holds no other app; one holding
 * several apps is a shelf, so the link itself is the card.
 */
export function appCards(links: readonly AppLink[], skip: ReadonlySet<string>): AppCard[] {
  const kept = links.filter(({ id }) => !skip.has(id.value));
  const boxes = kept.map(({ link }) => link.closest('li, article'));
  const idsInBox = new Map<Element, Set<string>>();
  kept.forEach(({ id }, i) => {
    const box = boxes[i];
    if (box) idsInBox.set(box, (idsInBox.get(box) ?? new Set()).add(id.value));
  });
  const seen = new Set<string>();
  const cards: AppCard[] = [];
  kept.forEach(({ link, id }, i) => {
    if (seen.has(id.value)) return;
    seen.add(id.value);
    const box = boxes[i];
    cards.push({ link, id, element: box && idsInBox.get(box)?.size === 1 ? box : link });
  });
  return cards;
}
