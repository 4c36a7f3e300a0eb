// The US federal procurement measures and the foreign governments' measures reach the
// right listings, with the right relation and status, at fixed dates.
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { dayBefore } from '../days';
import { coverageFor, isInForce, type Coverage, type Relation } from '../../src/data/status';

const coverage = (entityId: string, measureId: string, date: string): Coverage | undefined =>
  coverageFor(entityId, dataset, date).find((c) => c.measure.id === measureId);

/** The coverage must exist, come through `via` with `relation`, and be in force (or not) on `date`. */
function expectReach(entityId: string, measureId: string, date: string, relation: Relation, via: string, inForce: boolean): Coverage {
  const c = coverage(entityId, measureId, date);
  expect(c, `${measureId} should reach ${entityId} on ${date}`).toBeDefined();
  expect(c!.relation).toBe(relation);
  expect(c!.viaEntityId).toBe(via);
  expect(isInForce(c!.status), `${measureId} in force for ${entityId} on ${date}`).toBe(inForce);
  return c!;
}

describe('US federal procurement measures', () => {
  it('NDAA FY2019 §889 and the FCC Covered List reach Hik-Connect through Hikvision, limited to public-safety uses', () => {
    for (const id of ['us-ndaa-fy2019-889', 'us-fcc-covered-list']) {
      const c = expectReach('app-hik-connect', id, '2026-06-01', 'names-company', 'co-hikvision', true);
      expect(c.path).toEqual(['co-hikvision']);
      expect(c.status.text).toMatch(/public safety/);
    }
    // Huawei and ZTE are covered without that limit
    expect(coverage('app-hms-core', 'us-fcc-covered-list', '2026-06-01')!.status.text).not.toMatch(/only as far/);
    expectReach('app-dmss', 'us-ndaa-fy2019-889', '2026-06-01', 'names-company', 'co-dahua', true);
  });

  it('§889 is pending after enactment and in force from Aug 13, 2019', () => {
    expect(isInForce(coverage('co-zte', 'us-ndaa-fy2019-889', '2019-01-01')!.status)).toBe(false);
    expectReach('co-zte', 'us-ndaa-fy2019-889', '2019-08-13', 'names-it', 'co-zte', true);
  });

  it('the FCC Covered List reaches Kaspersky only from its addition on Mar 25, 2022', () => {
    expect(coverage('co-kaspersky', 'us-fcc-covered-list', '2022-03-24')).toBeUndefined();
    expectReach('co-kaspersky', 'us-fcc-covered-list', '2022-03-25', 'names-it', 'co-kaspersky', true);
  });

  it('the FCC Covered List names DJI and Autel Robotics (NDAA FY2025 §1709) from Dec 22, 2025, for equipment and drones, never their apps as such', () => {
    for (const id of ['co-dji', 'co-autel-robotics']) {
      expect(coverage(id, 'us-fcc-covered-list', '2025-12-21'), id).toBeUndefined();
      const c = coverage(id, 'us-fcc-covered-list', '2025-12-22')!;
      expect(c, id).toMatchObject({ relation: 'names-it', outOfScope: true });
    }
  });

  it('NDAA FY2018 §1634 and FAR 52.204-23 bind from Oct 1, 2018', () => {
    expect(isInForce(coverage('co-kaspersky', 'us-ndaa-fy2018-1634', '2018-09-30')!.status)).toBe(false);
    expectReach('co-kaspersky', 'us-ndaa-fy2018-1634', '2018-10-01', 'names-it', 'co-kaspersky', true);
  });

  it('FAR 52.204-27 reaches TikTok by name and another ByteDance app through ByteDance', () => {
    expectReach('app-tiktok', 'us-far-52-204-27', '2026-06-01', 'names-it', 'app-tiktok', true);
    expectReach('app-lemon8', 'us-far-52-204-27', '2026-06-01', 'names-company', 'co-bytedance', true);
    expect(coverage('app-lemon8', 'us-far-52-204-27', '2023-06-01')).toBeUndefined();
  });

  it('the House CAO ban reaches ByteDance apps from Aug 15, 2024 and is sourced only to news reports', () => {
    expect(isInForce(coverage('app-lemon8', 'us-house-cao-bytedance-2024', '2024-08-01')!.status)).toBe(false);
    expectReach('app-lemon8', 'us-house-cao-bytedance-2024', '2024-08-15', 'names-company', 'co-bytedance', true);
    const m = dataset.measures.find((x) => x.id === 'us-house-cao-bytedance-2024')!;
    expect(m.sources.every((s) => s.kind === 'secondary')).toBe(true);
    expect(m.summary).toMatch(/secondary sources/);
  });

  it("NASA's DeepSeek ban reaches the app through its company from Jan 31, 2025, and binds NASA only", () => {
    expect(coverage('app-deepseek', 'us-nasa-deepseek-2025', '2025-01-30')).toBeUndefined();
    const c = expectReach('app-deepseek', 'us-nasa-deepseek-2025', '2025-01-31', 'names-company', 'co-deepseek', true);
    expect(c.measure.audiences).toEqual([{ region: 'US', who: 'one-agency' }]);
    expect(c.measure.binds).toMatch(/^NASA only/);
  });
  it('NDAA FY2026 §6604 reaches DeepSeek from Dec 18, 2025', () => {
    expect(coverage('app-deepseek', 'us-ndaa-fy2026-6604', '2025-12-17')).toBeUndefined();
    expectReach('app-deepseek', 'us-ndaa-fy2026-6604', '2025-12-18', 'names-it', 'app-deepseek', true);
  });

  it('the 1260H listing of Tencent bars Department of Defense contracts only from June 30, 2026 (NDAA FY2024 §805), and more from June 30, 2027', () => {
    const m = dataset.measures.find((x) => x.id === 'us-dod-1260h')!;
    expect(m.audiences).toEqual([{ region: 'US', who: 'dod-procurement' }]);
    expect(coverage('app-wechat', 'us-dod-1260h', '2025-01-05')).toBeUndefined(); // Tencent listed from Jan 6, 2025
    const listed = expectReach('app-wechat', 'us-dod-1260h', '2026-06-29', 'names-company', 'co-tencent', false);
    expect(listed.status.text).toMatch(/prohibits nothing.*June 30, 2026/);
    const entity = expectReach('app-wechat', 'us-dod-1260h', '2026-06-30', 'names-company', 'co-tencent', true);
    expect(entity.status.text).toMatch(/^in force for Department of Defense contracting since June 30, 2026 \(NDAA FY2024 §805\)/);
    expect(entity.status.text).not.toMatch(/June 30, 2027/);
    const goods = expectReach('app-wechat', 'us-dod-1260h', '2027-06-30', 'names-company', 'co-tencent', true);
    expect(goods.status.text).toMatch(/since June 30, 2027 none for goods or services/);
  });

  it('the June 2026 list adds Alibaba and Baidu: their apps are reached from June 8, 2026, in force for DoD contracting from June 30', () => {
    expect(coverage('app-aliexpress', 'us-dod-1260h', '2026-06-07')).toBeUndefined();
    expectReach('app-aliexpress', 'us-dod-1260h', '2026-06-08', 'names-company', 'co-alibaba', false);
    const c = expectReach('app-dingtalk', 'us-dod-1260h', '2026-06-30', 'names-company', 'co-alibaba', true);
    expect(c.namedOn).toBe('2026-06-08');
    expect(coverage('co-baidu', 'us-dod-1260h', '2026-07-01')?.relation).toBe('names-it');
  });

  it('the earlier listings: Huawei and Hikvision from the first list (June 2021), Dahua from Oct 5, 2022, TP-Link from June 8, 2026', () => {
    const hik = expectReach('app-hik-connect', 'us-dod-1260h', '2021-06-03', 'names-company', 'co-hikvision', false);
    expect(hik.status.text).toBe('listed; the listing itself prohibits nothing');
    expectReach('app-hik-connect', 'us-dod-1260h', '2026-06-30', 'names-company', 'co-hikvision', true);
    expectReach('app-hms-core', 'us-dod-1260h', '2026-06-30', 'names-company', 'co-huawei', true);
    expect(coverage('app-dmss', 'us-dod-1260h', '2022-10-04')).toBeUndefined();
    expect(expectReach('app-dmss', 'us-dod-1260h', '2022-10-05', 'names-company', 'co-dahua', false).namedOn).toBe('2022-10-05');
    expect(coverage('co-tp-link-technologies', 'us-dod-1260h', '2026-06-07')).toBeUndefined();
    expect(coverage('co-tp-link-technologies', 'us-dod-1260h', '2026-06-30')?.relation).toBe('names-it');
  });

  it('the 1260H list also names companies of the Texas list of Jan 2026, each from its own update; Megvii only from Jan 31, 2024 to Jan 6, 2025', () => {
    for (const [id, day] of [
      ['co-cloudwalk', '2022-10-05'],
      ['co-yitu', '2024-01-31'],
      ['co-geosun', '2024-01-31'],
      ['co-autel-robotics', '2025-01-06'],
      ['co-catl', '2025-01-06'],
      ['co-sensetime', '2025-01-06'],
      ['co-autel', '2026-06-08'],
      ['co-robosense', '2026-06-08'],
    ] as const) {
      expect(coverage(id, 'us-dod-1260h', dayBefore(day)), id).toBeUndefined();
      expect(expectReach(id, 'us-dod-1260h', day, 'names-it', id, false).namedOn, id).toBe(day);
      expectReach(id, 'us-dod-1260h', '2026-06-30', 'names-it', id, true);
    }
    expectReach('co-megvii', 'us-dod-1260h', '2024-01-31', 'names-it', 'co-megvii', false);
    const dropped = expectReach('co-megvii', 'us-dod-1260h', '2025-01-06', 'names-it', 'co-megvii', false);
    expect(dropped.status).toMatchObject({ code: 'revoked', text: expect.stringMatching(/^no longer on the list/) });
    expect(isInForce(coverage('co-megvii', 'us-dod-1260h', '2026-06-30')!.status)).toBe(false); // §805 never reached it
    // Autel Robotics before its parent was listed: named itself; the parent (the Texas list's "Autel") only from June 8, 2026.
    expect(coverage('co-autel', 'us-dod-1260h', '2026-06-07')).toBeUndefined();
  });

  it("the 1260H list names TP-LINK Technologies Co., Ltd., not the TP-Link brand's overseas business that says it separated in 2022; Texas names the brand", () => {
    expect(coverage('co-tp-link', 'us-dod-1260h', '2026-06-30')).toBeUndefined();
    for (const id of ['co-tp-link', 'co-tp-link-technologies']) expectReach(id, 'tx-dir-prohibited-technologies', '2026-01-26', 'names-it', id, true);
  });
});

describe('foreign governments', () => {
  it('DeepSeek: Australia (company-wide) and Italy in force; South Korea lifted after April 2025', () => {
    expectReach('app-deepseek', 'au-pspf-direction-001-2025-deepseek', '2026-06-01', 'names-company', 'co-deepseek', true);
    expectReach('app-deepseek', 'it-garante-deepseek-2025', '2026-06-01', 'names-company', 'co-deepseek', true);
    expectReach('app-deepseek', 'kr-pipc-deepseek-2025', '2025-03-01', 'names-it', 'app-deepseek', true);
    expectReach('app-deepseek', 'kr-pipc-deepseek-2025', '2026-06-01', 'names-it', 'app-deepseek', false);
  });

  it("DeepSeek on government devices: Canada's CIO from Feb 6, 2025; Taiwan's ministry notice Jan 31 (pending), the cabinet's ban from Feb 3, 2025", () => {
    expect(coverage('app-deepseek', 'ca-cio-deepseek-2025', '2025-02-05')).toBeUndefined();
    const ca = expectReach('app-deepseek', 'ca-cio-deepseek-2025', '2025-02-06', 'names-it', 'app-deepseek', true);
    expect(ca.measure.binds).toMatch(/Shared Services Canada/);
    expect(ca.measure.binds).toMatch(/not the public/);
    expect(coverage('app-deepseek', 'tw-ey-deepseek-2025', '2025-01-30')).toBeUndefined();
    expectReach('app-deepseek', 'tw-ey-deepseek-2025', '2025-01-31', 'names-it', 'app-deepseek', false);
    const tw = expectReach('app-deepseek', 'tw-ey-deepseek-2025', '2025-02-03', 'names-it', 'app-deepseek', true);
    expect(tw.measure.audiences).toEqual([{ region: 'TW', who: 'government-devices' }]);
    expect(tw.measure.binds).toMatch(/not the public/);
    // the company's other products are not reached: the app is named
    expect(coverage('co-deepseek', 'tw-ey-deepseek-2025', '2025-02-03')?.relation).toBe('develops');
  });

  it("Taiwan's RedNote block is in force on 2026-06-01 and not after its one-year end unless renewed", () => {
    expectReach('app-rednote', 'tw-moi-rednote-2025', '2026-06-01', 'names-it', 'app-rednote', true);
    const after = expectReach('app-rednote', 'tw-moi-rednote-2025', '2026-12-05', 'names-it', 'app-rednote', false);
    expect(after.status.code).toBe('expired');
    expect(coverage('app-rednote', 'tw-moi-rednote-2025', '2025-12-03')).toBeUndefined();
  });

  it("India's orders reach the same apps by name, and Alipay only from Sept 2, 2020", () => {
    for (const id of ['app-tiktok', 'app-shareit', 'app-camscanner', 'app-wechat', 'app-vmate'])
      expectReach(id, 'in-meity-69a-2020', '2026-06-01', 'names-it', id, true);
    expect(coverage('app-alipay', 'in-meity-69a-2020', '2020-08-01')).toBeUndefined();
    expectReach('app-alipay', 'in-meity-69a-2020', '2020-09-02', 'names-it', 'app-alipay', true);
    // named by title only: the developer is reached as "develops", never as named
    expect(coverage('co-intsig', 'in-meity-69a-2020', '2026-06-01')!.relation).toBe('develops');
  });

  it("India's June 29 list names UC Browser, Shein, UC News, Mi Community, Baidu map and Helo; the Nov 24, 2020 order (43 apps) names AliExpress, DingTalk and CamCard from that day", () => {
    for (const id of ['app-uc-browser', 'app-shein', 'app-uc-news', 'app-mi-community', 'app-baidu-map', 'app-helo'])
      expectReach(id, 'in-meity-69a-2020', '2020-06-29', 'names-it', id, true);
    for (const id of ['app-aliexpress', 'app-dingtalk', 'app-camcard']) expectReach(id, 'in-meity-69a-2020', '2020-11-24', 'names-it', id, true);
    for (const id of ['app-taobao', 'app-baidu-search']) expectReach(id, 'in-meity-69a-2020', '2020-09-02', 'names-it', id, true);
    for (const id of ['app-aliexpress', 'app-dingtalk']) expect(coverage(id, 'in-meity-69a-2020', '2020-11-23'), id).toBeUndefined();
    // the day before, CamCard was only by the developer of Cam Scanner (named June 29)
    expect(coverage('app-camcard', 'in-meity-69a-2020', '2020-11-23')).toMatchObject({ relation: 'related', viaEntityId: 'app-camscanner' });
    const india = dataset.measures.find((m) => m.id === 'in-meity-69a-2020')!;
    expect(india.timeline.map((t) => t.date)).toContain('2020-11-24');
    // CamCard is its own entry, not CamScanner: the measures naming CamScanner only relate to it
    expect(coverage('app-camcard', 'tx-dir-prohibited-technologies', '2026-06-01')!.relation).toBe('related');
  });

  it('Canada, the UK, the EU Commission and Australia bind government devices only', () => {
    const cases: [string, string, string][] = [
      ['app-tiktok', 'ca-tbs-tiktok-2023', '2023-02-28'],
      ['app-wechat', 'ca-tbs-wechat-kaspersky-2023', '2023-10-30'],
      ['app-tiktok', 'uk-tiktok-gov-devices-2023', '2023-03-16'],
      ['app-tiktok', 'eu-commission-tiktok-2023', '2023-03-15'],
      ['app-tiktok', 'au-pspf-direction-001-2023-tiktok', '2023-04-04'],
    ];
    for (const [entity, id, date] of cases) {
      const c = expectReach(entity, id, date, 'names-it', entity, true);
      expect(c.measure.binds).toMatch(/devices/);
      expect(c.measure.binds).toMatch(/not (personal devices or )?the public/);
    }
    expectReach('co-kaspersky', 'ca-tbs-wechat-kaspersky-2023', '2023-10-30', 'names-it', 'co-kaspersky', true);
    // the Commission's suspension was announced Feb 23 and binds from Mar 15, 2023
    expect(isInForce(coverage('app-tiktok', 'eu-commission-tiktok-2023', '2023-03-01')!.status)).toBe(false);
  });
});
