// The real Google Play detail capture (Minecraft), rewritten into the listings of the
// apps the in-force measures reach (tests/e2e/pages.mjs playListingFromCapture, the
// same pages the Chromium tests serve), run through the Play adapter, the matcher and
// the wording: which entity and tier, the exact sentence of every line, the date each
// measure began naming what it names, and whether the listing counts as a restriction.
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { compileIndex } from '../../src/match/compile';
import { matchListing, type Tier } from '../../src/match/match';
import { summarizeFinding, type LineEffect } from '../../src/match/wording';
import { googlePlay } from '../../src/sites/google-play';
import { parseDocument } from '../dom';
import { playListingFromCapture } from '../e2e/pages.mjs';

const index = compileIndex(dataset);

const TX = "in force for Texas state agencies' devices and networks; covered-application policies required of all governmental entities since Nov 20, 2024";
const VA = 'in force for Virginia state government devices and state-run wireless networks';
const EO13942 = 'revoked June 9, 2021 by EO 14034; its prohibitions had been blocked by court injunctions';
const EO13971 = 'never implemented; revoked June 9, 2021 by EO 14034';
const PAFACA_OTHERS = 'in force for apps operated by ByteDance or its subsidiaries, other than the US apps divested to TikTok USDS Joint Venture LLC (closed Jan 22, 2026)';
const PAFACA_DIVESTED = "law in force; its prohibitions do not apply to TikTok's US app after the qualified divestiture to TikTok USDS Joint Venture LLC (closed Jan 22, 2026)";

interface Case {
  what: string;
  pkg: string;
  name: string;
  developer: string;
  entity: string;
  tier: Tier;
  /** The listing's effect: a restriction in force (counted), or information. */
  effect: LineEffect;
  lines: [LineEffect, string][];
  /** measure id → the date it began naming what it names */
  namedOn: Record<string, string>;
}

const cases: Case[] = [
  {
    what: 'a Xiaomi app recorded by its package (Mi Home by "Xiaomi Inc.")',
    pkg: 'com.xiaomi.smarthome', name: 'Mi Home', developer: 'Xiaomi Inc.',
    entity: 'app-mi-home', tier: 1, effect: 'restricts',
    lines: [['restricts', `Mi Home is by Xiaomi, which the Texas prohibited technologies list names (added Jan 26, 2026) — ${TX}`]],
    namedOn: { 'tx-dir-prohibited-technologies': '2026-01-26' },
  },
  {
    what: 'any other app by the Xiaomi developer account: developer tier, with the company in the sentence',
    pkg: 'com.example.remote', name: 'Mi Remote controller', developer: 'Xiaomi Inc.',
    entity: 'co-xiaomi', tier: 2, effect: 'restricts',
    lines: [['restricts', `Mi Remote controller is by Xiaomi, which the Texas prohibited technologies list names (added Jan 26, 2026) — ${TX}`]],
    namedOn: { 'tx-dir-prohibited-technologies': '2026-01-26' },
  },
  {
    // the developer shown is test input; the package decides
    what: 'an Alibaba app (AliExpress) by its package',
    pkg: 'com.alibaba.aliexpresshd', name: 'AliExpress - Shopping App', developer: 'Alibaba Mobile',
    entity: 'app-aliexpress', tier: 1, effect: 'restricts',
    lines: [['restricts', `AliExpress is by Alibaba, which the Texas prohibited technologies list names (added Jan 26, 2026) — ${TX}`]],
    namedOn: { 'tx-dir-prohibited-technologies': '2026-01-26' },
  },
  {
    what: "CapCut by Bytedance Pte. Ltd.: ByteDance named company-wide; PAFACA's divested-app status for its US app",
    pkg: 'com.lemon.lvoverseas', name: 'CapCut - Video Editor', developer: 'Bytedance Pte. Ltd.',
    entity: 'app-capcut', tier: 2, effect: 'restricts',
    lines: [
      ['restricts', `CapCut is by ByteDance Ltd., which the Texas prohibited technologies list names (added Jan 23, 2023) — ${TX}`],
      ['restricts', `CapCut is by ByteDance Limited, which Virginia Executive Order 24 (Dec 16, 2022) names — ${VA}`],
      ['not-in-force', `CapCut is by ByteDance Ltd, which US Executive Order 13942 (Aug 6, 2020) names — ${EO13942}`],
      ['not-in-force', `CapCut is by ByteDance, which PAFACA, the TikTok divest-or-ban law (Apr 24, 2024) names — ${PAFACA_DIVESTED}`],
    ],
    namedOn: { 'tx-dir-prohibited-technologies': '2023-01-23', 'va-eo-24': '2022-12-16', 'us-eo-13942': '2020-08-06', 'us-pafaca': '2024-04-24' },
  },
  {
    what: 'Lark (ByteDance) by its package',
    pkg: 'com.larksuite.suite', name: 'Lark - Team Collaboration', developer: 'LARK TECHNOLOGIES PTE. LTD.',
    entity: 'app-lark', tier: 1, effect: 'restricts',
    lines: [
      ['restricts', `Lark - Team Collaboration is by ByteDance Ltd., which the Texas prohibited technologies list names (added Jan 23, 2023) — ${TX}`],
      ['restricts', `Lark - Team Collaboration is by ByteDance Limited, which Virginia Executive Order 24 (Dec 16, 2022) names — ${VA}`],
      ['restricts', `Lark - Team Collaboration is by ByteDance, which PAFACA, the TikTok divest-or-ban law (Apr 24, 2024) names — ${PAFACA_OTHERS}`],
      ['not-in-force', `Lark - Team Collaboration is by ByteDance Ltd, which US Executive Order 13942 (Aug 6, 2020) names — ${EO13942}`],
    ],
    namedOn: { 'tx-dir-prohibited-technologies': '2023-01-23', 'va-eo-24': '2022-12-16', 'us-pafaca': '2024-04-24', 'us-eo-13942': '2020-08-06' },
  },
  {
    what: 'CamCard by INTSIG: information, not a restriction',
    pkg: 'com.intsig.BCRLite', name: 'CamCard - Digital business card', developer: 'INTSIG Information Co.,Ltd',
    entity: 'co-intsig', tier: 2, effect: 'related',
    lines: [
      ['related', `CamCard - Digital business card is by INTSIG Information Co., Ltd., the developer of CamScanner, which US Executive Order 13971 (Jan 5, 2021) names; the measure names CamScanner, not CamCard - Digital business card — ${EO13971}`],
      ['related', `CamCard - Digital business card is by INTSIG Information Co., Ltd., the developer of CamScanner, which the Texas prohibited technologies list names (added Jan 23, 2023); the measure names CamScanner, not CamCard - Digital business card — ${TX}`],
    ],
    namedOn: { 'us-eo-13971': '2021-01-05', 'tx-dir-prohibited-technologies': '2023-01-23' },
  },
  {
    what: 'the real DeepSeek listing: its legal name as developer plus the title (F15)',
    pkg: 'com.deepseek.chat', name: 'DeepSeek - AI Assistant', developer: 'Hangzhou DeepSeek Artificial Intelligence Co., Ltd.',
    entity: 'app-deepseek', tier: 2, effect: 'restricts',
    lines: [['restricts', `DeepSeek is named in the Texas prohibited technologies list (added Jan 31, 2025) — ${TX}`]],
    namedOn: { 'tx-dir-prohibited-technologies': '2025-01-31' },
  },
  {
    what: 'a Kaspersky listing by AO Kaspersky Lab (F15)',
    pkg: 'com.kms.free', name: 'Kaspersky Security &amp; VPN', developer: 'AO Kaspersky Lab',
    entity: 'app-kaspersky', tier: 2, effect: 'restricts',
    lines: [
      ['restricts', `Kaspersky Security & VPN is by Kaspersky, which the Texas prohibited technologies list names (added Jan 23, 2023) — ${TX}`],
      ['restricts', "Kaspersky Security & VPN is by Kaspersky Lab, Inc., which the Commerce Department's Kaspersky Final Determination (June 20, 2024) names — in force: new agreements, updates, Kaspersky Security Network operation and resale prohibited"],
    ],
    namedOn: { 'tx-dir-prohibited-technologies': '2023-01-23', 'us-commerce-kaspersky-final-determination': '2024-06-20' },
  },
  {
    // developer shown is test input (AlipayHK's operator is not recorded)
    what: 'AlipayHK: related to Alipay, information only',
    pkg: 'hk.alipay.wallet', name: 'AlipayHK', developer: 'AlipayHK operator',
    entity: 'app-alipayhk', tier: 2, effect: 'related',
    lines: [
      ['related', `AlipayHK is related to Alipay, which US Executive Order 13971 (Jan 5, 2021) names; the measure names Alipay, not AlipayHK — ${EO13971}`],
      ['related', `AlipayHK is related to Alipay, which the Texas prohibited technologies list names (added Jan 23, 2023); the measure names Alipay, not AlipayHK — ${TX}`],
      ['related', 'AlipayHK is related to Alipay, which Ohio Executive Order 2023-03D (Jan 8, 2023) names; the measure names Alipay, not AlipayHK — in force for Ohio state-owned and state-leased devices'],
    ],
    namedOn: { 'us-eo-13971': '2021-01-05', 'tx-dir-prohibited-technologies': '2023-01-23', 'oh-eo-2023-03d': '2023-01-08' },
  },
  {
    what: 'TikTok: named by each measure; PAFACA resolved for its US app',
    pkg: 'com.zhiliaoapp.musically', name: 'TikTok - Videos, Shop &amp; LIVE', developer: 'TikTok Pte. Ltd.',
    entity: 'app-tiktok', tier: 1, effect: 'restricts',
    lines: [
      ['restricts', `TikTok is named in the Texas prohibited technologies list (Dec 7, 2022) — ${TX}`],
      ['restricts', `TikTok is named in Virginia Executive Order 24 (Dec 16, 2022) — ${VA}`],
      ['restricts', 'TikTok is named in the No TikTok on Government Devices Act (Dec 29, 2022) — in force for federal executive agency devices and covered contractor IT'],
      ['restricts', 'TikTok is named in Ohio Executive Order 2023-03D (Jan 8, 2023) — in force for Ohio state-owned and state-leased devices'],
      ['not-in-force', `TikTok is named in US Executive Order 13942 (Aug 6, 2020) — ${EO13942}`],
      ['not-in-force', `TikTok is named in PAFACA, the TikTok divest-or-ban law (Apr 24, 2024) — ${PAFACA_DIVESTED}`],
    ],
    namedOn: { 'tx-dir-prohibited-technologies': '2022-12-07', 'va-eo-24': '2022-12-16', 'us-no-tiktok-gov-devices': '2022-12-29', 'oh-eo-2023-03d': '2023-01-08', 'us-eo-13942': '2020-08-06', 'us-pafaca': '2024-04-24' },
  },
];

function mainListingOf(c: Case) {
  const html = playListingFromCapture({ pkg: c.pkg, name: c.name, developer: c.developer });
  const url = new URL(`https://play.google.com/store/apps/details?id=${c.pkg}&hl=en`);
  const main = googlePlay.extract(parseDocument(html), url).find((l) => l.role === 'main');
  if (!main) throw new Error(`no main listing for ${c.pkg}`);
  return main;
}

describe('real Play listings of the apps the measures reach (issue 9)', () => {
  for (const c of cases) {
    it(c.what, () => {
      const listing = mainListingOf(c);
      // the capture really was rewritten: the adapter reads the new title, developer and package
      expect(listing.developer).toBe(c.developer);
      expect(listing.ids).toContainEqual({ platform: 'google-play', value: c.pkg, from: 'url' });
      const f = matchListing(listing, index);
      expect(f).not.toBeNull();
      const e = index.entities[f!.entity]!;
      expect({ entity: e.id, tier: f!.tier }).toEqual({ entity: c.entity, tier: c.tier });
      const s = summarizeFinding(f!, index);
      expect(s.lines.map((l) => [l.effect, l.text])).toEqual(c.lines);
      expect(s.effect).toBe(c.effect);
      expect(s.possible).toBe(false);
      expect(Object.fromEntries(e.coverage.map((cv) => [index.measures[cv.m]!.id, cv.namedOn]))).toEqual(c.namedOn);
      for (const l of s.lines) expect(l.text).not.toMatch(/\bbanned\b/i);
    });
  }

  it('look-alikes on the same real page stay clean', () => {
    for (const [pkg, name, developer] of [
      ['com.example.larkplayer', 'Lark Player: Music Player &amp; MP3', 'Lark Player Studio'],
      ['com.example.lark', 'Lark', 'Lark Technologies, Inc.'],
      ['com.example.capcom', 'CAPCOM Arcade Stadium', 'CAPCOM Co., Ltd.'],
      ['com.example.lemonade', 'Lemonade Insurance', 'Lemonade Inc.'],
      ['com.example.seek', 'Seek by iNaturalist', 'iNaturalist'],
      ['com.example.scanner', 'Cam Scanner - PDF Scanner App', 'Scanner Tools Ltd'],
      ['com.example.tim', 'TIM', 'TIM S.p.A.'],
      ['com.example.kdocs', 'Kingsoft Docs', 'Kingsoft Corp.'],
    ] as const) {
      const f = matchListing(mainListingOf({ pkg, name, developer } as Case), index);
      expect(f === null || f.tier === 4, `${name} by ${developer}: ${f ? index.entities[f.entity]!.id + ' tier ' + f.tier : ''}`).toBe(true);
    }
  });
});
