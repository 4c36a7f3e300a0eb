// The page shape the Apple, Microsoft and Galaxy stores share: a detail page
// is one app plus cards of other apps, a developer page names the developer
// plus cards of its apps, a list page is cards only. Each adapter declares how
// to read its own pages and calls extractStorePage() from extract(): a plain
// function, so adapter modules stay free of side effects (tree-shakable).

import type { Listing, ListingId, PageKind } from './types';
import { collectListings, type ListingSteps } from './steps';

export interface StorePages {
  classify(url: URL): PageKind | null;
  /** The store's own app ids (not developer ids): the detail page's app is never also a card. */
  isApp(id: ListingId): boolean;
  main(doc: Document, url: URL): Listing;
  developer(doc: Document, url: URL): Listing | undefined;
  /** Cards of the apps the page links to, leaving out the ids in `skip`. */
  cards(doc: Document, url: URL, skip: Set<string>): Listing[];
}

export function extractStorePage(pages: StorePages, doc: Document, url: URL): Listing[] {
  return collectListings(storePageSteps(pages, doc, url));
}

/** extractStorePage in two steps: the page's own listing first (its banner need not wait for the cards), then the cards. */
export function* storePageSteps(pages: StorePages, doc: Document, url: URL): ListingSteps {
  const kind = pages.classify(url);
  if (!kind) return;
  const skip = new Set<string>();
  if (kind === 'detail') {
    const main = pages.main(doc, url);
    for (const id of main.ids) if (pages.isApp(id)) skip.add(id.value);
    yield [main];
  } else if (kind === 'developer') {
    const developer = pages.developer(doc, url);
    if (developer) yield [developer];
  }
  yield pages.cards(doc, url, skip);
}
