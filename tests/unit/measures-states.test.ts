// State government-device measures (src/data/measures/<state>.json) and the per-state
// search notes (src/data/state-search-notes.json): how each measure reaches the apps it
// names, on which dates, with which status.
import { describe, expect, it } from 'vitest';
import { dataset, MEASURE_FILES } from '../../src/data/dataset';
import { coverageFor, isInForce, measureStatusAt, type Coverage } from '../../src/data/status';
import type { Measure } from '../../src/data/schema';
import searchNotes from '../../src/data/state-search-notes.json';
import { US_STATES } from '../../src/data/us-states';
import { dayBefore } from '../days';

const measure = (id: string): Measure => {
  const m = dataset.measures.find((x) => x.id === id);
  if (!m) throw new Error(`no measure ${id}`);
  return m;
};
/** How `measureId` reaches `entityId` on `date` (undefined: it does not). */
const reach = (entityId: string, measureId: string, date: string): Coverage | undefined =>
  coverageFor(entityId, dataset, date).find((c) => c.measure.id === measureId);

const notes = searchNotes.states as Record<string, { searched: string[]; found: string }>;
const stateMeasures = dataset.measures.filter((m) => (US_STATES as readonly string[]).includes(m.jurisdiction));

describe('state search notes', () => {
  it('cover exactly the 50 states, each with what was searched and what was found', () => {
    expect(US_STATES).toHaveLength(50);
    expect(Object.keys(notes).sort()).toEqual([...US_STATES].sort());
    for (const s of US_STATES) {
      expect(notes[s]!.searched.length, s).toBeGreaterThan(0);
      expect(notes[s]!.found.trim(), s).not.toBe('');
    }
    expect(searchNotes.searchedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('say "none" exactly for the states with no measure in the dataset', () => {
    for (const s of US_STATES) {
      const has = stateMeasures.some((m) => m.jurisdiction === s);
      expect(notes[s]!.found.startsWith('none'), `${s}: ${notes[s]!.found}`).toBe(!has);
    }
  });

  it('each state file (measures/<state>.json) holds only that state\'s measures, and every state measure sits in its state\'s file', () => {
    const fileOf = (state: string) => state.toLowerCase().replace(/ /g, '-');
    const stateFiles = Object.keys(MEASURE_FILES).filter((f) => US_STATES.some((s) => fileOf(s) === f));
    expect(stateFiles.length).toBeGreaterThanOrEqual(23);
    for (const f of stateFiles)
      for (const m of MEASURE_FILES[f] as Measure[]) expect(fileOf(m.jurisdiction), `${f}: ${m.id}`).toBe(f);
    for (const m of stateMeasures) expect(stateFiles, m.id).toContain(fileOf(m.jurisdiction));
  });
});

describe('state measures: relation and status at fixed dates', () => {
  it('Maryland names WeChat itself and reaches other Tencent apps (QQ Music, WeChat Pay) through Tencent', () => {
    const id = 'md-emergency-directive-2022-12-001';
    expect(reach('app-wechat', id, '2023-01-01')?.relation).toBe('names-it');
    const music = reach('app-qq-music', id, '2023-01-01');
    expect(music?.relation).toBe('names-company');
    expect(music?.viaEntityId).toBe('co-tencent');
    expect(reach('feature-wechat-pay', id, '2023-01-01')?.relation).toBe('names-company');
    expect(reach('app-alipay', id, '2023-01-01')?.relation).toBe('names-it');
    expect(reach('co-kaspersky', id, '2023-01-01')?.relation).toBe('names-it');
    expect(reach('app-wechat', id, '2022-12-05')).toBeUndefined();
    // Huawei's apps through Huawei Technologies
    expect(reach('app-huawei-appgallery', id, '2023-01-01')?.relation).toBe('names-company');
    expect(isInForce(reach('app-wechat', id, dataset.asOf)!.status)).toBe(true);
  });

  it('New York reaches DeepSeek from 2025-02-10 and not before', () => {
    expect(reach('app-deepseek', 'ny-deepseek-ban-2025', '2025-02-09')).toBeUndefined();
    const c = reach('app-deepseek', 'ny-deepseek-ban-2025', '2025-02-10');
    expect(c?.relation).toBe('names-it');
    expect(c?.status.code).toBe('in-force');
    // the company only develops the named app: information, not a naming
    expect(reach('co-deepseek', 'ny-deepseek-ban-2025', '2025-02-10')?.relation).toBe('develops');
    expect(reach('app-tiktok', 'ny-deepseek-ban-2025', dataset.asOf)).toBeUndefined();
  });

  it('Montana SB 419 is never in force: pending, then enjoined, then void', () => {
    const m = measure('mt-sb-419');
    expect(measureStatusAt(m, '2023-05-16').code).toBe('pending'); // not yet signed
    expect(measureStatusAt(m, '2023-06-01').code).toBe('pending');
    expect(measureStatusAt(m, '2024-01-01').code).toBe('enjoined');
    expect(measureStatusAt(m, dataset.asOf).code).toBe('revoked');
    expect(measureStatusAt(m, dataset.asOf).text).toMatch(/never took effect/);
    for (const d of ['2023-05-17', '2023-12-31', '2024-01-01', '2025-01-19', '2026-01-22', '2026-02-20', dataset.asOf]) {
      const c = reach('app-tiktok', 'mt-sb-419', d);
      expect(c?.relation, d).toBe('names-it');
      expect(isInForce(c!.status), d).toBe(false);
    }
    // the separate device memo stays in force
    expect(isInForce(reach('app-tiktok', 'mt-gianforte-tiktok-memo-2022', dataset.asOf)!.status)).toBe(true);
  });

  it('Kansas HB 2313 names DeepSeek and its company, so it reaches the company itself', () => {
    expect(reach('app-deepseek', 'ks-hb-2313', '2025-05-01')?.relation).toBe('names-it');
    expect(reach('co-deepseek', 'ks-hb-2313', '2025-05-01')?.relation).toBe('names-it');
    expect(reach('app-deepseek', 'ks-hb-2313', '2025-04-07')).toBeUndefined();
  });

  it('Iowa: TikTok from Dec 13, 2022; Lemon8, RedNote and DeepSeek only from Feb 19, 2025', () => {
    expect(reach('app-tiktok', 'ia-tiktok-directive-2022', '2022-12-13')?.relation).toBe('names-it');
    expect(reach('app-lemon8', 'ia-rednote-lemon8-deepseek-2025', '2025-02-18')).toBeUndefined();
    for (const e of ['app-lemon8', 'app-rednote', 'app-deepseek'])
      expect(reach(e, 'ia-rednote-lemon8-deepseek-2025', '2025-02-19')?.relation, e).toBe('names-it');
    // the 2022 directive names TikTok only, not ByteDance: Lemon8 is not reached through it
    expect(reach('app-lemon8', 'ia-tiktok-directive-2022', dataset.asOf)).toBeUndefined();
  });

  it('Georgia names ByteDance and Tencent company-wide: Lemon8 and QQ Music are reached through them', () => {
    expect(reach('app-lemon8', 'ga-kemp-memo-2022', '2023-01-01')?.relation).toBe('names-company');
    expect(reach('app-qq-music', 'ga-kemp-memo-2022', '2023-01-01')?.relation).toBe('names-company');
    expect(reach('app-tiktok-lite', 'ga-kemp-memo-2022', '2023-01-01')?.relation).toBe('names-build-of');
  });

  it('app-only namings do not pass to the developer\'s other apps', () => {
    // North Carolina names the TikTok and WeChat apps, not their companies
    expect(reach('app-wechat', 'nc-cooper-tiktok-wechat-eo-2023', '2023-02-01')?.relation).toBe('names-it');
    expect(reach('app-qq-music', 'nc-cooper-tiktok-wechat-eo-2023', '2023-02-01')).toBeUndefined();
    expect(reach('co-tencent', 'nc-cooper-tiktok-wechat-eo-2023', '2023-02-01')?.relation).toBe('develops');
    // Alabama's 2025 memo names DeepSeek and Manus, not TikTok
    expect(reach('app-tiktok', 'al-ivey-deepseek-manus-2025', dataset.asOf)).toBeUndefined();
  });

  it('Tennessee (Mar 6, 2025) and Alabama (Mar 26, 2025) name Manus, the app, not its maker\'s other apps', () => {
    for (const [id, day] of [
      ['tn-deepseek-manus-ban-2025', '2025-03-06'],
      ['al-ivey-deepseek-manus-2025', '2025-03-26'],
    ] as const) {
      expect(reach('app-manus', id, dayBefore(day)), id).toBeUndefined();
      expect(reach('app-manus', id, day), id).toMatchObject({ relation: 'names-it', status: { code: 'in-force' } });
      expect(reach('co-butterfly-effect', id, day)?.relation, id).toBe('develops');
    }
  });

  it('Florida Regulation 3.0075 is pending on approval and in force from its effective date', () => {
    expect(reach('app-tencent-qq', 'fl-bog-regulation-3-0075', '2023-04-01')?.status.code).toBe('pending');
    expect(reach('app-tencent-qq', 'fl-bog-regulation-3-0075', '2023-04-04')?.status.code).toBe('in-force');
    expect(reach('co-kaspersky', 'fl-bog-regulation-3-0075', '2023-04-04')?.relation).toBe('names-it');
  });

  it('TikTok-only state measures (AK, AZ, AR, DE, IN, KY, ME) name the TikTok app from their dates, not before, and not its company', () => {
    const cases: [string, string][] = [
      ['ak-dunleavy-tiktok-memo-2023', '2023-01-06'],
      ['az-hobbs-tiktok-eo-2023', '2023-04-04'],
      ['ar-dis-tiktok-memo-2022', '2022-12-08'],
      ['ar-sanders-foreign-adversary-ict-eo-2023', '2023-01-10'],
      ['de-dti-tiktok-memo-2023', '2023-01-19'],
      ['in-iot-tiktok-block-2022', '2022-12-07'],
      ['ky-sb-20-2023', '2023-03-22'],
      ['me-oit-directive-2023-01', '2023-01-19'],
    ];
    for (const [id, date] of cases) {
      expect(reach('app-tiktok', id, dayBefore(date)), id).toBeUndefined();
      const c = reach('app-tiktok', id, date);
      expect(c?.relation, id).toBe('names-it');
      expect(c?.status.code, id).toBe('in-force');
      expect(isInForce(reach('app-tiktok', id, dataset.asOf)!.status), id).toBe(true);
      // TikTok Lite is a build of TikTok; ByteDance's other apps are not reached
      expect(reach('app-tiktok-lite', id, dataset.asOf)?.relation, id).toBe('names-build-of');
      expect(reach('app-lemon8', id, dataset.asOf), id).toBeUndefined();
      expect(reach('app-capcut', id, dataset.asOf), id).toBeUndefined();
    }
    // Kentucky's is a statute, quoted from the enacted text
    expect(measure('ky-sb-20-2023').instrument).toBe('statute');
    expect(measure('ky-sb-20-2023').verbatim?.[0]?.text).toMatch(/owned by the Chinese company ByteDance Limited or any successor application/);
    // Alaska's key sentence is the governor's own release
    expect(measure('ak-dunleavy-tiktok-memo-2023').verbatim?.[0]?.source.kind).toBe('primary');
  });

  it('Arkansas blocks DeepSeek, RedNote and Lemon8 from the reported date; their companies are only information', () => {
    const id = 'ar-deepseek-rednote-lemon8-blocks-2025';
    for (const e of ['app-deepseek', 'app-rednote', 'app-lemon8']) {
      expect(reach(e, id, '2025-03-11'), e).toBeUndefined();
      expect(reach(e, id, '2025-03-12')?.relation, e).toBe('names-it');
      expect(isInForce(reach(e, id, dataset.asOf)!.status), e).toBe(true);
    }
    expect(reach('co-deepseek', id, dataset.asOf)?.relation).toBe('develops');
    expect(reach('app-tiktok', id, dataset.asOf)).toBeUndefined();
    // the date is a report's, and the title says so
    expect(measure(id).title).toMatch(/reported by Mar 12, 2025/);
  });

  it("Maine's Prohibited Technologies list: pending on enactment, then names six companies from Aug 9, 2024, reaching their apps", () => {
    const id = 'me-prohibited-technologies-2024';
    expect(measureStatusAt(measure(id), '2024-05-01').code).toBe('pending');
    expect(measureStatusAt(measure(id), '2024-08-09').code).toBe('in-force');
    for (const co of ['co-dahua', 'co-huawei', 'co-hikvision', 'co-hytera', 'co-zte', 'co-bytedance']) {
      expect(reach(co, id, '2024-08-08')?.status.code, co).not.toBe('in-force');
      const c = reach(co, id, '2024-08-09');
      expect(c?.relation, co).toBe('names-it');
      expect(c?.namedOn, co).toBe('2024-08-09');
      expect(c?.outOfScope, co).toBe(false);
    }
    expect(reach('app-hik-connect', id, dataset.asOf)?.relation).toBe('names-company');
    expect(reach('app-huawei-appgallery', id, dataset.asOf)?.relation).toBe('names-company');
    expect(reach('app-lemon8', id, dataset.asOf)?.relation).toBe('names-company');
    // Tencent and Kaspersky are not recorded on this list (not seen in the sources)
    expect(reach('app-wechat', id, dataset.asOf)).toBeUndefined();
    expect(reach('co-kaspersky', id, dataset.asOf)).toBeUndefined();
    expect(measure(id).verbatim?.[0]?.source.kind).toBe('primary');
  });

  it('the states searched individually with nothing shipped say so in their notes', () => {
    for (const s of ['California', 'Colorado', 'Connecticut', 'Hawaii', 'Illinois', 'Massachusetts']) {
      expect(notes[s]!.found, s).toMatch(/^none (found|shipped) \(searched individually on 2026-12-02[,)]/);
      expect(stateMeasures.some((m) => m.jurisdiction === s), s).toBe(false);
    }
    for (const s of ['Alaska', 'Arizona', 'Arkansas', 'Delaware', 'Indiana', 'Kentucky', 'Maine'])
      expect(stateMeasures.some((m) => m.jurisdiction === s), s).toBe(true);
  });

  it('every in-force state status says it is as reported (the evidence is dated), and every state measure names something', () => {
    const mine = stateMeasures.filter((m) => !['Texas', 'Ohio', 'Virginia'].includes(m.jurisdiction));
    expect(mine.length).toBeGreaterThanOrEqual(25);
    for (const m of mine) {
      expect(m.names.length, m.id).toBeGreaterThan(0);
      const s = measureStatusAt(m, dataset.asOf);
      if (isInForce(s)) expect(s.text, m.id).toMatch(/as reported in/);
      expect(m.sources.every((src) => src.kind === 'primary' || src.kind === 'secondary'), m.id).toBe(true);
    }
  });
});

describe('states searched individually (states-b): each measure reaches what it names, with its status, from its date', () => {
  it('Michigan blocks TikTok by name from Mar 1, 2023, not its company', () => {
    const id = 'mi-tiktok-block-2023';
    expect(reach('app-tiktok', id, '2023-02-28')).toBeUndefined();
    expect(reach('app-tiktok', id, '2023-03-01')).toMatchObject({ relation: 'names-it', status: { code: 'in-force' } });
    expect(reach('app-lemon8', id, dataset.asOf)).toBeUndefined();
  });

  it('Mississippi names TikTok and ByteDance from Jan 11, 2023: CapCut and Lemon8 through ByteDance', () => {
    const id = 'ms-reeves-tiktok-directive-2023';
    expect(reach('app-tiktok', id, '2023-01-10')).toBeUndefined();
    expect(reach('app-tiktok', id, '2023-01-11')?.relation).toBe('names-it');
    const capcut = reach('app-capcut', id, '2023-01-11');
    expect(capcut).toMatchObject({ relation: 'names-company', viaEntityId: 'co-bytedance', status: { code: 'in-force' } });
    expect(reach('app-lemon8', id, dataset.asOf)?.relation).toBe('names-company');
    expect(reach('app-wechat', id, dataset.asOf)).toBeUndefined();
  });

  it('Nevada names AliPay, WeChat and TikTok as apps and Alibaba, Tencent, Kaspersky, Huawei, Hikvision company-wide from Mar 6, 2023', () => {
    const id = 'nv-security-standard-blacklist-2023';
    expect(reach('app-wechat', id, '2023-03-05')).toBeUndefined();
    for (const e of ['app-alipay', 'app-wechat', 'app-tiktok', 'app-tencent-qq', 'co-kaspersky', 'co-zte'])
      expect(reach(e, id, '2023-03-06')?.relation, e).toBe('names-it');
    expect(reach('app-aliexpress', id, '2023-03-06')?.relation).toBe('names-company');
    expect(reach('app-qq-music', id, '2023-03-06')?.relation).toBe('names-company');
    expect(reach('app-hik-connect', id, '2023-03-06')?.relation).toBe('names-company');
    expect(isInForce(reach('app-tiktok', id, dataset.asOf)!.status)).toBe(true);
    // ByteDance is not on the list: Lemon8 is not reached
    expect(reach('app-lemon8', id, dataset.asOf)).toBeUndefined();
  });

  it('New Hampshire EO 2022-09 is in force from Dec 14, 2022 and rescinded from Oct 6, 2025', () => {
    const id = 'nh-eo-2022-09';
    expect(reach('app-tiktok', id, '2022-12-13')).toBeUndefined();
    expect(reach('app-tiktok', id, '2022-12-14')).toMatchObject({ relation: 'names-it', status: { code: 'in-force' } });
    expect(reach('app-wechat', id, '2023-06-01')).toMatchObject({ relation: 'names-company', status: { code: 'in-force' } });
    expect(reach('app-tiktok', id, '2025-10-05')?.status.code).toBe('in-force');
    const after = reach('app-tiktok', id, '2025-10-06');
    expect(after?.status.code).toBe('revoked');
    expect(isInForce(after!.status)).toBe(false);
    expect(measureStatusAt(measure(id), dataset.asOf).code).toBe('revoked');
  });

  it('Oregon HB 3127 names six companies: pending from its signing, in force from Sept 24, 2023; TikTok and Alipay are reached through their companies', () => {
    const id = 'or-hb-3127';
    expect(reach('co-bytedance', id, '2023-07-12')).toBeUndefined();
    expect(reach('co-bytedance', id, '2023-07-13')?.status.code).toBe('pending');
    expect(reach('co-bytedance', id, '2023-09-24')).toMatchObject({ relation: 'names-it', status: { code: 'in-force' } });
    expect(reach('app-alipay', id, '2023-09-24')).toMatchObject({ relation: 'names-company', viaEntityId: 'co-ant-group' });
    expect(reach('app-tiktok', id, dataset.asOf)?.relation).toBe('names-company');
    expect(reach('app-kaspersky', id, dataset.asOf)?.relation).toBe('names-company');
    // Alibaba is not a covered vendor
    expect(reach('app-aliexpress', id, dataset.asOf)).toBeUndefined();
  });

  it('the Pennsylvania Treasury, Vermont, West Virginia Auditor and Wyoming measures name TikTok from their dates', () => {
    for (const [id, day, before] of [
      ['pa-treasury-tiktok-ban-2022', '2022-12-22', '2022-12-21'],
      ['vt-ads-tiktok-wechat-2023', '2023-02-20', '2023-02-19'],
      ['wv-auditor-tiktok-ban-2022', '2022-12-19', '2022-12-18'],
      ['wy-gordon-tiktok-memo-2022', '2022-12-15', '2022-12-14'],
    ] as const) {
      expect(reach('app-tiktok', id, before), id).toBeUndefined();
      expect(reach('app-tiktok', id, day), id).toMatchObject({ relation: 'names-it', status: { code: 'in-force' } });
      // the app, not its company: other ByteDance apps are not reached
      expect(reach('app-capcut', id, dataset.asOf), id).toBeUndefined();
    }
    expect(reach('app-wechat', 'vt-ads-tiktok-wechat-2023', '2023-02-20')?.relation).toBe('names-it');
    expect(reach('app-qq-music', 'vt-ads-tiktok-wechat-2023', dataset.asOf)).toBeUndefined();
  });

  it('Georgia\'s 2025 memo names RedNote, DeepSeek, Webull, Tiger Brokers, Moomoo and Lemon8 from Feb 21, 2025', () => {
    const id = 'ga-gta-app-ban-2025';
    for (const e of ['app-rednote', 'app-deepseek', 'app-webull', 'app-tiger-trade', 'app-moomoo', 'app-lemon8']) {
      expect(reach(e, id, '2025-02-20'), e).toBeUndefined();
      expect(reach(e, id, '2025-02-21'), e).toMatchObject({ relation: 'names-it', status: { code: 'in-force' } });
    }
    expect(reach('co-deepseek', id, '2025-02-21')?.relation).toBe('develops');
    expect(reach('app-tiktok', id, dataset.asOf)).toBeUndefined();
  });

  it('Montana\'s 2023 directive reaches WeChat, Temu, CapCut and Lemon8 as reported (press summaries), from June 1, 2023, not other apps of their makers', () => {
    const id = 'mt-gianforte-foreign-adversary-apps-2023';
    for (const e of ['app-wechat', 'app-temu', 'app-capcut', 'app-lemon8']) {
      expect(reach(e, id, '2023-05-16'), e).toBeUndefined();
      expect(reach(e, id, '2023-05-17'), e).toMatchObject({ relation: 'names-it', status: { code: 'pending' } });
      expect(reach(e, id, '2023-06-01'), e).toMatchObject({ relation: 'names-it', status: { code: 'in-force' } });
      expect(measure(id).names.find((n) => n.entityId === e)?.basis, e).toBe('press-summary');
    }
    // Named apps, not their companies: TikTok (its own 2022 memo) and QQ Music are not reached by this one.
    expect(reach('app-tiktok', id, dataset.asOf)).toBeUndefined();
    expect(reach('app-qq-music', id, dataset.asOf)).toBeUndefined();
    expect(measure(id).audiences).toEqual([
      { region: 'US-MT', who: 'government-devices' },
      { region: 'US-MT', who: 'government-contractors' },
    ]);
    // Temu is PDD's app: the Texas list reaches it through its maker.
    expect(reach('app-temu', 'tx-dir-prohibited-technologies', dataset.asOf)).toMatchObject({ relation: 'names-company', viaEntityId: 'co-pdd' });
  });

  it('the Texas list names all 26 companies of its Jan 26, 2026 update, company-wide and apps included, from that day', () => {
    const id = 'tx-dir-prohibited-technologies';
    const added = measure(id).names.filter((n) => n.addedOn === '2026-01-26');
    // The list's 26 (TP-Link as two records: the brand and the Shenzhen company).
    expect(added.map((n) => n.label)).toEqual([
      'Alibaba', 'Baidu', 'Xiaomi', 'TP-Link', 'TP-Link', 'Shein', 'PDD (Pinduoduo, Temu)', 'SenseTime', 'Megvii', 'CloudWalk', 'Autel', 'CATL',
      'Wuhan Geosun LiDAR', 'Yitu', 'iFlytek', 'Uniview', 'Zhipu (Z.ai)', 'Beijing Academy of Artificial Intelligence (BAAI)', 'Gotion High Tech',
      'RoboSense LiDAR', 'Hisense', 'TCL', 'Baichuan', 'StepFun', 'MiniMax', 'Moonshot AI', 'NucTech',
    ]);
    for (const n of added) {
      expect(n.reach, n.entityId).toBe('company-and-subsidiaries');
      expect(n.scope, n.entityId).toBeUndefined(); // hardware, AI and software alike (Reuters), unlike the 2023 hardware section
      expect(reach(n.entityId, id, '2026-01-25'), n.entityId).toBeUndefined();
      expect(reach(n.entityId, id, '2026-01-26'), n.entityId).toMatchObject({ relation: 'names-it', status: { code: 'in-force' } });
    }
  });

  it('Nebraska\'s 2023 order names five equipment makers for their communications equipment and services: their apps are related, never restricted', () => {
    const id = 'ne-pillen-telecom-equipment-2023';
    for (const e of ['co-huawei', 'co-zte', 'co-hytera', 'co-hikvision', 'co-dahua']) {
      expect(reach(e, id, '2023-03-01'), e).toBeUndefined();
      expect(reach(e, id, '2023-03-02'), e).toMatchObject({ relation: 'names-it', status: { code: 'in-force' } });
    }
    for (const app of ['app-hik-connect', 'app-dmss']) expect(reach(app, id, dataset.asOf), app).toMatchObject({ relation: 'names-company', outOfScope: true });
    expect(measure(id).names.every((n) => n.scope?.apps === false)).toBe(true);
  });

  it('the Florida CFO\'s directives bind the Department of Financial Services only: TikTok from Aug 11, 2020, DeepSeek from Feb 19, 2025', () => {
    for (const [id, app, day, before] of [
      ['fl-cfo-directive-2020-14', 'app-tiktok', '2020-08-11', '2020-08-10'],
      ['fl-cfo-directive-2025-01', 'app-deepseek', '2025-02-19', '2025-02-18'],
    ] as const) {
      expect(reach(app, id, before), id).toBeUndefined();
      expect(reach(app, id, day), id).toMatchObject({ relation: 'names-it', status: { code: 'in-force' } });
      expect(measure(id).audiences, id).toEqual([{ region: 'US-FL', who: 'one-agency' }]);
      expect(measure(id).verbatim?.[0]?.source.kind, id).toBe('primary');
    }
    // the app, not its company
    expect(reach('app-capcut', 'fl-cfo-directive-2020-14', dataset.asOf)).toBeUndefined();
  });

  it('DeepSeek: the Montana Attorney General (his department only) from Feb 27, 2025; the North Dakota University System from Mar 27, 2025', () => {
    expect(reach('app-deepseek', 'mt-ag-deepseek-2025', '2025-02-26')).toBeUndefined();
    expect(reach('app-deepseek', 'mt-ag-deepseek-2025', '2025-02-27')).toMatchObject({ relation: 'names-it', status: { code: 'in-force' } });
    expect(measure('mt-ag-deepseek-2025').audiences).toEqual([{ region: 'US-MT', who: 'one-agency' }]);
    expect(reach('app-deepseek', 'nd-ndus-deepseek-2025', '2025-03-26')).toBeUndefined();
    expect(reach('app-deepseek', 'nd-ndus-deepseek-2025', '2025-03-27')).toMatchObject({ relation: 'names-it', status: { code: 'in-force' } });
    expect(measure('nd-ndus-deepseek-2025').audiences).toEqual([{ region: 'US-ND', who: 'universities' }]);
  });

  it('the states searched individually say so in their notes', () => {
    for (const s of ['Minnesota', 'Missouri', 'New Mexico', 'Rhode Island', 'Washington'])
      expect(notes[s]!.found, s).toMatch(/^none found: searched individually \(2026-12-02\)/);
  });
});

describe('Virginia EO 46 (DeepSeek)', () => {
  it('reaches DeepSeek by name from Feb 11, 2025, in force, and not before', async () => {
    const { coverageFor } = await import('../../src/data/status');
    const { dataset } = await import('../../src/data/dataset');
    const at = (date: string) => coverageFor('app-deepseek', dataset, date).find((c) => c.measure.id === 'va-eo-46');
    expect(at('2025-02-10')).toBeUndefined();
    expect(at('2025-02-11')).toMatchObject({ relation: 'names-it', namedOn: '2025-02-11', status: { code: 'in-force' } });
  });
});
