import { describe, expect, test } from 'vitest';
import { clearHrefMemo, idsFromHref, idsFromUrl } from '../../src/sites/store-links';

// idsFromHref reads the common Play link shapes without a URL object and
// remembers hrefs per base; both must give exactly what URL parsing gives.
const HREFS = [
  '/store/apps/details?id=com.intsig.camscanner',
  '/store/apps/details?id=com.intsig.camscanner&hl=en',
  '/store/apps/details?id=com.intsig.camscanner#reviews',
  '/store/apps/datasafety?id=com.tencent.mm',
  '/store/apps/details?hl=en&id=com.tencent.mm',
  '/store/apps/details?id=com.tencent.mm&id=com.other.app',
  '/store/apps/details?id=123bad',
  '/store/apps/details?id=com.x%2Ey',
  '/store/apps/details/?id=com.tencent.mm',
  '/store/apps/dev?id=5700313618786177705',
  '/store/apps/developer?id=Mojang',
  '/store/apps/developer?id=Google+LLC',
  'https://play.google.com/store/apps/details?id=com.tencent.mm',
  'https://PLAY.google.com/store/apps/details?id=com.tencent.mm',
  'http://play.google.com/store/apps/details?id=com.tencent.mm',
  '//play.google.com/store/apps/details?id=com.tencent.mm',
  'https://play.google.com/store/apps/details?id=',
  'store/apps/details?id=com.tencent.mm',
  'https://apps.apple.com/us/app/wechat/id414478124',
  'market://details?id=com.tencent.mm',
  '/about',
];
const BASES = ['https://play.google.com/store/search?q=x', 'https://example.com/blog/post', 'https://play.google.com/store/apps/details?id=a.b'];

describe('idsFromHref', () => {
  test('gives what URL parsing gives, for Play shortcuts and everything else, on Play and elsewhere', () => {
    for (const base of BASES) {
      for (const href of HREFS) {
        const expected = idsFromUrl(new URL(href, base), 'link');
        expect(idsFromHref(href, base, 'link'), `${href} on ${base}`).toEqual(expected);
        // remembered: the same again, as fresh objects with the caller's source
        const again = idsFromHref(href, new URL(base), 'json-ld');
        expect(again, `${href} on ${base} (again)`).toEqual(expected.map((id) => ({ ...id, from: 'json-ld' })));
      }
      clearHrefMemo();
    }
  });

  test('returns new lists each call (callers append to them)', () => {
    const a = idsFromHref('/store/apps/details?id=com.tencent.mm', BASES[0]!, 'link');
    a.push({ platform: 'domain', value: 'x.com', from: 'link' });
    expect(idsFromHref('/store/apps/details?id=com.tencent.mm', BASES[0]!, 'link')).toHaveLength(1);
  });
});

describe('store hosts written with a trailing dot (the same host to the browser)', () => {
  test.each([
    ['https://play.google.com./store/apps/details?id=com.tencent.mm', 'google-play', 'com.tencent.mm'],
    ['https://apps.apple.com./us/app/wechat/id414478124', 'apple', '414478124'],
    ['https://www.microsoft.com./store/apps/9wzdncrdsz0p', 'microsoft-store', '9WZDNCRDSZ0P'],
    ['https://galaxystore.samsung.com./detail/com.zhiliaoapp.musically', 'galaxy-store', 'com.zhiliaoapp.musically'],
    ['https://www.amazon.com./dp/B0117U0G3M', 'amazon', 'B0117U0G3M'],
  ])('%s', (href, platform, value) => {
    expect(idsFromHref(href, 'https://example.com/', 'link')).toEqual([{ platform, value, from: 'link' }]);
    expect(idsFromUrl(new URL(href), 'url')).toEqual([{ platform, value, from: 'url' }]);
  });

  test('a look-alike host is still not a store', () => {
    expect(idsFromHref('https://play.google.com.evil.example/store/apps/details?id=com.tencent.mm', 'https://example.com/', 'link')).toEqual([]);
    expect(idsFromHref('https://play.google.com../store/apps/details?id=com.tencent.mm', 'https://example.com/', 'link')).toEqual([]);
  });
});
