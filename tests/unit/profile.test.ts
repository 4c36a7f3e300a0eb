// Profiles and verdicts (src/profile/*, verdict wording in src/match/wording.ts):
// whom each measure binds, and what a listing is for a reader with given profiles,
// on the shipped data at fixed dates.
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/dataset';
import type { Dataset, Measure } from '../../src/data/schema';
import { validateDataset } from '../../src/data/validate';
import { describeIndexAt } from '../../src/match/compile';
import { audiencePhrase, audienceSummary, describeFindings, restrictedCount, summarizeFinding, verdictOf, verdictSentence, type MeasureLine } from '../../src/match/wording';
import { measureAudiences } from '../../src/profile/audiences';
import { parseProfile, parseProfiles, profileBoundBy, profileKey, type Profile } from '../../src/profile/profile';
import { REGIONS, regionOfJurisdiction } from '../../src/profile/regions';
import { verdictFor } from '../../src/profile/verdict';
import { US_STATES } from '../../src/data/us-states';

const FEDERAL: Profile[] = [{ role: 'government', region: 'US' }];
const TEXAS: Profile[] = [{ role: 'government', region: 'US-TX' }];
const JOURNALIST: Profile[] = [{ role: 'journalist' }];
const NEUTRAL: Profile[] = [];

const DATE = '2025-06-01';
const index = describeIndexAt(dataset, DATE);
const summary = (entityId: string, tier: 1 | 2 | 3 = 1) => {
  const entity = index.entities.findIndex((e) => e.id === entityId);
  expect(entity, entityId).toBeGreaterThanOrEqual(0);
  return summarizeFinding({ entity, tier, evidence: [], role: 'main' }, index);
};
const verdict = (entityId: string, profiles: Profile[], tier: 1 | 2 | 3 = 1) => verdictOf(summary(entityId, tier), profiles);

describe('audiences', () => {
  it('every measure resolves to at least one audience in a known region', () => {
    for (const m of dataset.measures) {
      const a = measureAudiences(m);
      expect(a.length, m.id).toBeGreaterThan(0);
      for (const x of a) expect(REGIONS.has(x.region), `${m.id}: ${x.region}`).toBe(true);
    }
  });

  it('a measure without audiences falls back to its jurisdiction: a state\'s government devices', () => {
    for (const state of US_STATES) {
      const [a, ...rest] = measureAudiences({ jurisdiction: state });
      expect(rest).toEqual([]);
      expect(a!.who).toBe('government-devices');
      expect(a!.region).toBe(regionOfJurisdiction(state));
    }
    expect(measureAudiences({ jurisdiction: 'Wyoming' })).toEqual([{ region: 'US-WY', who: 'government-devices' }]);
    expect(measureAudiences({ jurisdiction: 'United States (federal)' })).toEqual([{ region: 'US', who: 'government-devices' }]);
    expect(measureAudiences({ jurisdiction: 'Atlantis' })).toEqual([]);
  });

  it('the shipped data says whom each measure binds in its own jurisdiction', () => {
    for (const m of dataset.measures) {
      expect(m.audiences?.length, `${m.id}: audiences`).toBeGreaterThan(0);
      const home = regionOfJurisdiction(m.jurisdiction)!;
      for (const a of m.audiences!) expect(a.region.startsWith(home), `${m.id}: ${a.region} in ${m.jurisdiction}`).toBe(true);
    }
    const of = (id: string) => dataset.measures.find((m) => m.id === id)!.audiences;
    expect(of('us-no-tiktok-gov-devices')).toContainEqual({ region: 'US', who: 'government-devices' });
    expect(of('tx-dir-prohibited-technologies')).toContainEqual({ region: 'US-TX', who: 'government-devices' });
    expect(of('in-meity-69a-2020')).toEqual([{ region: 'IN', who: 'public' }]);
    expect(of('us-house-cao-bytedance-2024')).toEqual([{ region: 'US', who: 'house' }]);
  });

  it("the Department of Defense's contracting binds its procurement officers only: another US procurement officer is told it binds others, in its own words", () => {
    const dod = { region: 'US', who: 'dod-procurement' } as const;
    const dodBuyer = { role: 'procurement', region: 'US-DOD' } as const;
    for (const p of [...FEDERAL, { role: 'procurement', region: 'US' } as const, { role: 'procurement', region: 'US-TX' } as const, ...JOURNALIST]) expect(profileBoundBy(p, dod)).toBe(false);
    expect(profileBoundBy(dodBuyer, dod)).toBe(true);
    expect(audiencePhrase(dod)).toBe('Department of Defense contracting');
    // AliExpress after June 30, 2026 (Alibaba on the 1260H list): the verdict names that audience, and does not bind the reader.
    const later = describeIndexAt(dataset, '2026-07-01');
    const aliexpress = (index: ReturnType<typeof describeIndexAt>) =>
      summarizeFinding({ entity: index.entities.findIndex((e) => e.id === 'app-aliexpress'), tier: 1, evidence: [], role: 'main' }, index);
    const v = verdictOf(aliexpress(later), [{ role: 'procurement', region: 'US' }]);
    expect(v.verdict.kind).toBe('restricted-elsewhere');
    expect(v.text).toMatch(/^Restricted for others, not for you — .*Department of Defense contracting/);
    // The Department of Defense's procurement officer: restricted for them, from June 30, 2026 (§805), not before.
    const forDod = verdictOf(aliexpress(later), [dodBuyer]);
    expect(forDod.verdict.kind).toBe('restricted-for-you');
    expect(forDod.text).toBe('Not allowed in your procurement — DoD Section 1260H list and NDAA FY2024 §805 (Department of Defense contracting)');
    const before = describeIndexAt(dataset, '2026-06-29');
    expect(verdictOf(aliexpress(before), [dodBuyer]).verdict.kind).not.toBe('restricted-for-you');
  });

  it("the Department of Defense's procurement officer: a US federal one too (devices, contractors, federal procurement), not a state's, and in the US for public measures", () => {
    const dodBuyer = { role: 'procurement', region: 'US-DOD' } as const;
    expect(parseProfile('procurement:US-DOD')).toEqual(dodBuyer);
    expect(profileKey(dodBuyer)).toBe('procurement:US-DOD');
    for (const bad of ['government:US-DOD', 'public:US-DOD', 'procurement:US-DOE']) expect(parseProfile(bad), bad).toBeUndefined();
    for (const who of ['government-devices', 'government-contractors', 'procurement', 'funding-recipients'] as const) expect(profileBoundBy(dodBuyer, { region: 'US', who }), who).toBe(true);
    expect(profileBoundBy(dodBuyer, { region: 'US', who: 'public' })).toBe(true);
    expect(profileBoundBy(dodBuyer, { region: 'US-TX', who: 'government-devices' })).toBe(false);
    expect(profileBoundBy(dodBuyer, { region: 'US-TX', who: 'procurement' })).toBe(false);
    expect(profileBoundBy(dodBuyer, { region: 'US', who: 'house' })).toBe(false);
    expect(profileBoundBy(dodBuyer, { region: 'IN', who: 'public' })).toBe(false);
  });

  it("one office's own devices are worded for where the office is: a state's, the federal government's, another country's", () => {
    // The data has state ones; a federal or foreign one added later reads right too.
    expect(audiencePhrase({ region: 'US-PA', who: 'one-agency' })).toBe("one Pennsylvania state office's devices");
    expect(audiencePhrase({ region: 'US', who: 'one-agency' })).toBe("one federal agency's devices");
    expect(audiencePhrase({ region: 'CA', who: 'one-agency' })).toBe("one Canada government office's devices");
  });

  it("states' government devices are grouped, with the possessive right for one other state and for several", () => {
    const tx = { region: 'US-TX', who: 'government-devices' } as const;
    const mt = { region: 'US-MT', who: 'government-devices' } as const;
    const fl = { region: 'US-FL', who: 'government-devices' } as const;
    expect(audienceSummary([tx])).toBe('Texas government devices');
    expect(audienceSummary([tx, mt])).toBe("Texas and 1 other state's government devices");
    expect(audienceSummary([tx, mt, fl, mt])).toBe("Texas and 2 other states' government devices");
  });

  it('the validator rejects an unknown region, a region outside the jurisdiction and an unknown audience', () => {
    const tx = dataset.measures.find((m) => m.id === 'tx-dir-prohibited-technologies')!;
    const bad = (audiences: unknown): string[] => {
      const d: Dataset = { ...dataset, measures: dataset.measures.map((m) => (m === tx ? ({ ...m, audiences } as Measure) : m)) };
      const r = validateDataset(d);
      return r.ok ? [] : r.errors;
    };
    expect(bad([{ region: 'US-XX', who: 'government-devices' }]).join()).toMatch(/audiences\[0\]\.region/);
    expect(bad([{ region: 'US', who: 'government-devices' }]).join()).toMatch(/outside the measure's jurisdiction/);
    expect(bad([{ region: 'US-TX', who: 'everyone' }]).join()).toMatch(/audiences\[0\]\.who/);
    expect(bad([]).join()).toMatch(/audiences: must be a non-empty array/);
    expect(bad([{ region: 'US-TX', who: 'government-contractors' }])).toEqual([]);
  });
});

describe('profiles', () => {
  it('parse from objects and from the key form policies use; anything else is refused', () => {
    expect(parseProfile('government:US-TX')).toEqual({ role: 'government', region: 'US-TX' });
    expect(parseProfile('journalist')).toEqual({ role: 'journalist' });
    expect(parseProfile({ role: 'public', region: 'IN' })).toEqual({ role: 'public', region: 'IN' });
    expect(parseProfile({ role: 'procurement', region: 'CA' })).toBeUndefined(); // procurement: the US or a state
    expect(parseProfile({ role: 'public', region: 'US-TX' })).toBeUndefined(); // the public of a country
    expect(parseProfile({ role: 'government', region: 'Texas' })).toBeUndefined();
    expect(parseProfile({ role: 'admin' })).toBeUndefined();
    expect(parseProfile('government:US:x')).toBeUndefined();
    expect(parseProfiles(['government:US', { role: 'government', region: 'US' }, 'journalist'])).toEqual([...FEDERAL, ...JOURNALIST]);
    expect(parseProfiles(['government:US', 42])).toBeUndefined();
    expect(parseProfiles('government:US')).toBeUndefined();
    expect(profileKey(TEXAS[0]!)).toBe('government:US-TX');
  });

  it('a government profile is bound by its own government\'s devices, and by public measures in its country', () => {
    const [fed] = FEDERAL;
    const [tx] = TEXAS;
    expect(profileBoundBy(fed!, { region: 'US', who: 'government-devices' })).toBe(true);
    expect(profileBoundBy(fed!, { region: 'US-TX', who: 'government-devices' })).toBe(false);
    expect(profileBoundBy(tx!, { region: 'US', who: 'government-devices' })).toBe(false);
    expect(profileBoundBy(tx!, { region: 'US', who: 'app-stores' })).toBe(true); // a Texas employee is in the US
    expect(profileBoundBy(fed!, { region: 'US', who: 'procurement' })).toBe(false);
    expect(profileBoundBy({ role: 'procurement', region: 'US' }, { region: 'US', who: 'procurement' })).toBe(true);
    expect(profileBoundBy({ role: 'public', region: 'IN' }, { region: 'IN', who: 'public' })).toBe(true);
    expect(profileBoundBy({ role: 'public', region: 'IN' }, { region: 'US', who: 'government-devices' })).toBe(false);
    expect(profileBoundBy({ role: 'journalist' }, { region: 'US', who: 'public' })).toBe(false);
  });
});

describe(`verdicts per profile on ${DATE}`, () => {
  it('US federal: TikTok is restricted for you, CamScanner is not', () => {
    const tiktok = verdict('app-tiktok', FEDERAL);
    expect(tiktok.verdict.kind).toBe('restricted-for-you');
    expect(tiktok.verdict.deciding.map((l) => l.measure.id)).toContain('us-no-tiktok-gov-devices');
    expect(tiktok.text).toMatch(/^Not allowed on your work devices — No TikTok on Government Devices Act \(federal devices\)/);
    const cam = verdict('app-camscanner', FEDERAL);
    expect(cam.verdict.kind).toBe('restricted-elsewhere');
    expect(cam.text).toMatch(/^Restricted for others, not for you — .*Texas government devices/);
  });

  it('Texas: both are restricted for you, by the Texas list', () => {
    for (const id of ['app-tiktok', 'app-camscanner']) {
      const v = verdict(id, TEXAS);
      expect(v.verdict.kind, id).toBe('restricted-for-you');
      expect(v.verdict.deciding[0]!.measure.id).toBe('tx-dir-prohibited-technologies');
      expect(v.text).toMatch(/^Not allowed on your work devices — Texas prohibited technologies list \(Texas government devices\)/);
    }
  });

  it('journalist: everything — both restricted (for some audiences), every line shown, history included, nothing said to bind them', () => {
    for (const id of ['app-tiktok', 'app-camscanner']) {
      const s = summary(id);
      const v = verdictOf(s, JOURNALIST);
      expect(v.verdict.kind).toBe('restricted-elsewhere');
      expect(v.text).toMatch(/^Restricted for some audiences — /);
      expect(v.lines).toHaveLength(s.lines.length);
    }
    const cam = verdictOf(summary('app-camscanner'), JOURNALIST);
    expect(cam.lines.some((l) => l.effect === 'not-in-force' && l.measure.id === 'us-eo-13971')).toBe(true);
  });

  it('neutral: implies nothing about the reader', () => {
    for (const e of index.entities) {
      const v = verdict(e.id, NEUTRAL);
      expect(v.verdict.kind).not.toBe('restricted-for-you');
      expect(v.text, e.id).not.toMatch(/\byou(r)?\b/i);
    }
  });

  it('several profiles at once: restricted when any binds', () => {
    expect(verdict('app-camscanner', [...FEDERAL, ...TEXAS]).verdict.kind).toBe('restricted-for-you');
    expect(verdict('app-camscanner', [...FEDERAL, ...JOURNALIST]).verdict.kind).toBe('restricted-elsewhere');
  });

  it('in-force lines binding you come first, then the rest in force, then history, then information', () => {
    const { lines } = verdict('app-camscanner', TEXAS);
    expect(lines[0]!.measure.id).toBe('tx-dir-prohibited-technologies');
    const ranks = lines.map((l) => ({ restricts: 0, 'not-in-force': 1, related: 2 })[l.effect]);
    expect(ranks).toEqual([...ranks].sort());
  });

  it('a name-only match is a possible match, whatever its lines', () => {
    const v = verdict('app-tiktok', FEDERAL, 3);
    expect(v.verdict.kind).toBe('possible-match');
    expect(v.verdict.underlying).toBe('restricted-for-you');
    expect(v.text).toBe('Possible match — name only, developer not shown');
  });

  it('history only: measures named it, none in force', () => {
    // CamScanner's lines on the day EO 13971 was revoked, without the India list (the only other measure then)
    const at = describeIndexAt(dataset, '2021-06-10');
    const entity = at.entities.findIndex((e) => e.id === 'app-camscanner');
    const s = summarizeFinding({ entity, tier: 1, evidence: [], role: 'main' }, at);
    const lines = s.lines.filter((l) => l.measure.id !== 'in-meity-69a-2020');
    const v = verdictFor(FEDERAL, lines);
    expect(v.kind).toBe('history-only');
    expect(verdictSentence(v, FEDERAL)).toMatch(/^History only — US Executive Order 13971: never implemented; revoked June 9, 2021 by EO 14034/);
  });

  it('information only: related, never named', () => {
    const line = (effect: MeasureLine['effect']) => ({ ...summary('app-camscanner').lines[0]!, effect });
    const v = verdictFor(TEXAS, [line('related')]);
    expect(v.kind).toBe('related-info');
    expect(verdictSentence(v, TEXAS)).toMatch(/^Information only — not named itself; related to what /);
  });
});

describe('counts and descriptions per profile', () => {
  const findings = ['app-tiktok', 'app-camscanner', 'app-camscanner'].map((entityId, i) => ({
    entityId,
    tier: 1 as const,
    evidence: [],
    role: 'card' as const,
    key: `k${i}`,
  }));

  it('the toolbar count counts what restricts you (neutral: any restriction), each app once', () => {
    expect(restrictedCount(findings, index, NEUTRAL)).toBe(2);
    expect(restrictedCount(findings, index, JOURNALIST)).toBe(2);
    expect(restrictedCount(findings, index, FEDERAL)).toBe(1);
    expect(restrictedCount(findings, index, TEXAS)).toBe(2);
    expect(restrictedCount(findings, index, [{ role: 'public', region: 'TW' }])).toBe(0);
  });

  it('descriptions carry the verdict, whether it counts, and which lines bind the reader', () => {
    const d = describeFindings(findings, index, FEDERAL);
    expect(d.summaries.k0!.verdict).toBe('restricted-for-you');
    expect(d.summaries.k0!.counts).toBe(true);
    expect(d.summaries.k0!.lines[0]!.forYou).toBe(true);
    expect(d.summaries.k1!.verdict).toBe('restricted-elsewhere');
    expect(d.summaries.k1!.counts).toBe(false);
    expect(d.summaries.k1!.lines.some((l) => l.forYou)).toBe(false);
    expect(describeFindings(findings, index).summaries.k1!.counts).toBe(true);
  });
});
