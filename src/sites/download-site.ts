// The page shape every download site shares: a page is either about one app
// (detail, download) or a list of app cards (list, developer; such lists also
// grow by infinite scroll). Each adapter declares how to read its own pages
// and calls these from extract()/extractFrom(). Plain functions, called only
// when a page is read: an adapter module stays free of side effects, so a
// bundle that imports the adapter list keeps only the adapters it uses.

import { safely } from './links';
import type { Listing, PageKind } from './types';

export interface DownloadSitePages {
  classify(url: URL): PageKind | null;
  /** The app a detail or download page is about; null when the page names none. */
  main(doc: Document, url: URL): Listing | null;
  /** The cards of a list or developer page; `root` limits them to a subtree added later. */
  cards(doc: Document, url: URL, root?: ParentNode): Listing[];
}

const isAppPage = (kind: PageKind | null) => kind === 'detail' || kind === 'download';
const isListPage = (kind: PageKind | null) => kind === 'list' || kind === 'developer';

/** SiteAdapter.extract for a download site: the main listing or the cards; [] on any other page or error. */
export function extractDownloadSitePage(pages: DownloadSitePages, doc: Document, url: URL): Listing[] {
  return safely(() => {
    const kind = pages.classify(url);
    if (isAppPage(kind)) {
      const main = pages.main(doc, url);
      return main ? [main] : [];
    }
    return isListPage(kind) ? pages.cards(doc, url) : [];
  });
}

/** SiteAdapter.extractFrom for a download site: cards inside a subtree added to a list page. */
export function extractAddedCards(pages: DownloadSitePages, root: Element, url: URL): Listing[] {
  return safely(() => (isListPage(pages.classify(url)) ? pages.cards(root.ownerDocument, url, root) : []));
}
