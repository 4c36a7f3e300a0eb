import { describe, expect, test } from 'vitest';
import { googlePlay } from '../../src/sites/google-play';
import { parseDocument } from '../dom';
import { readCapturedFixture } from '../fixtures-path';

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
