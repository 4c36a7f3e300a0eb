import { describe, expect, test } from 'vitest';
import { googlePlay } from '../../src/sites/google-play';
import { parseDocument } from '../dom';
import { readCapturedFixture } from '../fixtures-path';
import { dataset } from '../../src/data/dataset';
import { compileIndex } from '../../src/match/compile';
import { isFlag, matchListing } from '../../src/match/match';
import { extractStoreLinks } from '../../src/sites/links';

describe('Google Play URL classification (example URLs)', () => {
  for (const ex of googlePlay.examples) {
    test(`${ex.url} → ${ex.kind}`, () => {
      expect(googlePlay.classify(new URL(ex.url))).toBe(ex.kind);
    });
  }
});

function extract(file: string, url: string) {
  return googlePlay.extract(parseDocument(readCapturedFixture(file)), new URL(url));
}

describe('Google Play extraction on real captures', () => {
  test('detail page: the main listing has name, developer, package and developer id', () => {
    const listings = extract('google-play/details_com.mojang.minecraftpe_en.html', 'https://play.google.com/store/apps/details?id=com.mojang.minecraftpe&hl=en');
    const main = listings.filter((l) => l.role === 'main');
    expect(main).toHaveLength(1);
    expect(main[0]!.name).toBe('Minecraft: Dream it, Build it!');
    expect(main[0]!.developer).toBe('Mojang');
    expect(main[0]!.ids).toEqual(
      expect.arrayContaining([
        { platform: 'google-play', value: 'com.mojang.minecraftpe', from: 'url' },
        { platform: 'google-play-developer', value: '4772240228547998649', from: 'link' },
      ]),
    );
    // "More by Mojang" and similar-app cards, never the main app again
    const cards = listings.filter((l) => l.role === 'card');
    expect(cards.length).toBeGreaterThanOrEqual(6);
    expect(cards.some((c) => c.ids.some((i) => i.value === 'com.mojang.minecraftpe'))).toBe(false);
    const edu = cards.find((c) => c.ids[0]!.value === 'com.mojang.minecraftedu');
    expect(edu).toMatchObject({ name: 'Minecraft Education', developer: 'Mojang' });
  });

  test('detail page of a second app (Translate) and its second capture agree', () => {
    const a = extract('google-play/details_com.google.android.apps.translate_en.html', 'https://play.google.com/store/apps/details?id=com.google.android.apps.translate&hl=en');
    const b = extract('google-play/details_com.google.android.apps.translate_en_capture2.html', 'https://play.google.com/store/apps/details?id=com.google.android.apps.translate&hl=en');
    expect(a[0]).toMatchObject({ name: 'Google Translate', developer: 'Google LLC', role: 'main' });
    expect(b[0]).toMatchObject({ name: a[0]!.name, developer: a[0]!.developer });
  });

  test('search page: 20 result cards with names and developers', () => {
    const cards = extract('google-play/search_panda_en.html', 'https://play.google.com/store/search?q=panda&c=apps');
    expect(cards).toHaveLength(20);
    expect(cards.every((c) => c.role === 'card' && c.ids[0]!.platform === 'google-play')).toBe(true);
    expect(cards[0]).toMatchObject({ name: 'Panda Express', developer: 'Panda Restaurant Group, Inc.' });
    expect(new Set(cards.map((c) => c.ids[0]!.value)).size).toBe(20);
  });

  test('numeric developer page: the developer is the main listing and its apps inherit it', () => {
    const listings = extract('google-play/dev_5700313618786177705_GoogleLLC_en.html', 'https://play.google.com/store/apps/dev?id=5700313618786177705');
    expect(listings[0]).toMatchObject({ role: 'main', developer: 'Google LLC' });
    expect(listings[0]!.ids).toEqual([{ platform: 'google-play-developer', value: '5700313618786177705', from: 'url' }]);
    expect(listings.slice(1).every((c) => c.developer === 'Google LLC')).toBe(true);
  });

  test('name-based developer page (developer?id=Mojang)', () => {
    const listings = extract('google-play/developer_Mojang_en.html', 'https://play.google.com/store/apps/developer?id=Mojang');
    expect(listings[0]).toMatchObject({ role: 'main' });
    expect(listings[0]!.ids).toEqual([{ platform: 'google-play-developer', value: 'Mojang', from: 'url' }]);
    expect(listings.length).toBeGreaterThan(1);
  });

  test('collection, data-safety and store-home pages give cards; the 404 fragment gives nothing', () => {
    expect(extract('google-play/collection_cluster_similar-to-translate_en.html', 'https://play.google.com/store/apps/collection/cluster?gsr=x').length).toBeGreaterThan(20);
    const ds = extract('google-play/datasafety_com.google.android.apps.translate_en.html', 'https://play.google.com/store/apps/datasafety?id=com.google.android.apps.translate');
    expect(ds[0]!.ids[0]).toEqual({ platform: 'google-play', value: 'com.google.android.apps.translate', from: 'url' });
    const home = extract('google-play/store_apps_home_en_US.html', 'https://play.google.com/store/apps?hl=en_US');
    expect(home.map((c) => c.ids[0]!.value)).toEqual(expect.arrayContaining(['com.zhiliaoapp.musically', 'com.intsig.camscanner']));
    expect(extract('google-play/notfound_404_minimal.html', 'https://play.google.com/store/apps/details?id=does.not.exist')).toHaveLength(1); // the URL still names the package
  });

  test('legacy Play layouts (2015–2021) never throw and still yield the URL package', () => {
    const legacy = [
      ['google-play-legacy/2019_details_com.facebook.katana_en.html', 'https://play.google.com/store/apps/details?id=com.facebook.katana'],
      ['google-play-legacy/2019_details_com.instagram.android_zh.html', 'https://play.google.com/store/apps/details?id=com.instagram.android&hl=zh'],
      ['google-play-legacy/2018_details_org.zooper.zwpro_de.html', 'https://play.google.com/store/apps/details?id=org.zooper.zwpro&hl=de'],
      ['google-play-legacy/2021_details_runner.dunzo.com.dunzo_runner_en_US.html', 'https://play.google.com/store/apps/details?id=runner.dunzo.com.dunzo_runner'],
      ['google-play-legacy/2019_search_unicorns_en.html', 'https://play.google.com/store/search?q=unicorns&c=apps'],
      ['google-play-legacy/2015_search_test_en.html', 'https://play.google.com/store/search?q=test&c=apps'],
      ['google-play-legacy/2019_store_apps_home_en.html', 'https://play.google.com/store/apps'],
    ] as const;
    for (const [file, url] of legacy) {
      const listings = extract(file, url);
      const pkg = new URL(url).searchParams.get('id');
      if (pkg) expect(listings[0]!.ids).toContainEqual({ platform: 'google-play', value: pkg, from: 'url' });
      else expect(listings.length).toBeGreaterThan(0);
    }
  });

  test('unrelated or hostile documents give nothing and never throw', () => {
    const url = new URL('https://play.google.com/store/search?q=x');
    expect(googlePlay.extract(parseDocument('<p>hello</p>'), url)).toEqual([]);
    expect(googlePlay.extract(parseDocument('<a href="/store/apps/details?id=">x</a><a href="javascript:alert(1)">y</a>'), url)).toEqual([]);
    expect(googlePlay.extract(parseDocument(readCapturedFixture('apple-app-store/us_app_netflix_id363590051.html')), url)).toEqual([]);
    expect(googlePlay.extract(parseDocument('<p>hello</p>'), new URL('https://play.google.com/about/'))).toEqual([]);
  });

  test('extractFrom scans only an added subtree (infinite scroll)', () => {
    const doc = parseDocument('<div id="old"><a href="/store/apps/details?id=a.b.c" aria-label="Old">x</a></div><div id="new"><div><a href="/store/apps/details?id=com.intsig.camscanner" aria-label="CamScanner">y</a><span>INTSIG</span></div></div>');
    const added = doc.getElementById('new')!;
    const found = googlePlay.extractFrom!(added, new URL('https://play.google.com/store/search?q=scan'));
    expect(found.map((l) => l.ids[0]!.value)).toEqual(['com.intsig.camscanner']);
  });
});

describe("Google Play: what the page's authors write never flags an innocent app (real capture, hostile element added at run time)", () => {
  const index = compileIndex(dataset);
  const URL_ = 'https://play.google.com/store/apps/details?id=com.adex77.WhereAmI&hl=en';
  const WECHAT = 'https://play.google.com/store/apps/details?id=com.tencent.mm';
  const TENCENT_DEV = '<a href="/store/apps/dev?id=5700313618786177705"><span>Tencent Technology (Shenzhen) Company Limited</span></a>';
  const page = () => parseDocument(readCapturedFixture('google-play/details_com.adex77.WhereAmI_en.html'));
  const fragment = (doc: Document, html: string) => {
    return doc.importNode(parseDocument(`<!doctype html><html><body>${html}</body></html>`).body.firstElementChild!, true);
  };
  /** Everything the content script reads on the page: the adapter's listings and the store links. */
  function flagged(doc: Document) {
    const url = new URL(URL_);
    const listings = [...googlePlay.extract(doc, url), ...extractStoreLinks(doc, url)];
    return listings.flatMap((l) => {
      const f = matchListing(l, index);
      return f && isFlag(f) ? [`${l.role}:${index.entities[f.entity]!.id}`] : [];
    });
  }
  const main = (doc: Document) => googlePlay.extract(doc, new URL(URL_)).find((l) => l.role === 'main')!;

  test('the capture as it is: Where Am I? by Adex77, nothing flagged', () => {
    const m = main(page());
    expect(m).toMatchObject({ name: 'Where Am I? - GeoGuess Game', developer: 'Adex77' });
    expect(flagged(page())).toEqual([]);
  });

  test('a canonical link naming another app: the URL id is the app', () => {
    const doc = page();
    doc.querySelector('link[rel="canonical"]')!.setAttribute('href', WECHAT);
    expect(main(doc).ids).toEqual([{ platform: 'google-play', value: 'com.adex77.WhereAmI', from: 'url' }, expect.objectContaining({ platform: 'google-play-developer' })]);
    expect(flagged(doc)).toEqual([]);
  });

  test('JSON-LD whose url names another app: neither its id nor its name and author are taken', () => {
    const doc = page();
    const ld = doc.querySelector('script[type="application/ld+json"]')!;
    ld.textContent = JSON.stringify({ '@type': 'SoftwareApplication', name: 'WeChat', url: WECHAT, author: { name: 'Tencent Technology (Shenzhen) Company Limited' } });
    doc.querySelector('h1')!.remove(); // even with no title to read
    const m = main(doc);
    expect(m.ids.map((i) => i.value)).not.toContain('com.tencent.mm');
    expect(m.name).toBeUndefined();
    expect(flagged(doc)).toEqual([]);
  });

  test("a covered developer's link before the <h1> (in the title block, or first on the page) is not the developer", () => {
    for (const where of ['title block', 'body'] as const) {
      const doc = page();
      const h1 = doc.querySelector('h1')!;
      const link = fragment(doc, TENCENT_DEV);
      if (where === 'title block') h1.before(link);
      else doc.body.prepend(link);
      expect(main(doc).developer, where).toBe('Adex77');
      expect(flagged(doc), where).toEqual([]);
    }
    // The same link where Play puts the developer does name it (the test above is not vacuous).
    const doc = page();
    doc.querySelector('a[href="/store/apps/developer?id=Adex77"]')!.replaceWith(fragment(doc, TENCENT_DEV));
    expect(flagged(doc)).toEqual(['main:co-tencent-shenzhen']);
  });

  test('hidden links do not count: a hidden developer link after the title, a hidden link to a covered app', () => {
    for (const hide of ['hidden', 'aria-hidden="true"', 'style="display:none"', 'style="width: 0px; height: 0px; overflow: hidden"']) {
      const doc = page();
      doc.querySelector('h1')!.after(fragment(doc, `<div ${hide}>${TENCENT_DEV}<a href="${WECHAT}">WeChat</a></div>`));
      expect(main(doc).developer, hide).toBe('Adex77');
      expect(flagged(doc), hide).toEqual([]);
      // hidden on the link itself
      const doc2 = page();
      doc2.querySelector('h1')!.after(fragment(doc2, `<a ${hide} href="${WECHAT}">WeChat</a>`));
      expect(flagged(doc2), hide).toEqual([]);
    }
    // Visible, the same WeChat link is a covered card (a badge on it), never the page's app.
    const doc = page();
    doc.body.append(fragment(doc, `<a href="${WECHAT}">WeChat</a>`));
    expect(flagged(doc)).toEqual(['card:app-wechat', 'link:app-wechat']); // one finding in the scanner (same key)
  });
});
