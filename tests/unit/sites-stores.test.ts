// App-store adapters: page detection over each adapter's example URLs, extraction from our
// imitation fixtures and the real Apple captures, and tolerance of unrelated pages.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appleAppStore } from '../../src/sites/apple-app-store';
import { amazonAppstore, isAppListingPage } from '../../src/sites/amazon-appstore';
import { storeAdapters } from '../../src/sites/stores';
import type { Listing, PageKind, SiteAdapter } from '../../src/sites/types';
import { parseDocument } from '../dom';
import { ownFixturesDir, readOwnFixture, readCapturedFixture } from '../fixtures-path';

interface Case {
  url: string;
  file: string;
  kind: PageKind | null;
  covered: string[];
  listings?: number;
}

function casesOf(adapter: SiteAdapter): Case[] {
  return JSON.parse(readOwnFixture(`${adapter.id}/cases.json`)) as Case[];
}

function load(adapter: SiteAdapter, file: string): Document {
  const html = file.startsWith('captured:') ? readCapturedFixture(file.slice('captured:'.length)) : readOwnFixture(`${adapter.id}/${file}`);
  return parseDocument(html);
}

/** "platform:value" for each id, the compact form the expectations below use. */
const idsOf = (l: Listing) => l.ids.map((id) => `${id.platform}:${id.value}`);
const mainOf = (ls: Listing[]) => ls.filter((l) => l.role === 'main');
const cardsOf = (ls: Listing[]) => ls.filter((l) => l.role === 'card');

interface Expected {
  main?: { name?: string; developer?: string; ids: string[] };
  /** Card names in page order, and the ids they carry (empty: a name-only card). */
  cards: [string, string[]][];
}

const apple = (id: string) => [`apple:${id}`];
const ms = (id: string) => [`microsoft-store:${id}`];
const galaxy = (pkg: string) => [`galaxy-store:${pkg}`];
const asin = (a: string) => [`amazon:${a}`];

// What each fixture must yield, keyed "adapter-id/file".
const EXPECTED: Record<string, Expected> = {
  'apple-app-store/captured:apple-app-store/us_app_netflix_id363590051.html': {
    main: { name: 'Netflix', developer: 'Netflix, Inc.', ids: ['apple:363590051', 'apple-developer:363590054'] },
    cards: [
      ['Terra Nil', apple('1643974911')],
      ['FAST Speed Test', apple('1133348139')],
      ['Too Hot to Handle NETFLIX', apple('1633494204')],
      ['Scriptic Netflix Edition', apple('6443474850')],
      ['SpongeBob: Get Cooking', apple('1633284064')],
      ['Stranger Things: 1984', apple('1574739824')],
      ['Upflix - The Streaming Guide', apple('562782540')],
      ['Amazon Prime Video', apple('545519333')],
      ['Google TV: Watch Movies & TV', apple('746894884')],
      ['Cuevna : Movies, TV Shows', apple('1619723063')],
      ['Movies Box & TV Show', apple('1564334567')],
      ['Pluto TV - Live TV and Movies', apple('751712884')],
    ],
  },
  'apple-app-store/captured:apple-app-store/vn_app_sony-bao-hanh-dien-tu_id1193542964.html': {
    main: { name: 'Sony Bảo hành điện tử', developer: 'Sony Vietnam', ids: ['apple:1193542964', 'apple-developer:1193542963'] },
    cards: [
      ['E-routingmap', apple('1328801352')],
      ['Panasonic eWarranty', apple('1485409290')],
      ['Panasonic e-Service', apple('1500533330')],
      ['ASG Member', apple('1502798014')],
      ['SmartSales', apple('1231406584')],
      ['Zizi', apple('1208065009')],
      ['CS ONE', apple('1460575259')],
    ],
  },
  'apple-app-store/app-wechat-2025.html': {
    main: { name: 'WeChat', developer: 'WeChat', ids: ['apple:414478124', 'apple-bundle:com.tencent.xin', 'apple-developer:614694882'] },
    cards: [
      ['WeCom', apple('1087897068')],
      ['WhatsApp Messenger', apple('310633997')],
      ['Telegram Messenger', apple('686449807')],
    ],
  },
  'apple-app-store/app-wps-office-mac-2025.html': {
    main: {
      name: 'WPS Office: PDF, Docs, Sheets',
      developer: 'WPS SOFTWARE PTE. LTD.',
      ids: ['apple-mac:1468073139', 'apple-bundle:com.kingsoft.wpsoffice.mac.global'],
    },
    cards: [['Microsoft Word', ['apple-mac:462054704']]],
  },
  'apple-app-store/app-camscanner-legacy.html': {
    main: { name: 'CamScanner - PDF Scanner App', developer: 'INTSIG Information Co.,Ltd', ids: ['apple:388627783'] },
    cards: [
      ['CamCard - Digital business card', apple('349447615')],
      ['Adobe Scan: PDF & OCR Scanner', apple('1199564834')],
      ['Microsoft Lens: PDF Scanner', apple('975925059')],
      ['Genius Scan - PDF Scanner', apple('377672876')],
    ],
  },
  'apple-app-store/app-adobe-scan-2025.html': {
    main: {
      name: 'Adobe Scan: PDF & OCR Scanner',
      developer: 'Adobe Inc.',
      ids: ['apple:1199564834', 'apple-bundle:com.adobe.scan.ios', 'apple-developer:331646252'],
    },
    cards: [
      ['Microsoft Lens: PDF Scanner', apple('975925059')],
      ['Genius Scan - PDF Scanner', apple('377672876')],
      ['Adobe Acrobat Reader: Edit PDF', apple('469337564')],
    ],
  },
  'apple-app-store/search-scanner-2025.html': {
    cards: [
      ['CamScanner - PDF Scanner App', apple('388627783')],
      ['Adobe Scan: PDF & OCR Scanner', apple('1199564834')],
      ['Microsoft Lens: PDF Scanner', apple('975925059')],
      ['Genius Scan - PDF Scanner', apple('377672876')],
      ['CamCard - Digital business card', apple('349447615')],
    ],
  },
  'apple-app-store/developer-wechat-2025.html': {
    main: { developer: 'WeChat', ids: ['apple-developer:614694882'] },
    cards: [['WeChat', apple('414478124')]],
  },
  'microsoft-store/detail-wechat.html': {
    main: { name: '微信 For Windows', developer: '腾讯科技(深圳)有限公司', ids: ms('9NBLGGH4SLX7') },
    cards: [
      ['QQ', ms('9NHLGF0ZWC5S')],
      ['WhatsApp', ms('9NKSQGP7F2NH')],
      ['Telegram Desktop', ms('9NZTWSQNTD0S')],
    ],
  },
  'microsoft-store/detail-netflix.html': {
    main: { name: 'Netflix', developer: 'Netflix, Inc.', ids: ms('9WZDNCRFJ3TJ') },
    cards: [
      ['Disney+', ms('9NXQXXLFST89')],
      ['Prime Video for Windows', ms('9P6RC76MSMMJ')],
    ],
  },
  'microsoft-store/search-office.html': {
    cards: [
      ['Microsoft 365 Copilot', ms('9WZDNCRD29V9')],
      ['WPS Office', ms('9NBLGGH5XHKM')],
      ['ONLYOFFICE Desktop Editors', ms('9NBLGGH5V4SN')],
    ],
  },
  'microsoft-store/publisher-tencent.html': {
    main: { developer: '腾讯科技(深圳)有限公司', ids: [] },
    cards: [
      ['QQ', ms('9NHLGF0ZWC5S')],
      ['微信 For Windows', ms('9NBLGGH4SLX7')],
    ],
  },
  'galaxy-store/detail-tiktok.html': {
    main: { name: 'TikTok', developer: 'TikTok Pte. Ltd.', ids: galaxy('com.zhiliaoapp.musically') },
    cards: [
      ['Instagram', galaxy('com.instagram.android')],
      ['Snapchat', galaxy('com.snapchat.android')],
    ],
  },
  'galaxy-store/detail-samsung-notes.html': {
    main: { name: 'Samsung Notes', developer: 'Samsung Electronics Co., Ltd.', ids: galaxy('com.samsung.android.app.notes') },
    cards: [
      ['Samsung Calculator', galaxy('com.sec.android.app.popupcalculator')],
      ['Samsung Calendar', galaxy('com.samsung.android.calendar')],
    ],
  },
  'galaxy-store/search-share.html': {
    cards: [
      ['SHAREit: Transfer, Share Files', []],
      ['ShareMe: File sharing', []],
      ['Xender - Share Music Transfer', []],
      ['Quick Share', []],
    ],
  },
  'galaxy-store/seller-smart-media4u.html': {
    main: { developer: 'Smart Media4U Technology Pte. Ltd.', ids: [] },
    cards: [
      ['SHAREit: Transfer, Share Files', galaxy('com.lenovo.anyshare.gps')],
      ['SHAREit Lite - Fast File Share', galaxy('shareit.lite')],
    ],
  },
  'appgallery/detail-wps-office.html': {
    main: { name: 'WPS Office', developer: 'WPS SOFTWARE PTE. LTD.', ids: ['appgallery:C000000001'] },
    cards: [],
  },
  'appgallery/detail-petal-maps.html': {
    main: { name: 'Petal Maps', developer: 'Huawei Software Technologies Co., Ltd.', ids: ['appgallery:C000000002'] },
    cards: [],
  },
  'appgallery/search-scanner.html': {
    cards: [
      ['CamScanner - PDF Scanner App', []],
      ['Adobe Scan: PDF Scanner, OCR', []],
      ['Microsoft Lens - PDF Scanner', []],
    ],
  },
  'amazon-appstore/dp-tiktok.html': {
    main: { name: 'TikTok', developer: 'TikTok Pte. Ltd.', ids: asin('B0117U0G3M') },
    cards: [
      ['Instagram', asin('B00KZP2DTQ')],
      ['Delta Chat', asin('B0864PKVW3')],
    ],
  },
  'amazon-appstore/dp-delta-chat.html': {
    main: { name: 'Delta Chat', developer: 'merlinux GmbH', ids: asin('B0864PKVW3') },
    cards: [],
  },
  'amazon-appstore/dp-tshirt-not-app.html': { cards: [] },
  'amazon-appstore/search-mobile-apps.html': {
    cards: [
      ['TikTok', asin('B0117U0G3M')],
      ['Instagram', asin('B00KZP2DTQ')],
      ['Delta Chat', asin('B0864PKVW3')],
    ],
  },
};

describe('storeAdapters', () => {
  it('lists the five stores once each, with distinct ids and hosts', () => {
    expect(storeAdapters.map((a) => a.id)).toEqual(['apple-app-store', 'microsoft-store', 'galaxy-store', 'appgallery', 'amazon-appstore']);
    const hosts = storeAdapters.flatMap((a) => a.hosts);
    expect(new Set(hosts).size).toBe(hosts.length);
  });
});

for (const adapter of storeAdapters) {
  describe(`${adapter.name} (${adapter.id})`, () => {
    it('classifies every example URL', () => {
      const kinds = new Set(adapter.examples.map((e) => e.kind));
      expect(kinds.has(null)).toBe(true); // negatives are walked too
      for (const { url, kind } of adapter.examples) {
        expect(adapter.classify(new URL(url)), url).toBe(kind);
        if (kind) expect(adapter.hosts, url).toContain(new URL(url).hostname);
      }
    });

    it('has fixtures that say what they imitate and stay small', () => {
      const dir = join(ownFixturesDir, adapter.id);
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
        expect(readOwnFixture(`${adapter.id}/${file}`).trimStart().startsWith('<!--'), file).toBe(true);
        expect(statSync(join(dir, file)).size, file).toBeLessThan(60_000);
      }
    });

    for (const c of casesOf(adapter)) {
      it(`extracts ${c.file} at ${c.url}`, () => {
        const url = new URL(c.url);
        expect(adapter.classify(url)).toBe(c.kind);
        const listings = adapter.extract(load(adapter, c.file), url);
        const expected = EXPECTED[`${adapter.id}/${c.file}`];
        expect(expected, 'every case has expectations in this test').toBeDefined();
        if (!expected) return;

        const main = mainOf(listings);
        if (expected.main) {
          expect(main).toHaveLength(1);
          expect(main[0]!.name).toBe(expected.main.name);
          expect(main[0]!.developer).toBe(expected.main.developer);
          expect(idsOf(main[0]!).sort()).toEqual([...expected.main.ids].sort());
        } else {
          expect(main).toHaveLength(0);
        }
        const cards = cardsOf(listings);
        expect(cards.map((l) => [l.name, idsOf(l)])).toEqual(expected.cards);
        expect(listings).toHaveLength(main.length + cards.length);

        // The main app is never listed again as a card, and each card has an element to decorate.
        const mainIds = new Set(main.flatMap(idsOf));
        for (const card of cards) {
          for (const id of idsOf(card)) expect(mainIds.has(id), id).toBe(false);
          expect(card.element).toBeDefined();
        }
        if (expected.main && c.kind === 'detail') expect(main[0]!.element).toBeDefined();
      });
    }
  });
}

describe('Apple App Store details', () => {
  it('marks the real captures\' ids as from the URL and the developer link', () => {
    const url = new URL('https://apps.apple.com/us/app/netflix/id363590051');
    const [main] = appleAppStore.extract(load(appleAppStore, 'captured:apple-app-store/us_app_netflix_id363590051.html'), url);
    expect(main!.ids).toContainEqual({ platform: 'apple', value: '363590051', from: 'url' });
    expect(main!.ids).toContainEqual({ platform: 'apple-developer', value: '363590054', from: 'link' });
    expect(main!.element?.classList.contains('product-header')).toBe(true);
  });

  it('makes Mac App Store pages apple-mac ids even without ?mt=12', () => {
    const html = '<html><head><title>WPS Office on the Mac App Store</title></head><body><h1>WPS Office</h1></body></html>';
    const [main] = appleAppStore.extract(parseDocument(html), new URL('https://apps.apple.com/us/app/wps-office/id1468073139'));
    expect(idsOf(main!)).toEqual(['apple:1468073139', 'apple-mac:1468073139']);
    expect(main!.name).toBe('WPS Office');
  });

  it('dedupes cards and uses the link itself when an li holds several apps', () => {
    const html = `<ul><li id="shelf">
      <a href="/us/app/a/id111111">A</a><a href="/us/app/a/id111111">A again</a><a href="/us/app/b/id222222">B</a>
    </li></ul>`;
    const cards = appleAppStore.extract(parseDocument(html), new URL('https://apps.apple.com/us/iphone/today'));
    expect(cards.map((l) => [l.name, l.element?.tagName])).toEqual([
      ['A', 'A'],
      ['B', 'A'],
    ]);
  });

  it('stays linear on a page with thousands of app links', () => {
    const items = Array.from({ length: 5000 }, (_, i) => `<li><a href="/us/app/x/id${100000 + (i % 2500)}"><h3>App ${i}</h3></a></li>`);
    const doc = parseDocument(`<html><body><ol>${items.join('')}</ol></body></html>`);
    const started = Date.now();
    const cards = appleAppStore.extract(doc, new URL('https://apps.apple.com/us/charts/iphone'));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(cards).toHaveLength(2500); // links beyond the cap (3000) are ignored; ids deduped
  });
});

describe('Amazon Appstore gate', () => {
  it('needs an Appstore marker before reading a /dp/ page', () => {
    const url = new URL('https://www.amazon.com/dp/B0117U0G3M');
    expect(amazonAppstore.extract(parseDocument('<html><body><h1 id="title">TikTok</h1></body></html>'), url)).toEqual([]);
    const crumb = '<div id="wayfinding-breadcrumbs_feature_div"><a>Apps &amp; Games</a></div><span id="productTitle">TikTok</span>';
    const doc = parseDocument(`<html><body>${crumb}</body></html>`);
    expect(isAppListingPage(doc)).toBe(true);
    expect(amazonAppstore.extract(doc, url).map((l) => [l.role, l.name, idsOf(l)])).toEqual([['main', 'TikTok', asin('B0117U0G3M')]]);
  });
});

describe('unrelated pages', () => {
  const pages: [string, () => string, string][] = [
    ['a tiny page', () => '<html><body><p>hello</p></body></html>', 'https://example.com/'],
    ['garbage', () => '<<<>>> \u0000 <a href="javascript:alert(1)">x</a><a href="http://[::1">y</a><script type="application/ld+json">{oops</script><script id="serialized-server-data">[[[</script></div></span>', 'https://example.com/x'],
    ['a real Google Play page', () => readCapturedFixture('google-play/details_com.google.android.apps.translate_en.html'), 'https://play.google.com/store/apps/details?id=com.google.android.apps.translate&hl=en'],
  ];
  for (const [label, html, pageUrl] of pages) {
    it(`yield nothing and never throw: ${label}`, () => {
      const doc = parseDocument(html());
      for (const adapter of storeAdapters) {
        expect(adapter.extract(doc, new URL(pageUrl)), adapter.id).toEqual([]);
        // At the store's own list URLs such a page has no cards either.
        for (const { url } of adapter.examples.filter((e) => e.kind === 'list')) {
          expect(adapter.extract(doc, new URL(url)), `${adapter.id} ${url}`).toEqual([]);
        }
        // At a detail URL: the URL's id still makes a main listing (tolerance: the SPA may not have
        // rendered yet), except on Amazon, where a /dp/ page must prove it is an app.
        const detail = adapter.examples.find((e) => e.kind === 'detail')!;
        const out = adapter.extract(doc, new URL(detail.url));
        if (adapter.id === 'amazon-appstore') expect(out).toEqual([]);
        else expect(out.map((l) => [l.role, l.ids.length > 0])).toEqual([['main', true]]);
      }
    });
  }
});
