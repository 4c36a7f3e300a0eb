// The page shape every download site shares: a page is either about one app
// (detail, download) or a list of app cards (list, developer; such lists also
// grow by infinite scroll). Each adapter declares how to read its own pages;
// this turns that into extract()/extractFrom(), never throwing on odd pages.

import { safely } from './links';
import type { Listing, PageKind, SiteAdapter } from './types';

export interface DownloadSitePages {
  classify(url: URL): PageKind | null;
  /** The app a detail or download page is about; null when the page names none. */
  main(doc: Document, url: URL): Listing | null;
  /** The cards of a list or developer page; `root` limits them to a subtree added later. */
  cards(doc: Document, url: URL, root?: ParentNode): Listing[];
}

const isAppPage = (kind: PageKind | null) => kind === 'detail' || kind === 'download';
const isListPage = (kind: PageKind | null) => kind === 'list' || kind === 'developer';

export function downloadSiteExtractors(pages: DownloadSitePages): Pick<SiteAdapter, 'extract' | 'extractFrom'> {
  return {
    extract(doc, url) {
      return safely(() => {
        const kind = pages.classify(url);
        if (isAppPage(kind)) {
          const main = pages.main(doc, url);
          return main ? [main] : [];
        }
        return isListPage(kind) ? pages.cards(doc, url) : [];
      });
    },
    extractFrom(root, url) {
      return safely(() => (isListPage(pages.classify(url)) ? pages.cards(root.ownerDocument, url, root) : []));
    },
  };
}
