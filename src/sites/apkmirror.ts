// APKMirror (www.apkmirror.com): a WordPress site of APK uploads.
// URLs: /apk/<dev-slug>/ developer, /apk/<dev>/<app>/ app page,
// /apk/<dev>/<app>/<app>-<version>-release/ release page and its
// …-android-apk-download/ file pages (both "download"), /?s= search and
// /uploads/ lists of `div.appRow` cards.
// Evidence: release/file pages print "Package: com.x.y" in the APK details;
// app pages link to Google Play; cards carry only a name and a developer.

import { extractAddedCards, extractDownloadSitePage, type DownloadSitePages } from './download-site';
import type { Listing, PageKind, SiteAdapter } from './types';
import { mainListing, pathSegments } from './links';
import { cleanText, firstOf, stripVersion } from './page-text';

const HOSTS = ['www.apkmirror.com', 'apkmirror.com'];

function classify(url: URL): PageKind | null {
  if (!HOSTS.includes(url.hostname.toLowerCase())) return null;
  const segs = pathSegments(url);
  if (url.searchParams.has('s')) return 'list'; // /?s=camscanner, /page/2/?s=…
  if (segs.length === 0) return 'list'; // home: "Latest uploads"
  if (segs[0] === 'uploads' || segs[0] === 'categories' || segs[0] === 'page') return 'list';
  if (segs[0] !== 'apk') return null;
  if (segs.length === 2) return 'developer';
  if (segs.length === 3) return 'detail';
  if (segs.length >= 4) {
    // The release segment ends in "-release"; deeper file pages in "-android-apk-download" / "download".
    if (segs.slice(3).some((s) => /-release$|-android-apk-download$|^download$/.test(s))) return 'download';
    return 'detail'; // /variant-{…}/ filters and similar views of the app page
  }
  return null;
}

/** "by INTSIG Information Co.,Ltd" → "INTSIG Information Co.,Ltd" */
function developerText(el: Element | null): string | undefined {
  return cleanText(el, 120)?.replace(/^by\s+/i, '') || undefined;
}

function extractCards(root: ParentNode): Listing[] {
  const out: Listing[] = [];
  // A row added by infinite scroll may itself be the root.
  const rows = [...((root as Element).matches?.('div.appRow') ? [root as Element] : []), ...Array.from(root.querySelectorAll('div.appRow'))];
  for (let i = 0; i < rows.length && out.length < 500; i++) {
    const row = rows[i]!;
    const title = row.querySelector('.appRowTitle');
    const raw = title?.getAttribute('title') || cleanText(title ?? row.querySelector('a.fontBlack'), 200);
    if (!raw) continue; // ad rows and spacers share the class
    const listing: Listing = { role: 'card', name: stripVersion(raw), ids: [], element: row };
    const dev = developerText(row.querySelector('a.byDeveloper'));
    if (dev) listing.developer = dev;
    out.push(listing);
  }
  return out;
}

function extractMain(doc: Document, url: URL): Listing | null {
  const h1 = firstOf(doc, ['h1.app-title', '#masthead h1', '.site-header-contents h1', 'h1']);
  const rawName = h1?.getAttribute('title') || cleanText(h1, 200);
  const header = h1?.closest('.site-header-contents, .appRow, header') ?? h1;
  const devEl = firstOf(header ?? doc, ['h3.dev-title a', '.dev-title a', '.dev-title']);
  // Page body minus nothing: mainListing ignores store links that are not unique per platform.
  const scope = firstOf(doc, ['#content', '.site-content', 'main']) ?? doc;
  return mainListing(doc, url, {
    element: header,
    scope,
    name: rawName ? stripVersion(rawName) : undefined,
    developer: developerText(devEl),
  });
}

const PAGES: DownloadSitePages = { classify, main: extractMain, cards: (doc, _url, root) => extractCards(root ?? doc) };

export const apkmirrorAdapter: SiteAdapter = {
  id: 'apkmirror',
  name: 'APKMirror',
  hosts: HOSTS,
  classify,
  examples: [
    { url: 'https://www.apkmirror.com/apk/intsig-information-co-ltd/camscanner-phone-pdf-creator/', kind: 'detail' },
    {
      url: 'https://www.apkmirror.com/apk/wps-software-pte-ltd/wps-office-free-office-download-pdf-editor/wps-office-free-office-download-pdf-editor-18-2-release/',
      kind: 'download',
    },
    {
      url: 'https://www.apkmirror.com/apk/wps-software-pte-ltd/wps-office-free-office-download-pdf-editor/wps-office-free-office-download-pdf-editor-18-2-release/wps-office-pdf-word-excel-ppt-18-2-android-apk-download/',
      kind: 'download',
    },
    { url: 'https://www.apkmirror.com/apk/wps-software-pte-ltd/', kind: 'developer' },
    { url: 'https://www.apkmirror.com/?post_type=app_release&searchtype=apk&s=scanner', kind: 'list' },
    { url: 'https://www.apkmirror.com/uploads/?appcategory=camscanner-phone-pdf-creator', kind: 'list' },
    { url: 'https://www.apkmirror.com/', kind: 'list' },
    { url: 'https://www.apkmirror.com/faq/', kind: null },
    { url: 'https://www.apkmirror.com/wp-content/themes/APKMirror/css/style.css', kind: null },
    { url: 'https://www.apkpure.com/apk/x/y/', kind: null },
  ],
  extract: (doc, url) => extractDownloadSitePage(PAGES, doc, url),
  extractFrom: (root, url) => extractAddedCards(PAGES, root, url),
};
