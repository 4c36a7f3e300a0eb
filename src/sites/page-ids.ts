// The identifiers an app store page carries about itself: its own URL, and
// its canonical link, which survives when the visible URL is a redirect stub
// or carries tracking junk.

import { idsFromHref, idsFromUrl, mergeIds } from './store-links';
import type { ListingId } from './types';

/** Ids of the page URL, plus those of its canonical link that `isOwn` accepts (the store's app ids). */
export function pageIds(doc: Document, url: URL, isOwn: (id: ListingId) => boolean): ListingId[] {
  const ids = idsFromUrl(url, 'url');
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  if (canonical) mergeIds(ids, idsFromHref(canonical, url, 'meta').filter(isOwn));
  return ids;
}
