// The popup's summary rows (one per app on the page) and its look-up by name.
import { describe, expect, test } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { compileIndex, describeIndexAt } from '../../src/match/compile';
import { lookupByName, lookupKeys } from '../../src/match/lookup';
import { restrictedCount } from '../../src/match/wording';
import { appRows } from '../../extension/popup/rows';
import { dismissKeysFor } from '../../extension/background/tab-report';
import type { FindingPayload } from '../../extension/shared/messages';

const index = describeIndexAt(dataset, '2026-11-01');
const f = (o: Partial<FindingPayload> & Pick<FindingPayload, 'entityId' | 'key'>): FindingPayload => ({ tier: 1, evidence: [], role: 'card', ...o });

describe('appRows: one row per app', () => {
  test('the same app five times (a vendor page’s download buttons) is one row counting five listings, with every reason once', () => {
    const five = [1, 2, 3, 4, 5].map((i) => f({ entityId: 'app-tiktok', key: `vendor:${i}`, role: i === 1 ? 'vendor' : 'link', evidence: [i % 2 ? 'official site' : 'store link'] }));
    const rows = appRows(five, index);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entityId: 'app-tiktok', name: 'TikTok', listings: 5, evidence: ['official site', 'store link'] });
    expect(restrictedCount(five, index)).toBe(1); // the toolbar counts the same way
  });

  test('different apps by one named company stay apart (told by their name on the page), as the toolbar counts them', () => {
    const dev = 'Tencent Technology (Shenzhen) Company Limited';
    const cards = ['Example Tool 1', 'Example Tool 2', 'Example Tool 1'].map((name, i) => f({ entityId: 'co-tencent-shenzhen', tier: 2, key: `k${i}`, name, developer: dev }));
    const rows = appRows(cards, index);
    expect(rows.map((r) => [r.name, r.listings])).toEqual([
      ['Example Tool 1', 2],
      ['Example Tool 2', 1],
    ]);
    expect(rows.length).toBe(restrictedCount(cards, index));
  });

  test('the strongest match decides the row: a possible match seen again by its identifier is no longer "possible"', () => {
    const rows = appRows([f({ entityId: 'app-camscanner', tier: 3, key: 'a' }), f({ entityId: 'app-camscanner', tier: 1, key: 'b' })], index);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tier).toBe(1);
    expect(rows[0]!.summary.possible).toBe(false);
  });

  test('restrictions first, then history, then information; unknown entities left out', () => {
    const rows = appRows([f({ entityId: 'app-camcard', tier: 2, key: 'r' }), f({ entityId: 'made-up', key: 'x' }), f({ entityId: 'app-tiktok', key: 't' })], index);
    expect(rows.map((r) => r.summary.effect)).toEqual([...rows.map((r) => r.summary.effect)].sort((a, b) => ['restricts', 'not-in-force', 'related'].indexOf(a) - ['restricts', 'not-in-force', 'related'].indexOf(b)));
    expect(rows.map((r) => r.entityId)).not.toContain('made-up');
  });
});

describe('look-up by name', () => {
  const compiled = compileIndex(dataset);
  const keys = lookupKeys(compiled);
  const find = (q: string) => lookupByName(q, compiled, keys);

  test('apps and companies by any recorded name or alias, whole names first, then prefixes', () => {
    expect(find('TikTok').ids).toContain('app-tiktok');
    expect(find('tik').ids).toContain('app-tiktok');
    expect(find('微信').ids[0]).toBe('app-wechat');
    expect(find('INTSIG Information Co.,Ltd').ids).toEqual(['co-intsig']);
    expect(find('vmate').ids).toEqual(['app-vmate']);
    expect(find('x').ids).toEqual([]);
    expect(find('zzzz-no-such-app').ids).toEqual([]);
  });

  test('look-alike exclusions win: VidMate finds no VMate, WeChat Keyboard no WeChat, a Wi-Fi WPS tester no WPS Office; WeChat Work is WeCom', () => {
    expect(find('VidMate')).toEqual({ ids: [], lookalike: 'VidMate' });
    expect(find('微信输入法')).toEqual({ ids: [], lookalike: expect.stringMatching(/WeChat Keyboard/) });
    expect(find('WeChat Work').ids).toEqual(['app-wecom']);
    expect(find('WIFI WPS WPA TESTER').ids).toEqual([]);
    expect(find('QQ English').ids).toEqual([]);
  });
});

describe('bringing back a dismissed banner', () => {
  test('the keys a tab’s page could have dismissed: its list banner’s and its own listing’s, per host', () => {
    const report = { url: 'https://play.google.com/store/apps/details', findings: [f({ entityId: 'app-camscanner', role: 'main', key: 'google-play:com.intsig.camscanner' }), f({ entityId: 'app-wechat', key: 'google-play:com.tencent.mm' })] };
    expect(dismissKeysFor('https://play.google.com/store/apps/details?id=com.intsig.camscanner', report)).toEqual([
      'list:https://play.google.com/store/apps/details?id=com.intsig.camscanner',
      'play.google.com|google-play:com.intsig.camscanner',
    ]);
    expect(dismissKeysFor(undefined, report)).toEqual([]);
    expect(dismissKeysFor('https://play.google.com/', undefined)).toEqual([]);
  });
});
