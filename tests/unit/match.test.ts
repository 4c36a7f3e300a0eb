import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { compileIndex } from '../../src/match/compile';
import { isFlag, lookalikeFor, matchListing, nameCandidates, type Finding } from '../../src/match/match';
import type { Listing, ListingId } from '../../src/sites/types';

const index = compileIndex(dataset);

function listing(name: string | undefined, developer?: string, ids: ListingId[] = [], role: Listing['role'] = 'card'): Listing {
  const l: Listing = { ids, role };
  if (name !== undefined) l.name = name;
  if (developer !== undefined) l.developer = developer;
  return l;
}
const play = (value: string, from: ListingId['from'] = 'link'): ListingId => ({ platform: 'google-play', value, from });
const entityOf = (f: Finding | null) => (f ? index.entities[f.entity]!.id : null);
const match = (l: Listing) => {
  const f = matchListing(l, index);
  return { id: entityOf(f), tier: f?.tier ?? null, evidence: f?.evidence ?? [] };
};

describe('tier 1: verified identifiers', () => {
  it('flags a verified Play package, with evidence naming the id and where it was found', () => {
    const r = match(listing('CamScanner - PDF Scanner App', undefined, [play('com.intsig.camscanner', 'url')], 'main'));
    expect(r).toMatchObject({ id: 'app-camscanner', tier: 1 });
    expect(r.evidence).toEqual(['Google Play package id com.intsig.camscanner in the URL']);
  });

  it('lists every id of the same app as evidence', () => {
    const r = match(listing('WeChat', undefined, [{ platform: 'apple', value: '414478124', from: 'url' }, { platform: 'apple-bundle', value: 'com.tencent.xin', from: 'json-ld' }]));
    expect(r.tier).toBe(1);
    expect(r.evidence).toEqual(['App Store id 414478124 in the URL', "bundle id com.tencent.xin in the page's structured data"]);
  });

  it('treats a Galaxy Store package as the Play package', () => {
    expect(match(listing('WeChat', undefined, [{ platform: 'galaxy-store', value: 'com.tencent.mm', from: 'url' }]))).toMatchObject({ id: 'app-wechat', tier: 1 });
    expect(match(listing('VidMate', undefined, [{ platform: 'galaxy-store', value: 'com.nemo.vidmate', from: 'url' }])).tier).toBeNull();
  });

  it('folds id case, zero-width characters and the App Store "id" prefix', () => {
    expect(match(listing(undefined, undefined, [play('COM.TENCENT.MM')])).id).toBe('app-wechat');
    expect(match(listing(undefined, undefined, [play('com.tencent\u200B.mm')])).id).toBe('app-wechat');
    expect(match(listing(undefined, undefined, [{ platform: 'apple', value: 'id333206289', from: 'link' }])).id).toBe('app-alipay');
  });

  it('resolves variants to their own entity', () => {
    expect(match(listing('TikTok Lite', undefined, [play('com.zhiliaoapp.musically.go')]))).toMatchObject({ id: 'app-tiktok-lite', tier: 1 });
    expect(match(listing('QQ International', undefined, [play('com.tencent.mobileqqi')]))).toMatchObject({ id: 'app-qq-international', tier: 1 });
  });

  it('an identifier wins over a name that says something else', () => {
    expect(match(listing('Status Video Maker', 'Someone', [play('com.uc.vmate')]))).toMatchObject({ id: 'app-vmate', tier: 1 });
  });
});

describe('tier 2: developer', () => {
  // An app by INTSIG that the data does not record (a made-up listing: any such app).
  const OTHER_INTSIG_APP = 'Field Notes Scanner (an unrecorded INTSIG app)';

  it('flags an app by a covered developer as the company ("by the developer of CamScanner")', () => {
    const r = match(listing(OTHER_INTSIG_APP, 'INTSIG Information Co.,Ltd', [play('com.example.unrecorded')]));
    expect(r).toMatchObject({ id: 'co-intsig', tier: 2 });
    expect(r.evidence).toEqual(['developer name "INTSIG Information Co.,Ltd" on the page']);
    const e = index.entities.find((x) => x.id === 'co-intsig')!;
    expect(e.coverage.some((c) => c.rel === 'develops' && c.label === 'CamScanner' && !c.restricts)).toBe(true);
  });

  it("CamCard, INTSIG's other app, is its own entry: India's Nov 24, 2020 order names it; the measures naming CamScanner only relate to it", () => {
    const r = match(listing('CamCard - Business Card Reader', 'INTSIG Information Co.,Ltd', [play('com.intsig.BCRLite')]));
    expect(r).toMatchObject({ id: 'app-camcard', tier: 1 });
    const e = index.entities.find((x) => x.id === 'app-camcard')!;
    const india = e.coverage.find((c) => index.measures[c.m]!.id === 'in-meity-69a-2020')!;
    expect(india).toMatchObject({ rel: 'names-it', restricts: true, namedOn: '2020-11-24' });
    const texas = e.coverage.find((c) => index.measures[c.m]!.id === 'tx-dir-prohibited-technologies')!;
    expect(texas).toMatchObject({ rel: 'related', label: 'CamScanner', restricts: false });
  });

  it('matches developer spellings across company-suffix variants', () => {
    for (const dev of ['INTSIG Information Co., Ltd.', 'INTSIG Information Co. Ltd', 'INTSIG INFORMATION COMPANY LIMITED']) {
      expect(match(listing(OTHER_INTSIG_APP, dev)).id).toBe('co-intsig');
    }
  });

  it('name + developer gives the app itself, with both as evidence', () => {
    const r = match(listing('CamScanner', 'INTSIG Information Co., Ltd.'));
    expect(r).toMatchObject({ id: 'app-camscanner', tier: 2 });
    expect(r.evidence).toEqual(['developer name "INTSIG Information Co., Ltd." on the page', 'app name "CamScanner" on the page']);
  });

  it('finds the app when the developer is a subsidiary of its recorded developer', () => {
    expect(match(listing('WeChat', 'Tencent Technology (Shenzhen) Company Limited'))).toMatchObject({ id: 'app-wechat', tier: 2 });
    expect(match(listing('微信', '腾讯科技(深圳)有限公司'))).toMatchObject({ id: 'app-wechat', tier: 2 });
    expect(match(listing('QQ Music', 'Tencent Technology (Shenzhen) Company Ltd.'))).toMatchObject({ id: 'app-qq-music', tier: 2 });
    expect(match(listing('Tencent Meeting', 'Tencent Technology (Shenzhen) Company Ltd.'))).toMatchObject({ id: 'co-tencent-shenzhen', tier: 2 });
  });

  it('corporate families are compiled from distinctive company-name words', () => {
    const family = (companyId: string) => (index.companyFamily[index.entities.findIndex((e) => e.id === companyId)] ?? []).map((i) => index.entities[i]!.id);
    expect(family('co-tencent-shenzhen')).toEqual(['co-tencent', 'co-tencent-computer']);
    expect(family('co-ant-group')).toEqual([]); // "Ant Group": no distinctive word ("ant" is too short, "group" generic)
    expect(family('co-alipayhk-operator')).toEqual([]);
    // "Artificial Intelligence" is no family tie: DeepSeek's company and the Beijing Academy of AI (both in the record) are unrelated.
    expect(family('co-deepseek')).toEqual([]);
    expect(family('co-baai')).toEqual([]);
  });

  it('a look-alike id blocks the app, never the developer', () => {
    expect(match(listing('QQ Mail', 'Tencent Technology (Shenzhen) Company Ltd.', [play('com.tencent.androidqqmail')]))).toMatchObject({ id: 'co-tencent-shenzhen', tier: 2 });
    expect(match(listing('QQ Mail', undefined, [play('com.tencent.androidqqmail')])).tier).toBeNull();
  });

  it('an unverified developer spelling supports a name match, and alone is popup-only', () => {
    const r = match(listing('WPS Office', 'WPS SOFTWARE PTE. LTD.'));
    expect(r).toMatchObject({ id: 'app-wps-office', tier: 2 });
    expect(r.evidence[0]).toContain('developer spelling not independently verified');
    expect(match(listing('PDF Reader Pro', 'WPS SOFTWARE PTE. LTD.'))).toMatchObject({ id: 'co-kingsoft-office', tier: 4 });
  });

  it('an unverified id supports a name (or a name that begins with the app name)', () => {
    const r = match(listing('CamScanner HD', undefined, [play('com.intsig.camscannerhd')]));
    expect(r).toMatchObject({ id: 'app-camscanner', tier: 2 });
    expect(r.evidence).toEqual(['app name "CamScanner HD" on the page', 'Google Play package id com.intsig.camscannerhd in a link on the page (identifier not independently verified)']);
    expect(match(listing('VMate Status 2020-Video Status & Status Downloader', undefined, [play('com.uc.vmlite')]))).toMatchObject({ id: 'app-vmate', tier: 2 });
  });
});

describe('tier 3: name only', () => {
  it.each([
    ['CamScanner', 'app-camscanner'],
    ['CamScanner - PDF Scanner App', 'app-camscanner'],
    ['CamScanner- scanner, PDF maker', 'app-camscanner'],
    ['CamScanner HD', 'app-camscanner'],
    ['\u0421amScanner', 'app-camscanner'],
    ['Cam\u200BScanner', 'app-camscanner'],
    ['扫描全能王', 'app-camscanner'],
    ['支付宝', 'app-alipay'],
    ['支付寶', 'app-alipay'],
    ['微信', 'app-wechat'],
    ['ＷｅＣｈａｔ', 'app-wechat'],
    ['QQ', 'app-tencent-qq'],
    ['腾讯QQ', 'app-tencent-qq'],
    ['QQ轻聊版', 'app-tencent-qq'],
    ['QQ HD', 'app-tencent-qq'],
    ['QQ International', 'app-qq-international'],
    ['茄子快传', 'app-shareit'],
    ['SHAREit Lite', 'app-shareit'],
    ['ＷＰＳ　Ｏｆｆｉｃｅ', 'app-wps-office'],
    ['WPS Office-PDF,Word,Sheet,PPT', 'app-wps-office'],
    ['TikTok Lite', 'app-tiktok-lite'],
    ['वीमेट', 'app-vmate'],
    ['QQ Music', 'app-qq-music'],
  ])('%s → %s (possible match)', (name, id) => {
    const r = match(listing(name));
    expect(r).toMatchObject({ id, tier: 3 });
    expect(r.evidence).toEqual([`app name "${name}" on the page`]);
  });

  it('is tier 4 (popup only) when the developer shown differs', () => {
    const r = match(listing('WeChat', 'WeChat Tools Studio'));
    expect(r).toMatchObject({ id: 'app-wechat', tier: 4 });
    expect(r.evidence).toEqual(['app name "WeChat" on the page', 'but the developer shown is "WeChat Tools Studio"']);
    expect(isFlag(matchListing(listing('WeChat', 'WeChat Tools Studio'), index)!)).toBe(false);
  });
});

describe('word boundaries and look-alikes', () => {
  it.each([
    'QQQ Player',
    'qq_qq',
    'QwQ qq',
    'qq emoticons',
    'QQ Player',
    'QQ - Cute Crying Face Stickers',
    'WPS Connect',
    'WPS - WiFi Password Tester',
    'WIFI WPS WPA TESTER',
    'VMates',
    'VidMate',
    '微信输入法',
    '微信聊天记录恢复',
    'PDF CamScanner',
    'Alipay+',
    'Downloader for TikTok',
    'Tim',
    'Red',
  ])('"%s" is not flagged', (name) => {
    const f = matchListing(listing(name), index);
    expect(f === null || !isFlag(f)).toBe(true);
  });

  it('look-alike identifiers win over a matching name', () => {
    expect(match(listing('VMate', undefined, [play('com.nemo.vidmate')])).tier).toBeNull();
    expect(match(listing('QQ', undefined, [play('com.qqeng.online')])).tier).toBeNull();
    expect(match(listing('微信', undefined, [play('com.tencent.wetype')])).tier).toBeNull();
    expect(match(listing('WPS Office', undefined, [play('com.tester.wpswpatester')])).tier).toBeNull();
  });

  it("WeCom's names (WeChat Work, 企业微信) are WeCom, a covered app of its own (India's Sept 2, 2020 order), never WeChat", () => {
    for (const name of ['WeChat Work', '企业微信']) expect(match(listing(name)), name).toMatchObject({ id: 'app-wecom', tier: 3 });
    expect(match(listing('WeChat Work', 'Tencent Technology (Shenzhen) Company Limited'))).toMatchObject({ id: 'app-wecom', tier: 2 });
  });

  it('a longer look-alike name at the start of the title wins', () => {
    expect(lookalikeFor({ name: '微信输入法', ids: [] }, index)).toMatch(/WeChat Keyboard/);
    expect(lookalikeFor({ name: 'Xender - Share Music Transfer', ids: [] }, index)).toBe('Xender');
    // a covered app's own name is never a look-alike of another covered app
    expect(lookalikeFor({ name: 'QQ Music', ids: [] }, index)).toBeUndefined();
  });

  it('acronym aliases match only when written as acronyms', () => {
    // "TIM" alone is Telecom Italia's brand too: display-only, found through Tencent as developer (F16)
    expect(match(listing('TIM')).id).toBeNull();
    expect(match(listing('TIM', 'Tencent Technology (Shenzhen) Company Limited'))).toMatchObject({ id: 'co-tencent-shenzhen', tier: 2 });
    expect(match(listing('Tim')).id).toBeNull();
    expect(match(listing('QQi')).id).toBe('app-qq-international');
  });
});

describe('unverified identifiers', () => {
  it.each([
    [play('com.intsig.camscannerhd'), 'app-camscanner'],
    [play('com.lenovo.anyshare'), 'app-shareit'],
    [play('com.uc.vmlite'), 'app-vmate'],
    [{ platform: 'microsoft-store', value: '9NBLGGH4SLX7', from: 'link' } as ListingId, 'app-wechat'],
    [{ platform: 'amazon', value: 'B0117U0G3M', from: 'link' } as ListingId, 'app-tiktok'],
    [{ platform: 'domain', value: 'tiktokv.com', from: 'link' } as ListingId, 'app-tiktok'],
  ])('%o alone never flags (tier 4, %s)', (id, entity) => {
    const r = match(listing(undefined, undefined, [id]));
    expect(r).toMatchObject({ id: entity, tier: 4 });
    expect(r.evidence[0]).toContain('identifier not independently verified');
  });

  it('with an unrelated name still never flags', () => {
    expect(match(listing('Photo Album Tool', undefined, [play('com.qzone')])).tier).toBe(4);
  });
});

describe('nameCandidates', () => {
  it('returns the whole name, its head and edition-less forms', () => {
    expect(nameCandidates('CamScanner HD - PDF Scanner')).toEqual(['camscanner hd pdf scanner', 'camscanner hd', 'camscanner']);
    expect(nameCandidates('WeChat')).toEqual(['wechat']);
  });
});

describe('cost', () => {
  it('stays fast on long names (bounded look-ups, no loop over aliases)', () => {
    const long = 'QQ '.repeat(5000);
    const t0 = performance.now();
    for (let i = 0; i < 200; i++) matchListing(listing(long + i), index);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('detection dodges: true flags through them, innocent look-alikes stay clean', () => {
  it.each([
    ['right-to-left override', '\u202Etahcew'],
    ['right-to-left override, closed', '\u202EtahCeW\u202C'],
    ['NUL inside the name', 'We\u0000Chat'],
    ['Cherokee Ꮃ', '\u13B3eChat'],
    ['Greek capital Η', 'WeC\u0397at'],
    ['Cyrillic е and а', 'W\u0435Ch\u0430t'],
  ])('%s: "%s" is WeChat by name (possible match)', (_how, name) => {
    expect(match(listing(name))).toMatchObject({ id: 'app-wechat', tier: 3 });
  });

  it('the same dodges in a developer name still name the developer', () => {
    expect(match(listing('Some App', '\u202Edetimil ynapmoc )nehznehs( ygolonhcet tnecnet'))).toMatchObject({ id: 'co-tencent-shenzhen', tier: 2 });
    expect(match(listing('Some App', 'T\u0000encent Technology (Shenzhen) Company Limited'))).toMatchObject({ id: 'co-tencent-shenzhen', tier: 2 });
  });

  it.each(['WeChatty', 'Tick Tock Clock', 'TikTok Downloader', 'Tik Tak Toe', 'QQ Clock', 'CamScanner Alternatives Guide'])('"%s" is not flagged', (name) => {
    const f = matchListing(listing(name), index);
    expect(f === null || !isFlag(f), name).toBe(true);
  });
});
