// Download-site, vendor-site and "any site" adapters: URL classification
// (every adapter's examples), extraction from our imitation fixtures, hostile
// input, and the store-link scanner they share (src/sites/links.ts).
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../dom';
import { ownFixturesDir, readOwnFixture, readCapturedFixture } from '../fixtures-path';
import type { Listing, SiteAdapter } from '../../src/sites/types';
import { downloadAdapters, genericAdapter, vendorAdapter, OFFICIAL_HOSTS } from '../../src/sites/downloads';
import { createGenericAdapter } from '../../src/sites/generic';
import { officialHostOf } from '../../src/sites/vendor-sites';
import { MAX_ANCHORS, extractStoreLinks, matchDomain, siteSubdomain } from '../../src/sites/links';
import { labelledValue, packageInText, stripVersion, visibleText } from '../../src/sites/page-text';
import { dataset } from '../../src/data/dataset';
import { compileIndex } from '../../src/match/compile';
import { matchListing } from '../../src/match/match';

const allAdapters: SiteAdapter[] = [...downloadAdapters, vendorAdapter, genericAdapter];

/** The registry's host rule: equal to an adapter host, or a subdomain of it. */
function hostMatches(adapter: SiteAdapter, url: URL): boolean {
  const h = url.hostname.toLowerCase();
  return adapter.hosts.length === 0 || adapter.hosts.some((d) => h === d || h.endsWith(`.${d}`));
}

/** Listings without DOM nodes, ids as "platform:value:from": easy to compare. */
function simple(listings: Listing[]) {
  return listings.map((l) => {
    const out: Record<string, unknown> = { role: l.role, ids: l.ids.map((i) => `${i.platform}:${i.value}:${i.from}`) };
    if (l.name !== undefined) out.name = l.name;
    if (l.developer !== undefined) out.developer = l.developer;
    return out;
  });
}

function extractFixture(adapter: SiteAdapter, file: string, url: string): Listing[] {
  return adapter.extract(parseDocument(readOwnFixture(`${adapter.id}/${file}`)), new URL(url));
}

interface Case {
  url: string;
  file: string;
  kind: string;
  covered: string[];
  listings?: number;
}

describe('adapter registry', () => {
  it('has unique ids and every adapter has positive and negative examples', () => {
    const ids = allAdapters.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of allAdapters) {
      expect(a.examples.some((e) => e.kind !== null), a.id).toBe(true);
      expect(a.examples.some((e) => e.kind === null), a.id).toBe(true);
    }
  });

  it('download adapters declare explicit hosts; the generic adapter declares none', () => {
    for (const a of downloadAdapters) expect(a.hosts.length, a.id).toBeGreaterThan(0);
    expect(vendorAdapter.hosts).toEqual([...OFFICIAL_HOSTS]);
    expect(genericAdapter.hosts).toEqual([]);
  });
});

describe.each(allAdapters.map((a) => [a.id, a] as const))('%s examples', (_id, adapter) => {
  it.each(adapter.examples.map((e) => [e.url, e.kind] as const))('%s → %s', (url, kind) => {
    const u = new URL(url);
    expect(adapter.classify(u)).toBe(kind);
    // A page the adapter claims must be on one of its hosts (subdomains included).
    if (kind !== null) expect(hostMatches(adapter, u)).toBe(true);
  });
});

describe('fixtures and cases.json', () => {
  const folders = [...downloadAdapters.map((a) => a.id), 'vendor', 'generic'];
  it.each(folders)('%s: cases classify as stated, files are labelled imitations, covered pages yield listings', (folder) => {
    const adapter = allAdapters.find((a) => a.id === folder)!;
    const cases = JSON.parse(readFileSync(join(ownFixturesDir, folder, 'cases.json'), 'utf8')) as Case[];
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) {
      const path = join(ownFixturesDir, folder, c.file);
      expect(existsSync(path), c.file).toBe(true);
      expect(statSync(path).size, c.file).toBeLessThan(60_000);
      const html = readFileSync(path, 'utf8');
      expect(html.trimStart().startsWith('<!--'), `${c.file} starts with a comment naming what it imitates`).toBe(true);
      expect(adapter.classify(new URL(c.url)), c.url).toBe(c.kind);
      const listings = adapter.extract(parseDocument(html), new URL(c.url));
      if (c.covered.length > 0) expect(listings.length, c.file).toBeGreaterThan(0);
      for (const l of listings) expect(l.element, c.file).toBeDefined();
    }
  });

  it('every download site has a covered page, a clean page and a list page', () => {
    for (const a of downloadAdapters) {
      const cases = JSON.parse(readFileSync(join(ownFixturesDir, a.id, 'cases.json'), 'utf8')) as Case[];
      if (a.id === 'fdroid') {
        expect(cases.filter((c) => c.covered.length === 0).length).toBeGreaterThanOrEqual(2);
        continue;
      }
      expect(cases.some((c) => c.covered.length > 0 && c.kind !== 'list'), a.id).toBe(true);
      expect(cases.some((c) => c.covered.length === 0), a.id).toBe(true);
      expect(cases.some((c) => c.kind === 'list' && c.covered.length > 0), a.id).toBe(true);
    }
  });
});

const byId = Object.fromEntries(allAdapters.map((a) => [a.id, a]));

// What each fixture must yield: identifiers first (with where they were read), then names.
const expected: { adapter: string; file: string; url: string; listings: Record<string, unknown>[] }[] = [
  {
    adapter: 'apkmirror',
    file: 'app-camscanner.html',
    url: 'https://www.apkmirror.com/apk/intsig-information-co-ltd/camscanner-phone-pdf-creator/',
    listings: [
      {
        role: 'main',
        name: 'CamScanner - PDF Scanner App',
        developer: 'INTSIG Information Co.,Ltd',
        ids: ['google-play:com.intsig.camscanner:link'],
      },
    ],
  },
  {
    adapter: 'apkmirror',
    file: 'release-wps-office.html',
    url: 'https://www.apkmirror.com/apk/wps-software-pte-ltd/wps-office-free-office-download-pdf-editor/wps-office-free-office-download-pdf-editor-18-2-release/',
    listings: [
      {
        role: 'main',
        name: 'WPS Office-PDF,Word,Sheet,PPT',
        developer: 'WPS SOFTWARE PTE. LTD.',
        ids: ['google-play:cn.wps.moffice_eng:page-text'],
      },
    ],
  },
  {
    adapter: 'apkmirror',
    file: 'release-vidmate.html',
    url: 'https://www.apkmirror.com/apk/vidmate-studio/vidmate-hd-video-downloader/vidmate-hd-video-downloader-5-1-release/',
    listings: [
      { role: 'main', name: 'VidMate - HD video downloader', developer: 'VidMate Studio', ids: ['google-play:com.nemo.vidmate:page-text'] },
    ],
  },
  {
    adapter: 'apkmirror',
    file: 'search-scanner.html',
    url: 'https://www.apkmirror.com/?post_type=app_release&searchtype=apk&s=scanner',
    listings: [
      { role: 'card', name: 'CamScanner - PDF Scanner App', developer: 'INTSIG Information Co.,Ltd', ids: [] },
      { role: 'card', name: 'Adobe Scan: PDF Scanner, OCR', developer: 'Adobe', ids: [] },
      { role: 'card', name: 'Microsoft Lens - PDF Scanner', developer: 'Microsoft Corporation', ids: [] },
    ],
  },
  {
    adapter: 'apkpure',
    file: 'app-shareit.html',
    url: 'https://apkpure.com/shareit-transfer-share/com.lenovo.anyshare.gps',
    listings: [
      {
        role: 'main',
        name: 'SHAREit: Transfer, Share Files',
        developer: 'Smart Media4U Technology Pte.Ltd.',
        ids: ['google-play:com.lenovo.anyshare.gps:url'],
      },
    ],
  },
  {
    adapter: 'apkpure',
    file: 'app-xender.html',
    url: 'https://apkpure.com/xender-share-music-transfer/cn.xender',
    listings: [
      { role: 'main', name: 'Xender - Share Music Transfer', developer: 'Xender File-sharing Team', ids: ['google-play:cn.xender:url'] },
    ],
  },
  {
    adapter: 'apkpure',
    file: 'search-share.html',
    url: 'https://apkpure.com/search?q=share',
    listings: [
      {
        role: 'card',
        name: 'SHAREit: Transfer, Share Files',
        developer: 'Smart Media4U Technology Pte.Ltd.',
        ids: ['google-play:com.lenovo.anyshare.gps:link'],
      },
      { role: 'card', name: 'Xender - Share Music Transfer', developer: 'Xender File-sharing Team', ids: ['google-play:cn.xender:link'] },
      { role: 'card', name: 'Files by Google', developer: 'Google LLC', ids: ['google-play:com.google.android.apps.nbu.files:link'] },
    ],
  },
  {
    adapter: 'uptodown',
    file: 'app-wps-office.html',
    url: 'https://wps-office.en.uptodown.com/android',
    listings: [{ role: 'main', name: 'WPS Office', developer: 'WPS SOFTWARE PTE. LTD.', ids: ['google-play:cn.wps.moffice_eng:page-text'] }],
  },
  {
    adapter: 'uptodown',
    file: 'app-wifi-wps-wpa-tester.html',
    url: 'https://wifi-wps-wpa-tester.en.uptodown.com/android',
    listings: [
      { role: 'main', name: 'WIFI WPS WPA TESTER', developer: 'Sangiorgi Srl', ids: ['google-play:com.tester.wpswpatester:page-text'] },
    ],
  },
  {
    adapter: 'uptodown',
    file: 'app-vidmate.html',
    url: 'https://vidmate.en.uptodown.com/android',
    listings: [{ role: 'main', name: 'VidMate', developer: 'VidMate Studio', ids: ['google-play:com.nemo.vidmate:page-text'] }],
  },
  {
    adapter: 'uptodown',
    file: 'search-wps.html',
    url: 'https://en.uptodown.com/android/search',
    listings: [
      { role: 'card', name: 'WPS Office', ids: [] },
      { role: 'card', name: 'WIFI WPS WPA TESTER', ids: [] },
      { role: 'card', name: 'Polaris Office', ids: [] },
    ],
  },
  {
    adapter: 'softonic',
    file: 'app-camscanner.html',
    url: 'https://camscanner.en.softonic.com/android',
    listings: [
      { role: 'main', name: 'CamScanner', developer: 'INTSIG Information Co.,Ltd', ids: ['google-play:com.intsig.camscanner:link'] },
    ],
  },
  {
    adapter: 'softonic',
    file: 'app-adobe-scan.html',
    url: 'https://adobe-scan.en.softonic.com/android',
    listings: [{ role: 'main', name: 'Adobe Scan', developer: 'Adobe', ids: ['google-play:com.adobe.scan.android:link'] }],
  },
  {
    adapter: 'softonic',
    file: 'search-scanner.html',
    url: 'https://en.softonic.com/s/scanner/android',
    listings: [
      { role: 'card', name: 'CamScanner', developer: 'INTSIG Information Co.,Ltd', ids: [] },
      { role: 'card', name: 'Adobe Scan', developer: 'Adobe', ids: [] },
      { role: 'card', name: 'Microsoft Lens', developer: 'Microsoft', ids: [] },
    ],
  },
  {
    adapter: 'filehippo',
    file: 'android-camscanner.html',
    url: 'https://filehippo.com/android/download_camscanner/',
    listings: [
      { role: 'main', name: 'CamScanner', developer: 'INTSIG Information Co.,Ltd', ids: ['google-play:com.intsig.camscanner:link'] },
    ],
  },
  {
    adapter: 'filehippo',
    file: 'android-wifi-wps-wpa-tester.html',
    url: 'https://filehippo.com/android/download_wifi-wps-wpa-tester/',
    listings: [
      { role: 'main', name: 'WIFI WPS WPA TESTER', developer: 'Sangiorgi Srl', ids: ['google-play:com.tester.wpswpatester:link'] },
    ],
  },
  {
    adapter: 'filehippo',
    file: 'search-wps.html',
    url: 'https://filehippo.com/search/?q=wps',
    listings: [
      { role: 'card', name: 'WPS Office', developer: 'Kingsoft Corp.', ids: [] },
      { role: 'card', name: 'WIFI WPS WPA TESTER', ids: [] },
      { role: 'card', name: 'LibreOffice', ids: [] },
    ],
  },
  {
    adapter: 'cnet-download',
    file: 'android-tiktok.html',
    url: 'https://download.cnet.com/tiktok/3000-2150_4-78047000.html',
    listings: [{ role: 'main', name: 'TikTok', developer: 'TikTok Pte. Ltd.', ids: ['google-play:com.zhiliaoapp.musically:link'] }],
  },
  {
    adapter: 'cnet-download',
    file: 'android-adobe-scan.html',
    url: 'https://download.cnet.com/adobe-scan/3000-18483_4-77001234.html',
    listings: [{ role: 'main', name: 'Adobe Scan', developer: 'Adobe', ids: ['google-play:com.adobe.scan.android:link'] }],
  },
  {
    adapter: 'cnet-download',
    file: 'search-video.html',
    url: 'https://download.cnet.com/s/video-app/?platform=android',
    listings: [
      { role: 'card', name: 'TikTok', developer: 'TikTok Pte. Ltd.', ids: [] },
      { role: 'card', name: 'VidMate', developer: 'VidMate Studio', ids: [] },
      { role: 'card', name: 'VLC', developer: 'VideoLAN', ids: [] },
    ],
  },
  {
    adapter: 'aptoide',
    file: 'app-qq.html',
    url: 'https://mobile-qq.en.aptoide.com/app',
    listings: [
      {
        role: 'main',
        name: 'QQ',
        developer: 'Tencent Technology (Shenzhen) Company Ltd.',
        ids: ['google-play:com.tencent.mobileqq:page-text'],
      },
    ],
  },
  {
    adapter: 'aptoide',
    file: 'app-vidmate.html',
    url: 'https://vidmate.en.aptoide.com/app',
    listings: [{ role: 'main', name: 'VidMate', developer: 'VidMate Studio', ids: ['google-play:com.nemo.vidmate:page-text'] }],
  },
  {
    adapter: 'aptoide',
    file: 'search-qq.html',
    url: 'https://en.aptoide.com/search?query=qq',
    listings: [
      { role: 'card', name: 'QQ', ids: [] },
      { role: 'card', name: 'QQ English', ids: [] },
    ],
  },
  {
    adapter: 'fdroid',
    file: 'app-antennapod.html',
    url: 'https://f-droid.org/en/packages/de.danoeh.antennapod/',
    listings: [{ role: 'main', name: 'AntennaPod', ids: ['google-play:de.danoeh.antennapod:url'] }],
  },
  {
    adapter: 'fdroid',
    file: 'category-multimedia.html',
    url: 'https://f-droid.org/en/categories/multimedia/',
    listings: [
      { role: 'card', name: 'AntennaPod', ids: ['google-play:de.danoeh.antennapod:link'] },
      { role: 'card', name: 'VLC', ids: ['google-play:org.videolan.vlc:link'] },
      { role: 'card', name: 'NewPipe', ids: ['google-play:org.schabi.newpipe:link'] },
    ],
  },
  {
    adapter: 'vendor',
    file: 'wps-download.html',
    url: 'https://www.wps.com/download/',
    listings: [
      { role: 'vendor', name: 'WPS Office', ids: ['domain:wps.com:url'] },
      { role: 'link', ids: ['google-play:cn.wps.moffice_eng:link'] },
      { role: 'link', ids: ['apple:1491101673:link'] },
      { role: 'link', ids: ['apple-mac:1468073139:link'] },
    ],
  },
  {
    adapter: 'vendor',
    file: 'camscanner-home.html',
    url: 'https://www.camscanner.com/',
    listings: [
      { role: 'vendor', name: 'CamScanner - Scan documents, make PDFs', ids: ['domain:camscanner.com:url'] },
      { role: 'link', ids: ['google-play:com.intsig.camscanner:link'] },
      { role: 'link', ids: ['apple:388627783:link'] },
    ],
  },
  {
    adapter: 'vendor',
    file: 'ushareit-home.html',
    url: 'https://www.ushareit.com/',
    listings: [
      { role: 'vendor', name: 'SHAREit', ids: ['domain:ushareit.com:url'] },
      { role: 'link', ids: ['google-play:com.lenovo.anyshare.gps:link'] },
      { role: 'link', ids: ['apple:725215120:link'] },
      { role: 'link', ids: ['microsoft-store:9WZDNCRDSZ0P:link'] },
    ],
  },
  {
    adapter: 'vendor',
    file: 'tiktok-download.html',
    url: 'https://www.tiktok.com/download',
    listings: [
      { role: 'vendor', name: 'TikTok', ids: ['domain:tiktok.com:url'] },
      { role: 'link', ids: ['google-play:com.zhiliaoapp.musically:link'] },
      { role: 'link', ids: ['apple:835599320:link'] },
      { role: 'link', ids: ['amazon:B0117U0G3M:link'] },
      { role: 'link', ids: ['microsoft-store:9NH2GPH4JZS4:link'] },
    ],
  },
  {
    adapter: 'generic',
    file: 'blog-receipts.html',
    url: 'https://atidydesk.example.org/2024/05/digitise-paper-receipts/',
    listings: [
      { role: 'link', ids: ['google-play:com.intsig.camscanner:link'] },
      { role: 'main', name: 'Five ways to digitise your paper receipts', ids: [] },
    ],
  },
];

describe('extract() on fixtures', () => {
  it.each(expected.map((e) => [`${e.adapter}/${e.file}`, e] as const))('%s', (_name, e) => {
    expect(simple(extractFixture(byId[e.adapter]!, e.file, e.url))).toEqual(e.listings);
  });

  it('decorates the app header on detail pages and the card on lists', () => {
    const [main] = extractFixture(byId.apkmirror!, 'app-camscanner.html', expected[0]!.url);
    expect(main!.element!.querySelector('h1')?.textContent).toBe('CamScanner - PDF Scanner App');
    const cards = extractFixture(byId.apkpure!, 'search-share.html', 'https://apkpure.com/search?q=share');
    expect(cards.map((c) => c.element!.tagName)).toEqual(['LI', 'LI', 'LI']);
    const links = extractFixture(vendorAdapter, 'wps-download.html', 'https://www.wps.com/download/');
    expect(links[1]!.element!.getAttribute('href')).toBe('https://play.google.com/store/apps/details?id=cn.wps.moffice_eng');
  });
});

describe('extractFrom(): cards added later (infinite scroll)', () => {
  it('reads only the added subtree, including a root that is itself the card', () => {
    const doc = parseDocument(readOwnFixture('apkmirror/search-scanner.html'));
    const list = doc.querySelector('.listWidget')!;
    const row = doc.createElement('div');
    row.className = 'appRow';
    row.innerHTML = '<h5 class="appRowTitle" title="WPS Office 18.2">WPS Office 18.2</h5><a class="byDeveloper" href="/apk/wps-software-pte-ltd/">by WPS SOFTWARE PTE. LTD.</a>';
    list.appendChild(row);
    const url = new URL('https://www.apkmirror.com/?s=office');
    expect(simple(byId.apkmirror!.extractFrom!(row, url))).toEqual([
      { role: 'card', name: 'WPS Office', developer: 'WPS SOFTWARE PTE. LTD.', ids: [] },
    ]);

    const fd = parseDocument(readOwnFixture('fdroid/category-multimedia.html'));
    const vlc = fd.querySelector('a[href="/en/packages/org.videolan.vlc/"]')!;
    expect(simple(byId.fdroid!.extractFrom!(vlc, new URL('https://f-droid.org/en/categories/multimedia/')))).toEqual([
      { role: 'card', name: 'VLC', ids: ['google-play:org.videolan.vlc:link'] },
    ]);

    const ap = parseDocument(readOwnFixture('apkpure/search-share.html'));
    const third = ap.querySelectorAll('ul.search-res li')[2]!;
    expect(byId.apkpure!.extractFrom!(third, new URL('https://apkpure.com/search?q=share')).map((l) => l.ids[0]!.value)).toEqual([
      'com.google.android.apps.nbu.files',
    ]);
  });

  it('adds nothing on detail pages (the main listing is read once)', () => {
    const doc = parseDocument(readOwnFixture('apkpure/app-shareit.html'));
    const url = new URL('https://apkpure.com/shareit-transfer-share/com.lenovo.anyshare.gps');
    expect(byId.apkpure!.extractFrom!(doc.querySelector('.similar')!, url)).toEqual([]);
  });
});

describe('layout changes: identifiers survive when selectors fail', () => {
  it('APKPure: the package still comes from the URL', () => {
    const doc = parseDocument('<div class="redesign-2030"><span>Some app</span></div>');
    const out = byId.apkpure!.extract(doc, new URL('https://apkpure.com/shareit/com.lenovo.anyshare.gps/download'));
    expect(simple(out)).toEqual([{ role: 'main', ids: ['google-play:com.lenovo.anyshare.gps:url'] }]);
  });

  it('APKMirror: the printed "Package:" is read without the known classes', () => {
    const doc = parseDocument('<section><div>Version: 6.50 Package: com.intsig.camscanner 2,000 downloads</div></section>');
    const out = byId.apkmirror!.extract(doc, new URL('https://www.apkmirror.com/apk/intsig/camscanner/camscanner-6-50-release/'));
    expect(simple(out)).toEqual([{ role: 'main', ids: ['google-play:com.intsig.camscanner:page-text'] }]);
  });

  it('Softonic/FileHippo/CNET: a lone Google Play button is enough', () => {
    const html = '<div><a href="https://play.google.com/store/apps/details?id=com.zhiliaoapp.musically">Get</a></div>';
    for (const [id, url] of [
      ['softonic', 'https://tiktok.en.softonic.com/android'],
      ['filehippo', 'https://filehippo.com/android/download_tiktok/'],
      ['cnet-download', 'https://download.cnet.com/tiktok/3000-2150_4-78047000.html'],
    ] as const) {
      expect(simple(byId[id]!.extract(parseDocument(html), new URL(url))), id).toEqual([
        { role: 'main', ids: ['google-play:com.zhiliaoapp.musically:link'] },
      ]);
    }
  });

  it('a detail page linking several Play apps ("similar apps") does not take their ids', () => {
    const html = `<h1>Some App</h1>
      <a href="https://play.google.com/store/apps/details?id=com.intsig.camscanner">a</a>
      <a href="https://play.google.com/store/apps/details?id=cn.wps.moffice_eng">b</a>`;
    const out = byId.softonic!.extract(parseDocument(html), new URL('https://some-app.en.softonic.com/android'));
    expect(simple(out)).toEqual([{ role: 'main', name: 'Some App', ids: [] }]);
  });

  it('a page printing several packages is not read as one app', () => {
    expect(packageInText('Package: com.a.b … Package: com.c.d')).toBeUndefined();
    expect(packageInText('Package Name cn.wps.moffice_eng')).toBe('cn.wps.moffice_eng');
    expect(packageInText('package 1.2.3')).toBeUndefined();
  });
});

describe('hostile and unrelated input', () => {
  const junk = ['', '<p>hello</p>', '<<<>>>&&\u0000<div <a href=">', '<a href="javascript:alert(1)">x</a><a href="http://[::1">y</a>'];

  it.each(allAdapters.map((a) => [a.id, a] as const))('%s: never throws; unrelated content adds nothing beyond the URL', (_id, adapter) => {
    for (const ex of adapter.examples) {
      const url = new URL(ex.url);
      for (const html of junk) {
        const out = adapter.extract(parseDocument(html), url);
        // Only what the URL itself proves may remain (APKPure/F-Droid packages, the vendor's own domain).
        for (const l of out) {
          expect(l.name, `${ex.url} ${JSON.stringify(html)}`).toBeUndefined();
          expect(l.ids.every((i) => i.from === 'url'), ex.url).toBe(true);
        }
        if (ex.kind === null) expect(out).toEqual([]);
      }
    }
  });

  it('pages of other sites yield nothing', () => {
    const doc = parseDocument('<h1>CamScanner</h1><a href="https://play.google.com/store/apps/details?id=com.intsig.camscanner">x</a>');
    for (const a of [...downloadAdapters, vendorAdapter]) {
      expect(a.extract(doc, new URL('https://blog.example.org/camscanner-review')), a.id).toEqual([]);
    }
  });

  it('a real Google Play capture at its own URL yields nothing from download and vendor adapters', () => {
    const doc = parseDocument(readCapturedFixture('google-play/details_com.google.android.apps.translate_en.html'));
    const playUrl = new URL('https://play.google.com/store/apps/details?id=com.google.android.apps.translate&hl=en');
    for (const a of [...downloadAdapters, vendorAdapter]) expect(a.extract(doc, playUrl), a.id).toEqual([]);
  });

  it('a real Google Play capture at download-site URLs: no throw, bounded, and its many Play links are not taken as the app', () => {
    const doc = parseDocument(readCapturedFixture('google-play/search_panda_en.html'));
    for (const a of downloadAdapters) {
      for (const ex of a.examples.filter((e) => e.kind !== null)) {
        const started = Date.now();
        const out = a.extract(doc, new URL(ex.url));
        expect(Date.now() - started, ex.url).toBeLessThan(3_000);
        for (const l of out.filter((x) => x.role === 'main')) {
          expect(
            l.ids.filter((i) => i.from === 'link'),
            ex.url,
          ).toEqual([]);
        }
      }
    }
  });
});

describe('links.ts: extractStoreLinks', () => {
  const base = new URL('https://blog.example.org/post/');
  const play = (pkg: string) => `https://play.google.com/store/apps/details?id=${pkg}`;

  it('one listing per distinct identifier; the first anchor is the element', () => {
    const doc = parseDocument(`
      <a id="first" href="${play('com.intsig.camscanner')}">one</a>
      <a id="second" href="${play('com.intsig.camscanner')}&hl=en">two</a>
      <a href="https://apps.apple.com/us/app/camscanner-pdf-scanner-app/id388627783">ios</a>
      <a href="https://example.com/">plain</a>`);
    const out = extractStoreLinks(doc, base);
    expect(simple(out)).toEqual([
      { role: 'link', ids: ['google-play:com.intsig.camscanner:link'] },
      { role: 'link', ids: ['apple:388627783:link'] },
    ]);
    expect(out[0]!.element!.id).toBe('first');
  });

  it('resolves relative hrefs against the base and reads market: links', () => {
    const doc = parseDocument(`<a href="/store/apps/details?id=cn.xender">rel</a><a href="market://details?id=com.xiaomi.midrop">m</a>`);
    const out = extractStoreLinks(doc, new URL('https://play.google.com/store/apps'));
    expect(simple(out).map((l) => l.ids)).toEqual([['google-play:cn.xender:link'], ['google-play:com.xiaomi.midrop:link']]);
    // The same relative href on another site is not a Play link.
    expect(extractStoreLinks(doc, base).map((l) => l.ids[0]!.value)).toEqual(['com.xiaomi.midrop']);
  });

  it('ignores javascript:, data:, mailto: and malformed hrefs', () => {
    const doc = parseDocument(`
      <a href="javascript:location='${play('com.intsig.camscanner')}'">js</a>
      <a href="data:text/html,<a href='${play('com.tencent.mm')}'>">data</a>
      <a href="mailto:x@example.org?body=${play('com.tencent.mm')}">mail</a>
      <a href="http://[::1">bad</a>
      <a href="https://play.google.com/store/apps/details?id=..bad..">bad id</a>
      <a href="">empty</a>`);
    expect(extractStoreLinks(doc, base)).toEqual([]);
  });

  it('caps the anchors it reads', () => {
    const anchors = Array.from({ length: MAX_ANCHORS + 100 }, (_, i) => `<a href="${play(`org.example.app${i}`)}">${i}</a>`).join('');
    const doc = parseDocument(`<div>${anchors}</div>`);
    expect(extractStoreLinks(doc, base)).toHaveLength(MAX_ANCHORS);
    expect(extractStoreLinks(doc, base, undefined, { maxAnchors: 10 })).toHaveLength(10);
  });

  it('scans only the given root (infinite scroll adds a subtree), including a root that is itself a link', () => {
    const doc = parseDocument(`
      <section id="old"><a href="${play('com.intsig.camscanner')}">old</a></section>
      <section id="new"><a href="${play('cn.wps.moffice_eng')}">new</a></section>
      <a id="lone" href="${play('com.tencent.mm')}">lone</a>`);
    const fresh = extractStoreLinks(doc, base, undefined, { root: doc.querySelector('#new')! });
    expect(fresh.map((l) => l.ids[0]!.value)).toEqual(['cn.wps.moffice_eng']);
    const lone = extractStoreLinks(doc, base, undefined, { root: doc.querySelector('#lone')! });
    expect(lone.map((l) => l.ids[0]!.value)).toEqual(['com.tencent.mm']);
  });

  it('skip() drops ids the caller already reports', () => {
    const doc = parseDocument(`<a href="${play('com.intsig.camscanner')}">a</a><a href="${play('cn.xender')}">b</a>`);
    const out = extractStoreLinks(doc, base, (id) => id.value === 'com.intsig.camscanner');
    expect(out.map((l) => l.ids[0]!.value)).toEqual(['cn.xender']);
  });

  it('known domains: host or parent domain, deduped; look-alike hosts do not match', () => {
    const doc = parseDocument(`
      <a href="https://www.wps.com/download/">a</a>
      <a href="https://help.wps.com/">b</a>
      <a href="https://notwps.com/">c</a>
      <a href="https://wps.com.evil.example/">d</a>
      <a href="ftp://wps.com/file">e</a>`);
    const out = extractStoreLinks(doc, base, undefined, { knownDomains: new Set(['wps.com']) });
    expect(simple(out)).toEqual([{ role: 'link', ids: ['domain:wps.com:link'] }]);
  });
});

describe('links.ts: helpers', () => {
  it('matchDomain walks up to the most specific known parent', () => {
    const set = new Set(['weixin.qq.com', 'pay.weixin.qq.com', 'wps.com']);
    expect(matchDomain('pay.weixin.qq.com', set)).toBe('pay.weixin.qq.com');
    expect(matchDomain('mp.weixin.qq.com', set)).toBe('weixin.qq.com');
    expect(matchDomain('WWW.WPS.COM', set)).toBe('wps.com');
    expect(matchDomain('qq.com', set)).toBeNull();
    expect(matchDomain('com', set)).toBeNull();
  });

  it('siteSubdomain tells app subdomains from language roots', () => {
    const u = (s: string) => new URL(s);
    expect(siteSubdomain(u('https://wps-office.en.uptodown.com/android'), 'uptodown.com')).toEqual({ app: 'wps-office', lang: 'en' });
    expect(siteSubdomain(u('https://en.uptodown.com/android'), 'uptodown.com')).toEqual({ lang: 'en' });
    expect(siteSubdomain(u('https://wps-office.uptodown.com/android'), 'uptodown.com')).toEqual({ app: 'wps-office' });
    expect(siteSubdomain(u('https://www.uptodown.com/'), 'uptodown.com')).toEqual({});
    expect(siteSubdomain(u('https://uptodown.com.evil.example/'), 'uptodown.com')).toBeNull();
    expect(siteSubdomain(u('https://a.b.c.uptodown.com/'), 'uptodown.com')).toBeNull();
  });

  it('visibleText skips scripts and separates cells', () => {
    const doc = parseDocument('<table><tr><th>Package</th><td>com.x.y</td></tr></table><script>package com.evil.z</script>');
    expect(visibleText(doc).trim()).toBe('Package com.x.y');
    expect(packageInText(visibleText(doc))).toBe('com.x.y');
  });

  it('labelledValue reads the value next to a label', () => {
    const doc = parseDocument('<ul><li><span>Developer</span><span>Sangiorgi Srl</span></li><li><b>Author:</b> Someone Else</li></ul>');
    expect(labelledValue(doc, /^developer$/i)).toBe('Sangiorgi Srl');
    expect(labelledValue(doc, /^author$/i)).toBe('Someone Else');
    expect(labelledValue(doc, /^publisher$/i)).toBeUndefined();
  });

  it('stripVersion removes trailing versions only', () => {
    expect(stripVersion('CamScanner - PDF Scanner App 6.50.0.2311280000')).toBe('CamScanner - PDF Scanner App');
    expect(stripVersion('WPS Office 18.2 (1380) beta')).toBe('WPS Office');
    expect(stripVersion('Office 365')).toBe('Office 365');
    expect(stripVersion('4.5.6')).toBe('4.5.6');
  });
});

describe('vendor sites', () => {
  it('matches official hosts and their subdomains, the most specific first', () => {
    const host = (s: string) => officialHostOf(new URL(s));
    expect(host('https://www.wps.com/download/')).toBe('wps.com');
    expect(host('https://help.wps.com/')).toBe('wps.com');
    expect(host('https://pay.weixin.qq.com/')).toBe('pay.weixin.qq.com');
    expect(host('https://mp.weixin.qq.com/s/abc')).toBe('weixin.qq.com');
    expect(host('https://lite.tiktok.com/')).toBe('lite.tiktok.com');
    expect(host('https://global.alipay.com/')).toBe('global.alipay.com');
    expect(host('https://qpay.qq.com/qr/abc')).toBe('qpay.qq.com');
    expect(host('https://mail.qq.com/')).toBeNull();
    expect(host('https://wpsio.com/')).toBeNull();
    expect(host('ftp://wps.com/')).toBeNull();
  });

  it('the vendor listing falls back to <title> when there is no og:site_name', () => {
    const doc = parseDocument('<title>  QQ  official </title><body><p>hi</p></body>');
    expect(simple(vendorAdapter.extract(doc, new URL('https://im.qq.com/pcqq')))).toEqual([
      { role: 'vendor', name: 'QQ official', ids: ['domain:im.qq.com:url'] },
    ]);
  });
});

describe('generic adapter', () => {
  const url = new URL('https://reviews.example.net/apps/wps');

  it('reads JSON-LD SoftwareApplication (ids from its url) and does not repeat its ids as links', () => {
    const doc = parseDocument(`
      <script type="application/ld+json">{"@type":"MobileApplication","name":"WPS Office","author":{"name":"WPS SOFTWARE PTE. LTD."},
        "url":"https://play.google.com/store/apps/details?id=cn.wps.moffice_eng"}</script>
      <h1>WPS Office</h1><a href="https://play.google.com/store/apps/details?id=cn.wps.moffice_eng">Get it</a>`);
    const out = genericAdapter.extract(doc, url);
    expect(simple(out)).toEqual([
      { role: 'main', name: 'WPS Office', developer: 'WPS SOFTWARE PTE. LTD.', ids: ['google-play:cn.wps.moffice_eng:json-ld'] },
    ]);
    expect(out[0]!.element!.tagName).toBe('H1');
  });

  it('uses the h1 only on pages about an app', () => {
    expect(genericAdapter.extract(parseDocument('<h1>CamScanner is in the news</h1><p>text</p>'), url)).toEqual([]);
    const withLink = parseDocument(`<h1>Our pick</h1><a href="https://apps.apple.com/app/id388627783">App Store</a>`);
    expect(simple(genericAdapter.extract(withLink, url))).toEqual([
      { role: 'link', ids: ['apple:388627783:link'] },
      { role: 'main', name: 'Our pick', ids: [] },
    ]);
  });

  it('counts links to known official domains when given them', () => {
    const adapter = createGenericAdapter({ knownDomains: new Set(['camscanner.com']) });
    const doc = parseDocument('<a href="https://www.camscanner.com/download">download</a>');
    expect(simple(adapter.extract(doc, url))).toEqual([{ role: 'link', ids: ['domain:camscanner.com:link'] }]);
  });

  it('does nothing on non-web pages', () => {
    const doc = parseDocument('<h1>x</h1><a href="https://play.google.com/store/apps/details?id=cn.xender">x</a>');
    expect(genericAdapter.extract(doc, new URL('file:///tmp/x.html'))).toEqual([]);
  });
});

describe("page authors: a description's link or package never identifies the page's own app", () => {
  const index = compileIndex(dataset);
  const WECHAT = 'com.tencent.mm';
  // Own imitation pages of an innocent app (Element) whose description links once to WeChat on
  // Google Play and prints "Package: com.tencent.mm"; the page's own evidence names im.vector.app
  // (URL, technical table or store button), and `own` is the element that carries it (null: the URL).
  const pages = [
    ['apkmirror', 'release-description-links-wechat.html', 'https://www.apkmirror.com/apk/element/element/element-1-6-10-release/', 'page-text', '.apk-detail-table'],
    ['apkpure', 'app-description-links-wechat.html', 'https://apkpure.com/element/im.vector.app', 'url', null],
    ['aptoide', 'app-description-links-wechat.html', 'https://element.en.aptoide.com/app', 'page-text', 'section ul'],
    ['cnet-download', 'android-description-links-wechat.html', 'https://download.cnet.com/element/3000-2150_4-78999999.html', 'link', '.c-productActionButton'],
    ['fdroid', 'app-description-links-wechat.html', 'https://f-droid.org/en/packages/im.vector.app/', 'url', null],
    ['filehippo', 'android-description-links-wechat.html', 'https://filehippo.com/android/download_element/', 'link', '.program-button'],
    ['softonic', 'app-description-links-wechat.html', 'https://element.en.softonic.com/android', 'link', '.button--download'],
    ['uptodown', 'app-description-links-wechat.html', 'https://element.en.uptodown.com/android', 'page-text', '#technical-information'],
  ] as const;
  const load = (site: string, file: string) => parseDocument(readOwnFixture(`${site}/${file}`));
  const mainOf = (site: string, doc: Document, url: string) => byId[site]!.extract(doc, new URL(url)).find((l) => l.role === 'main')!;

  it('every download site on the shared mainListing path is covered here', () => {
    expect(pages.map(([site]) => site).sort()).toEqual(downloadAdapters.map((a) => a.id).sort());
  });

  it.each(pages)('%s: the page is Element by its own evidence; the WeChat link is a link listing of its own', (site, file, url, from) => {
    const doc = load(site, file);
    const main = mainOf(site, doc, url);
    expect(simple([main])[0]).toMatchObject({ role: 'main', name: 'Element', ids: [`google-play:im.vector.app:${from}`] });
    expect(matchListing(main, index)).toBeNull();
    // What the content script reads besides: the link, as a 'link' listing whose badge sits on the link.
    const link = extractStoreLinks(doc, new URL(url)).find((l) => l.ids[0]!.value === WECHAT)!;
    expect(link.element!.textContent).toBe('WeChat on Google Play');
    expect(matchListing(link, index)).toMatchObject({ tier: 1, role: 'link', entity: index.entities.findIndex((e) => e.id === 'app-wechat') });
  });

  it.each(pages.filter(([, , , , own]) => own !== null))('%s: with its own evidence gone, the description still names nothing', (site, file, url, _from, own) => {
    const doc = load(site, file);
    doc.querySelector(own!)!.remove();
    const main = mainOf(site, doc, url);
    expect(main.ids).toEqual([]);
    expect(matchListing(main, index)).toBeNull();
  });

  it.each(pages)('%s: a hidden store link in the header is not the app (hidden, aria-hidden, inline zero size)', (site, file, url, from, own) => {
    for (const hide of ['hidden', 'aria-hidden="true"', 'style="display: none"', 'style="width:0;height:0;overflow:hidden"']) {
      const doc = load(site, file);
      if (own && from === 'link') doc.querySelector(own)!.remove();
      const h1 = doc.querySelector('h1, h3')!;
      const planted = parseDocument(`<div ${hide}><a href="https://play.google.com/store/apps/details?id=${WECHAT}">Get it on Google Play</a></div>`).querySelector('div')!;
      h1.after(doc.importNode(planted, true));
      const ids = mainOf(site, doc, url).ids.map((i) => i.value);
      expect(ids, hide).not.toContain(WECHAT);
    }
  });

  it('the technical table wins over a store button naming another app; the URL wins over both', () => {
    const up = load('uptodown', 'app-description-links-wechat.html');
    up.querySelector('.detail')!.append(Object.assign(up.createElement('a'), { href: `https://play.google.com/store/apps/details?id=${WECHAT}` }));
    expect(mainOf('uptodown', up, pages[7][2]).ids.map((i) => i.value)).toEqual(['im.vector.app']);
    const ap = load('apkpure', 'app-description-links-wechat.html');
    ap.querySelector('.detail_banner')!.append(Object.assign(ap.createElement('span'), { textContent: `Package: ${WECHAT}` }));
    expect(mainOf('apkpure', ap, pages[1][2]).ids).toEqual([{ platform: 'google-play', value: 'im.vector.app', from: 'url' }]);
  });
});
