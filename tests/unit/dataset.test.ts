import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { validateDataset, identifierKey } from '../../src/data/validate';
import { coverageFor, isInForce, measureStatusAt, RESTRICTING_RELATIONS } from '../../src/data/status';
import type { Dataset, Measure, Source } from '../../src/data/schema';
import { compileIndex } from '../../src/match/compile';
import { relationSentence } from '../../src/match/wording';

const measure = (id: string): Measure => {
  const m = dataset.measures.find((x) => x.id === id);
  if (!m) throw new Error(`no measure ${id}`);
  return m;
};
const coveredBy = (entityId: string, date = dataset.asOf) => coverageFor(entityId, dataset, date).map((c) => c.measure.id);
const clone = (): Dataset => JSON.parse(JSON.stringify(dataset)) as Dataset;

describe('dataset validates', () => {
  it('passes the validator', () => {
    const r = validateDataset(dataset);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.ok).toBe(true);
  });

  it('has the required measures', () => {
    for (const id of [
      'us-eo-13971', 'us-eo-13942', 'us-eo-13943', 'us-eo-14034', 'us-pafaca',
      'us-no-tiktok-gov-devices', 'tx-dir-prohibited-technologies', 'oh-eo-2023-03d', 'va-eo-24', 'va-sb-1459',
    ])
      expect(dataset.measures.some((m) => m.id === id), id).toBe(true);
  });

  it('EO 13971 names the eight apps in the order\'s words', () => {
    const m = measure('us-eo-13971');
    expect(m.names.map((n) => n.label)).toEqual([
      'Alipay', 'CamScanner', 'QQ Wallet', 'SHAREit', 'Tencent QQ', 'VMate', 'WeChat Pay', 'WPS Office',
    ]);
    expect(m.names.every((n) => n.reach === 'app')).toBe(true);
    expect(m.citation).toContain('86 FR 1249');
    expect(m.verbatim?.[0]?.text).toContain('Alipay, CamScanner, QQ Wallet, SHAREit, Tencent QQ, VMate, WeChat Pay, and WPS Office');
    expect(measure('us-eo-14034').names).toEqual([]);
  });
});

describe('provenance', () => {
  it('every measure, event, verbatim quote, entity, identifier, developer name and look-alike has a source', () => {
    const missing: string[] = [];
    for (const m of dataset.measures) {
      if (!m.sources.length) missing.push(`${m.id}.sources`);
      m.timeline.forEach((t, i) => { if (!t.sources.length) missing.push(`${m.id}.timeline[${i}]`); });
      m.verbatim?.forEach((v, i) => { if (!v.source?.url) missing.push(`${m.id}.verbatim[${i}]`); });
    }
    for (const e of dataset.entities) {
      if (!e.sources.length) missing.push(`${e.id}.sources`);
      e.identifiers.forEach((x, i) => { if (!x.sources.length) missing.push(`${e.id}.identifiers[${i}]`); });
      e.storeDeveloperNames?.forEach((x, i) => { if (!x.sources.length) missing.push(`${e.id}.storeDeveloperNames[${i}]`); });
      e.lookAlikes?.forEach((x, i) => { if (!x.sources.length) missing.push(`${e.id}.lookAlikes[${i}]`); });
    }
    expect(missing).toEqual([]);
  });

  it('values known only from unnamed search-index files are never verified', () => {
    const bad: string[] = [];
    for (const e of dataset.entities) {
      for (const x of [...e.identifiers, ...(e.storeDeveloperNames ?? [])])
        if (x.verified && x.sources.every((s) => s.url.startsWith('search-index:'))) bad.push(`${e.id}: ${JSON.stringify(x)}`);
    }
    expect(bad).toEqual([]);
  });

  it('source URLs are http(s), repo: or search-index: only', () => {
    const all = [
      ...dataset.measures.flatMap((m) => [...m.sources, ...m.timeline.flatMap((t) => t.sources), ...(m.verbatim ?? []).map((v) => v.source)]),
      ...dataset.entities.flatMap((e) => [
        ...e.sources,
        ...e.identifiers.flatMap((x) => x.sources),
        ...(e.storeDeveloperNames ?? []).flatMap((x) => x.sources),
        ...(e.lookAlikes ?? []).flatMap((x) => x.sources),
      ]),
    ];
    for (const s of all) expect(s.url).toMatch(/^(https?:\/\/|repo:|search-index:G:\d+$)/);
  });

  it('no status text says "banned" unless the measure is in force', () => {
    for (const m of dataset.measures)
      for (const t of m.timeline) if (t.status && t.status.code !== 'in-force') expect(t.status.text).not.toMatch(/banned/i);
  });
});

describe('referential integrity', () => {
  const ids = new Set(dataset.entities.map((e) => e.id));
  it('has unique ids', () => {
    expect(ids.size).toBe(dataset.entities.length);
    expect(new Set(dataset.measures.map((m) => m.id)).size).toBe(dataset.measures.length);
  });
  it('has no dangling ids', () => {
    const dangling: string[] = [];
    for (const e of dataset.entities) {
      for (const [f, v] of [['developerId', e.developerId], ['parentId', e.parentId], ['hostAppId', e.hostAppId], ['variantOf', e.variantOf?.entityId]] as const)
        if (v !== undefined && !ids.has(v)) dangling.push(`${e.id}.${f} -> ${v}`);
    }
    for (const m of dataset.measures) for (const n of m.names) if (!ids.has(n.entityId)) dangling.push(`${m.id}.names -> ${n.entityId}`);
    expect(dangling).toEqual([]);
  });
  it('apps and features carry a developer; features a host app', () => {
    for (const e of dataset.entities) {
      if (e.kind !== 'company') expect(e.developerId, e.id).toBeDefined();
      if (e.kind === 'feature') expect(e.hostAppId, e.id).toBeDefined();
    }
  });
  it('feature entities carry no identifier of their host app', () => {
    const qq = dataset.entities.find((e) => e.id === 'feature-qq-wallet');
    expect(qq?.identifiers.some((x) => x.value === 'com.tencent.mobileqq')).toBe(false);
    expect(dataset.entities.find((e) => e.id === 'app-tencent-qq')?.identifiers.some((x) => x.platform === 'domain' && x.value === 'qq.com')).toBe(false);
  });
});

describe('identifiers', () => {
  const owners = new Map<string, string[]>();
  for (const e of dataset.entities)
    for (const x of e.identifiers) {
      const k = identifierKey(x.platform, x.value);
      owners.set(k, [...(owners.get(k) ?? []), e.id]);
    }
  it('no identifier is claimed twice', () => {
    const dup = [...owners].filter(([, v]) => v.length > 1);
    expect(dup).toEqual([]);
  });
  it('every look-alike identifier is not a covered identifier', () => {
    const clash: string[] = [];
    for (const e of dataset.entities)
      for (const l of e.lookAlikes ?? [])
        for (const x of l.identifiers ?? []) if (owners.has(identifierKey(x.platform, x.value))) clash.push(`${e.id}: ${l.name} ${x.value}`);
    expect(clash).toEqual([]);
  });
  it('apple ids are digits only and Microsoft Store ids upper case', () => {
    for (const e of dataset.entities)
      for (const x of e.identifiers) {
        if (x.platform === 'apple' || x.platform === 'apple-mac') expect(x.value).toMatch(/^\d+$/);
        if (x.platform === 'microsoft-store') expect(x.value).toBe(x.value.toUpperCase());
        if (x.platform === 'domain') expect(x.value).toBe(x.value.toLowerCase());
      }
  });
  it('VidMate is a look-alike of VMate, not an identifier', () => {
    const vmate = dataset.entities.find((e) => e.id === 'app-vmate');
    expect(vmate?.lookAlikes?.some((l) => l.identifiers?.some((x) => x.value === 'com.nemo.vidmate'))).toBe(true);
    expect(owners.has('google-play:com.nemo.vidmate')).toBe(false);
  });
});

describe('status at fixed dates', () => {
  it('EO 13971 on 2021-02-01 is pending "signed; not yet implemented"', () => {
    expect(measureStatusAt(measure('us-eo-13971'), '2021-02-01')).toEqual({ code: 'pending', text: 'signed; not yet implemented' });
  });
  it('EO 13971 before signing is pending "not yet signed"', () => {
    expect(measureStatusAt(measure('us-eo-13971'), '2020-12-31')).toEqual({ code: 'pending', text: 'not yet signed' });
  });
  it('EO 13971 on 2021-03-01 is pending: never implemented', () => {
    const s = measureStatusAt(measure('us-eo-13971'), '2021-03-01');
    expect(s.code).toBe('pending');
    expect(s.text).toMatch(/never implemented/);
  });
  it('EO 13971 on 2021-07-01 is revoked', () => {
    const s = measureStatusAt(measure('us-eo-13971'), '2021-07-01');
    expect(s.code).toBe('revoked');
    expect(s.text).toBe('never implemented; revoked June 9, 2021 by EO 14034');
  });
  it('EO 13943 on 2020-10-01 is enjoined', () => {
    expect(measureStatusAt(measure('us-eo-13943'), '2020-10-01').code).toBe('enjoined');
  });
  it('EO 13942 on 2020-12-31 is enjoined and revoked as of the dataset date', () => {
    expect(measureStatusAt(measure('us-eo-13942'), '2020-12-31').code).toBe('enjoined');
    expect(measureStatusAt(measure('us-eo-13942'), dataset.asOf).code).toBe('revoked');
  });
  it('EO 14034 is in force', () => {
    // F25: a bare "in force" would read as a restriction; it says what the order is
    expect(measureStatusAt(measure('us-eo-14034'), dataset.asOf)).toEqual({ code: 'in-force', text: 'in force; it revoked EOs 13942, 13943 and 13971 and names no app' });
  });
  it('PAFACA on 2025-03-01 is enforcement-paused', () => {
    const s = measureStatusAt(measure('us-pafaca'), '2025-03-01');
    expect(s.code).toBe('enforcement-paused');
    expect(s.text).toMatch(/April 5, 2025/);
  });
  it('PAFACA: the law stays in force; after Jan 22, 2026 its status differs per entity (TikTok resolved, other ByteDance apps in force)', () => {
    expect(measureStatusAt(measure('us-pafaca'), dataset.asOf).code).toBe('in-force');
    const at = (id: string, date: string) => coverageFor(id, dataset, date).find((c) => c.measure.id === 'us-pafaca')!;
    // before the divestiture closed: enforcement paused for all
    expect(at('app-tiktok', '2026-01-21').status.code).toBe('enforcement-paused');
    expect(at('app-lemon8', '2026-01-21').status.code).toBe('enforcement-paused');
    // after: TikTok (and its builds) resolved, never counted as in force
    for (const id of ['app-tiktok', 'app-tiktok-lite']) {
      const c = at(id, '2026-02-01');
      expect(c.status.code, id).toBe('resolved');
      expect(isInForce(c.status), id).toBe(false);
      expect(c.status.text).toMatch(/TikTok USDS Joint Venture LLC/);
    }
    // other ByteDance apps: in force, reached through the company
    const lemon8 = at('app-lemon8', '2026-02-01');
    expect(lemon8).toMatchObject({ relation: 'names-company', viaEntityId: 'co-bytedance' });
    expect(lemon8.status.code).toBe('in-force');
  });
  it('dates per naming: the date a list began naming an entity, not the list\'s first date', () => {
    const tx = (id: string) => coverageFor(id, dataset, dataset.asOf).find((c) => c.measure.id === 'tx-dir-prohibited-technologies')!;
    expect(tx('app-deepseek')).toMatchObject({ namedOn: '2025-01-31', namedFromStart: false });
    expect(tx('co-xiaomi')).toMatchObject({ namedOn: '2026-01-26', namedFromStart: false, relation: 'names-it' });
    expect(tx('app-tiktok')).toMatchObject({ namedOn: '2022-12-07', namedFromStart: true });
    // not yet named on an earlier date
    expect(coverageFor('app-deepseek', dataset, '2025-01-30').some((c) => c.measure.id === 'tx-dir-prohibited-technologies')).toBe(false);
  });
  it('a related app is information only, and its coverage never passes up to its developer (F21, F23)', () => {
    const hk = coverageFor('app-alipayhk', dataset, dataset.asOf);
    expect(hk.every((c) => c.relation === 'related')).toBe(true);
    expect(coverageFor('co-alipayhk-operator', dataset, dataset.asOf)).toEqual([]);
    for (const c of coverageFor('app-wps-pdf', dataset, dataset.asOf)) expect(RESTRICTING_RELATIONS.has(c.relation)).toBe(false);
    // INTSIG develops CamScanner: 'develops', information only
    const intsig = coverageFor('co-intsig', dataset, dataset.asOf);
    expect(intsig.map((c) => c.relation)).toEqual(intsig.map(() => 'develops'));
  });
  it('No TikTok on Government Devices and the Texas list are in force', () => {
    expect(measureStatusAt(measure('us-no-tiktok-gov-devices'), dataset.asOf).code).toBe('in-force');
    expect(measureStatusAt(measure('tx-dir-prohibited-technologies'), dataset.asOf).code).toBe('in-force');
    expect(measureStatusAt(measure('oh-eo-2023-03d'), dataset.asOf).code).toBe('in-force');
    expect(measureStatusAt(measure('va-eo-24'), dataset.asOf).code).toBe('in-force');
  });
  it('no 2020-21 app executive order is in force as of the dataset date', () => {
    for (const id of ['us-eo-13971', 'us-eo-13942', 'us-eo-13943']) expect(measureStatusAt(measure(id), dataset.asOf).code).toBe('revoked');
  });
});

describe('coverage', () => {
  it('WeChat Pay (feature) is covered by EO 13971 and the Texas list', () => {
    const c = coveredBy('feature-wechat-pay');
    expect(c).toContain('us-eo-13971');
    expect(c).toContain('tx-dir-prohibited-technologies');
    expect(coverageFor('feature-wechat-pay', dataset, dataset.asOf).find((x) => x.measure.id === 'us-eo-13971')?.relation).toBe('names-it');
  });
  it('WeChat carries WeChat Pay: EO 13971 reaches it as a hosted feature; EO 13943 names it directly', () => {
    const c = coverageFor('app-wechat', dataset, dataset.asOf);
    expect(c.find((x) => x.measure.id === 'us-eo-13971')).toMatchObject({ relation: 'names-feature', viaEntityId: 'feature-wechat-pay' });
    expect(c.find((x) => x.measure.id === 'us-eo-13943')?.relation).toBe('names-it');
  });
  it('Tencent QQ is named by EO 13971 directly and carries QQ Wallet', () => {
    const c = coverageFor('app-tencent-qq', dataset, dataset.asOf);
    expect(c.find((x) => x.measure.id === 'us-eo-13971')?.relation).toBe('names-it');
  });
  it('QQ Music is covered by Texas (Tencent Holdings reach) but not by EO 13971', () => {
    const c = coverageFor('app-qq-music', dataset, dataset.asOf);
    const ids = c.map((x) => x.measure.id);
    expect(ids).toContain('tx-dir-prohibited-technologies');
    expect(ids).not.toContain('us-eo-13971');
    expect(ids).not.toContain('us-eo-13943');
    expect(c.find((x) => x.measure.id === 'tx-dir-prohibited-technologies')).toMatchObject({ relation: 'names-company', viaEntityId: 'co-tencent' });
  });
  it('TikTok is covered by PAFACA, EO 13942, No TikTok on Gov Devices, Texas and Virginia', () => {
    const c = coveredBy('app-tiktok');
    for (const id of ['us-pafaca', 'us-eo-13942', 'us-no-tiktok-gov-devices', 'tx-dir-prohibited-technologies', 'va-eo-24']) expect(c).toContain(id);
    expect(c).not.toContain('us-eo-13971');
  });
  it('TikTok Lite counts as TikTok (variant); TIM is only related to Tencent QQ', () => {
    expect(coverageFor('app-tiktok-lite', dataset, dataset.asOf).find((x) => x.measure.id === 'us-no-tiktok-gov-devices')?.relation).toBe('names-build-of');
    expect(coverageFor('app-tim', dataset, dataset.asOf).find((x) => x.measure.id === 'us-eo-13971')?.relation).toBe('related');
  });
  it('Texas list additions apply only from the date they were added', () => {
    expect(coveredBy('app-deepseek', '2025-01-01')).not.toContain('tx-dir-prohibited-technologies');
    expect(coveredBy('app-deepseek', '2025-02-01')).toContain('tx-dir-prohibited-technologies');
  });
  it('VMate is reached by Texas directly (and via Alibaba since 2026)', () => {
    expect(coverageFor('app-vmate', dataset, dataset.asOf).find((x) => x.measure.id === 'tx-dir-prohibited-technologies')?.relation).toBe('names-it');
  });
  it('reports the status as of the date asked', () => {
    const c = coverageFor('app-alipay', dataset, '2021-02-01').find((x) => x.measure.id === 'us-eo-13971');
    expect(c?.status).toEqual({ code: 'pending', text: 'signed; not yet implemented' });
    expect(coveredBy('app-alipay', '2020-06-01')).toEqual([]);
  });
});

describe('validator reports broken entries', () => {
  it('names the entry and field when an identifier source is removed', () => {
    const d = clone();
    const i = d.entities.findIndex((e) => e.id === 'app-vmate');
    d.entities[i]!.identifiers[0]!.sources = [];
    const r = validateDataset(d);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContain(`entities[${i}] (app-vmate).identifiers[0].sources: must have at least one source`);
  });
  it('names the measure event when a timeline source is removed', () => {
    const d = clone();
    const i = d.measures.findIndex((m) => m.id === 'us-eo-13971');
    d.measures[i]!.timeline[0]!.sources = [];
    const r = validateDataset(d);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContain(`measures[${i}] (us-eo-13971).timeline[0].sources: must have at least one source`);
  });
  it('reports dangling ids, duplicate identifiers, covered look-alikes, bad dates and unsorted timelines', () => {
    const d = clone();
    const vm = d.entities.findIndex((e) => e.id === 'app-vmate');
    const cam = d.entities.findIndex((e) => e.id === 'app-camscanner');
    d.entities[vm]!.developerId = 'co-nobody';
    d.entities[cam]!.identifiers.push({ platform: 'google-play', value: 'COM.UC.VMATE', verified: true, sources: [{ url: 'https://example.org' }] });
    d.entities[cam]!.lookAlikes!.push({ name: 'x', identifiers: [{ platform: 'google-play', value: 'com.tencent.mm' }], why: 'x', sources: [{ url: 'https://example.org' }] });
    const m = d.measures.findIndex((x) => x.id === 'us-pafaca');
    d.measures[m]!.timeline.reverse();
    d.measures[m]!.dates.signed = '2024-02-30';
    const r = validateDataset(d);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const all = r.errors.join('\n');
    expect(all).toContain(`entities[${vm}] (app-vmate).developerId: unknown entity "co-nobody"`);
    // the later of the two claims is reported, naming the earlier one
    expect(all).toMatch(/\(app-vmate\)\.identifiers\[0\]\.value: google-play "com\.uc\.vmate" is already claimed by entities\[\d+\] \(app-camscanner\)\.identifiers\[\d+\]/);
    expect(all).toMatch(/app-camscanner\)\.lookAlikes\[\d+\]\.identifiers\[0\]\.value: look-alike google-play "com\.tencent\.mm" is a covered identifier/);
    expect(all).toContain(`measures[${m}] (us-pafaca).dates.signed: must be an ISO date`);
    expect(all).toMatch(/us-pafaca\)\.timeline\[1\]\.date: timeline must be sorted by date/);
  });
  it('rejects a verified identifier whose only source is an unnamed search-index file', () => {
    const d = clone();
    const i = d.entities.findIndex((e) => e.id === 'app-camscanner');
    const j = d.entities[i]!.identifiers.findIndex((x) => x.value === 'com.intsig.camscannerhd');
    d.entities[i]!.identifiers[j]!.verified = true;
    const r = validateDataset(d);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContain(`entities[${i}] (app-camscanner).identifiers[${j}].verified: must be false when every source is an unnamed search-index file`);
  });
});

describe('dataset files', () => {
  it('lists every measures/*.json and entities/*.json file exactly once', async () => {
    const { readdirSync } = await import('node:fs');
    const { MEASURE_FILES, ENTITY_FILES } = await import('../../src/data/dataset');
    const names = (dir: string) => readdirSync(new URL(`../../src/data/${dir}/`, import.meta.url)).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
    expect(Object.keys(MEASURE_FILES).sort()).toEqual(names('measures'));
    expect(Object.keys(ENTITY_FILES).sort()).toEqual(names('entities'));
  });
});

/** Every source a measure carries: its sources, timeline, verbatim quotes and per-naming status events. */
const sourcesOf = (m: Measure): { where: string; source: Source }[] => [
  ...m.sources.map((source, i) => ({ where: `${m.id}.sources[${i}]`, source })),
  ...m.timeline.flatMap((t, j) => t.sources.map((source, i) => ({ where: `${m.id}.timeline[${j}].sources[${i}]`, source }))),
  ...(m.verbatim ?? []).map((v, i) => ({ where: `${m.id}.verbatim[${i}].source`, source: v.source })),
  ...m.names.flatMap((n) =>
    (n.statusEvents ?? []).flatMap((ev, j) => ev.sources.map((source, i) => ({ where: `${m.id}.names(${n.entityId}).statusEvents[${j}].sources[${i}]`, source }))),
  ),
];
const txStatus = (entityId: string, date = dataset.asOf) =>
  coverageFor(entityId, dataset, date).find((c) => c.measure.id === 'tx-dir-prohibited-technologies')?.status;
const pafacaFor = (entityId: string, date: string) => coverageFor(entityId, dataset, date).find((c) => c.measure.id === 'us-pafaca')!;

describe('measures: sources ranked, key sentences, review dates (issue 9)', () => {
  it('every source in every measure says whether it is primary or secondary', () => {
    const unranked = dataset.measures.flatMap(sourcesOf).filter(({ source }) => source.kind !== 'primary' && source.kind !== 'secondary');
    expect(unranked.map((u) => u.where)).toEqual([]);
  });
  it('every measure quotes a key sentence from a primary text, or says why none was found', () => {
    const bad = dataset.measures.filter((m) => !(m.verbatim ?? []).some((v) => v.source.kind === 'primary') && !m.noPrimaryText);
    expect(bad.map((m) => m.id)).toEqual([]);
    // and those that quote one are the ones with a primary text found
    for (const id of ['us-eo-13971', 'us-eo-13942', 'us-eo-13943', 'us-eo-14034', 'us-commerce-kaspersky-final-determination', 'tx-dir-prohibited-technologies'])
      expect(measure(id).verbatim?.some((v) => v.source.kind === 'primary'), id).toBe(true);
  });
  it('every repo:owner/name/path source in the measure files names its commit; none is a bare repository (F10)', () => {
    const repo = dataset.measures.flatMap(sourcesOf).filter(({ source }) => source.url.startsWith('repo:'));
    expect(repo.length).toBeGreaterThan(10);
    for (const { where, source } of repo) {
      expect(source.url, where).toMatch(/^repo:[^/\s]+\/[^/\s]+\/\S+$/);
      expect(source.commit, where).toMatch(/^[0-9a-f]{40}$/);
    }
    // the EO texts sit under Presidential_Executive_Orders/ at e036b80
    for (const { where, source } of repo.filter((r) => r.source.url.startsWith('repo:austinsonger/executive-orders')))
      expect(source.url, where).toMatch(/^repo:austinsonger\/executive-orders\/Presidential_Executive_Orders\/(donald-trump|joe-biden)\/\d{4}\/\d{2}-[A-Za-z]+\/\d{4}-\d{2}-\d{2}-executive-order-\d{5}\.md$/);
  });
  it('every measure has a review date with its reason, and none is more than a year past it', () => {
    const yearAfter = (iso: string) => `${Number(iso.slice(0, 4)) + 1}${iso.slice(4)}`;
    for (const m of dataset.measures) {
      expect(m.reviewBy, m.id).toBeDefined();
      expect(m.reviewNote, m.id).toBeTruthy();
      expect(dataset.asOf <= yearAfter(m.reviewBy!), `${m.id} was due for review on ${m.reviewBy}`).toBe(true);
    }
  });
  it('the review check fails for a measure a year and a day past its date', () => {
    const d = clone();
    d.measures[0]!.reviewBy = '2025-10-31';
    const yearAfter = (iso: string) => `${Number(iso.slice(0, 4)) + 1}${iso.slice(4)}`;
    expect(d.asOf <= yearAfter(d.measures[0]!.reviewBy)).toBe(false);
  });
  it('the validator checks reviewBy, reviewNote, noPrimaryText and basis', () => {
    const d = clone();
    d.measures[0]!.reviewBy = '2027-02-30';
    delete d.measures[1]!.reviewNote;
    d.measures[2]!.noPrimaryText = ' ';
    d.measures.find((m) => m.id === 'us-no-tiktok-gov-devices')!.names[0]!.basis = 'press-summary';
    const r = validateDataset(d);
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors;
    expect(errors.some((e) => e.includes('(us-eo-13971).reviewBy: must be an ISO date'))).toBe(true);
    expect(errors.some((e) => e.includes('(us-eo-13942).reviewBy: reviewBy and reviewNote go together'))).toBe(true);
    expect(errors.some((e) => e.includes('(us-eo-13943).noPrimaryText'))).toBe(true);
    expect(errors.some((e) => e.includes('(us-no-tiktok-gov-devices).names[0].basis: press-summary is worded for orders'))).toBe(true);
  });
});

describe('audit findings on the measures (F2-F13, F25)', () => {
  const allUrls = dataset.measures.flatMap(sourcesOf).map((s) => s.source.url);

  it('F2: the challenge to the divestiture approval is on PAFACA\'s timeline, in its summary and in TikTok\'s status from Mar 5, 2026', () => {
    const m = measure('us-pafaca');
    const ev = m.timeline.find((t) => t.date === '2026-03-05');
    expect(ev?.text).toMatch(/D\.C\. Circuit/);
    expect(ev?.text).toMatch(/Public Integrity Project/);
    expect(m.summary).toMatch(/challenged in the D\.C\. Circuit/);
    // no status change: still in force for the law, resolved for TikTok's US app
    expect(measureStatusAt(m, '2026-03-06').code).toBe('in-force');
    const before = pafacaFor('app-tiktok', '2026-03-04').status;
    const after = pafacaFor('app-tiktok', '2026-03-06').status;
    expect([before.code, after.code]).toEqual(['resolved', 'resolved']);
    expect(before.text).not.toMatch(/challenged/);
    expect(after.text).toMatch(/challenged in the D\.C\. Circuit \(suit filed Mar 5, 2026\)/);
    expect(pafacaFor('app-tiktok-lite', '2026-03-06').status.text).toBe(after.text);
    expect(pafacaFor('app-lemon8', '2026-03-06').status.code).toBe('in-force');
  });
  it('F2/F13: the JV closing rests on CapCut\'s US terms (primary), not on the weak sites', () => {
    expect(allUrls.some((u) => /publicitytop|theseattletoday/.test(u))).toBe(false);
    const close = measure('us-pafaca').timeline.find((t) => t.date === '2026-01-22')!;
    expect(close.sources.find((s) => s.url.startsWith('https://www.capcut.com/clause/user-agreement'))?.kind).toBe('primary');
    for (const n of measure('us-pafaca').names)
      for (const ev of (n.statusEvents ?? []).filter((x) => x.date === '2026-01-22'))
        expect(ev.sources.some((s) => s.url.startsWith('https://www.capcut.com/') && s.kind === 'primary'), n.entityId).toBe(true);
  });
  it('F3: Ohio\'s expiry is said only as reported, with the report that says it; the summary says where the list of apps comes from', () => {
    const m = measure('oh-eo-2023-03d');
    // The audit found no source for "until 10 days after DeWine leaves office"; the stored copy of
    // the cleveland.com report (phoneweek.co.uk) says it. The order's own text is still unread.
    expect(m.summary).toMatch(/As reported, it stays in force until 10 days after DeWine leaves office/);
    const end = m.timeline.find((e) => e.status?.code === 'expired')!;
    expect(end.date).toBe('2027-01-21');
    expect(end.status!.text).toMatch(/as reported/);
    expect(end.sources.some((s) => s.url.includes('phoneweek.co.uk') && /10 days after DeWine leaves/.test(s.title ?? ''))).toBe(true);
    expect(end.sources.some((s) => s.kind === 'primary' && /107\.01/.test(s.url))).toBe(true);
    expect(measureStatusAt(m, '2027-01-20').code).toBe('in-force');
    expect(measureStatusAt(m, '2027-01-21').code).toBe('expired');
    expect(m.summary).toMatch(/press summaries/);
    expect(m.summary).not.toMatch(/It names TikTok/);
    expect(m.names.every((n) => n.basis === 'press-summary')).toBe(true);
    expect(m.verbatim?.every((v) => v.source.kind === 'secondary')).toBe(true);
  });
  it('F3: Ohio\'s namings are worded as press summaries, never "named in"', () => {
    const index = compileIndex(dataset);
    const ohio = index.measures.findIndex((m) => m.id === 'oh-eo-2023-03d');
    const line = (entityId: string, subject?: string) => {
      const e = index.entities.find((x) => x.id === entityId)!;
      const c = e.coverage.find((x) => x.m === ohio)!;
      return relationSentence(subject, e, c, index.measures[ohio]!);
    };
    expect(line('app-tiktok')).toBe(
      'TikTok is among the apps Ohio Executive Order 2023-03D covers, according to press summaries of the order (Jan 8, 2023) — in force for Ohio state-owned and state-leased devices',
    );
    expect(line('app-rednote')).toMatch(/^RedNote is among the apps Ohio Executive Order 2023-03D covers, according to press summaries of the order \(Jan 8, 2023\), which list it as “Xiao HongShu; Little Red Book” — /);
    expect(line('co-ant-group', 'Some App')).toBe(
      'Some App is by Ant Group, the developer of Alipay, which press summaries of Ohio Executive Order 2023-03D (Jan 8, 2023) list among the apps it covers; those summaries list Alipay, not Some App — in force for Ohio state-owned and state-leased devices',
    );
    for (const e of index.entities)
      for (const c of e.coverage.filter((x) => x.m === ohio)) expect(relationSentence(undefined, e, c, index.measures[ohio]!)).not.toMatch(/named in|names/);
  });
  it('F5: Virginia SB 1459 is its own measure and reaches a ByteDance app and a Tencent app from July 1, 2023, not before', () => {
    const m = measure('va-sb-1459');
    expect(m).toMatchObject({ instrument: 'statute', dates: { signed: '2023-04-12', effective: '2023-07-01' } });
    expect(m.binds).toMatch(/any Virginia public body/);
    expect(m.citation).toMatch(/unverified/);
    const sb = (id: string, date: string) => coverageFor(id, dataset, date).find((c) => c.measure.id === 'va-sb-1459');
    for (const [id, via] of [['app-lemon8', 'co-bytedance'], ['app-qq-music', 'co-tencent']] as const) {
      expect(sb(id, '2023-04-11'), id).toBeUndefined();
      expect(isInForce(sb(id, '2023-06-30')!.status), id).toBe(false);
      const c = sb(id, '2023-07-01')!;
      expect(c, id).toMatchObject({ relation: 'names-company', viaEntityId: via });
      expect(c.status).toEqual({ code: 'in-force', text: "in force for Virginia public bodies' devices and networks, and for their contractors" });
    }
    expect(sb('app-tiktok', dataset.asOf)?.relation).toBe('names-it');
    expect(sb('app-wechat', dataset.asOf)?.relation).toBe('names-it');
  });
  it('F5/F6: EO 24 cites the statute separately, and its verbatim is the order\'s own words', () => {
    const m = measure('va-eo-24');
    expect(m.citation).not.toMatch(/2\.2-5514/);
    expect(m.summary).toMatch(/SB 1459/);
    expect(m.verbatim).toEqual([
      { text: 'or any other application developed by ByteDance Limited or Tencent Holdings Limited', source: expect.objectContaining({ url: expect.stringContaining('walb.com'), kind: 'secondary' }) },
    ]);
  });
  it('F7: the Texas Model Security Plan was released Feb 6, 2023 with agency policies due Feb 15, 2023', () => {
    const tl = measure('tx-dir-prohibited-technologies').timeline;
    expect(tl.some((t) => t.date === '2023-01-26')).toBe(false);
    expect(tl.find((t) => t.date === '2023-02-06')?.text).toMatch(/model security plan/);
    expect(tl.find((t) => t.date === '2023-02-15')?.text).toMatch(/Deadline for each state agency/);
  });
  it('F8: the ch. 620 clause for all governmental entities is shown for TikTok only; other Texas namings bind state agencies', () => {
    const agencies = "in force for Texas state agencies' devices and networks";
    for (const id of ['co-kaspersky', 'co-alibaba', 'co-xiaomi', 'app-deepseek', 'app-lemon8', 'app-alipay', 'co-bytedance', 'app-qq-music'])
      expect(txStatus(id), id).toEqual({ code: 'in-force', text: agencies });
    for (const id of ['app-tiktok', 'app-tiktok-lite']) {
      expect(txStatus(id, '2024-11-19')?.text, id).toBe(agencies);
      expect(txStatus(id)?.text, id).toMatch(/^in force for Texas state agencies' devices and networks; under Gov't Code ch\. 620, all governmental entities, local ones included, must also bar it/);
    }
  });
  it('F8: Texas names "Tiger Brokers" as one of the apps added on Jan 31, 2025 (the Tiger Trade app), not UP Fintech company-wide', () => {
    const n = measure('tx-dir-prohibited-technologies').names.find((x) => x.label === 'Tiger Brokers');
    expect(n).toMatchObject({ entityId: 'app-tiger-trade', reach: 'app', addedOn: '2025-01-31' });
    expect(coverageFor('co-up-fintech', dataset, dataset.asOf).find((c) => c.measure.id === 'tx-dir-prohibited-technologies')?.relation).toBe('develops');
  });
  it('Texas: the list\'s hardware section (as at Jan 26, 2023) names six makers for their hardware and equipment: their apps are related, never restricted', () => {
    const m = measure('tx-dir-prohibited-technologies');
    const makers = ['co-huawei', 'co-zte', 'co-hikvision', 'co-dahua', 'co-dji', 'co-hytera'];
    for (const id of makers) {
      expect(m.names.find((n) => n.entityId === id), id).toMatchObject({ reach: 'company-and-subsidiaries', addedOn: '2023-01-26', scope: { apps: false } });
    }
    expect(m.timeline.find((t) => t.date === '2023-02-06')?.sources.some((s) => s.url === 'https://sanjacits.org/prohibited-technologies')).toBe(true);
    for (const app of ['app-hik-connect', 'app-dmss', 'app-dji-fly']) {
      const c = coverageFor(app, dataset, dataset.asOf).find((x) => x.measure.id === 'tx-dir-prohibited-technologies');
      expect(c, app).toMatchObject({ relation: 'names-company', namedOn: '2023-01-26', outOfScope: true });
    }
    // Not before the list as at Jan 26, 2023.
    expect(coverageFor('app-dji-fly', dataset, '2023-01-25').some((x) => x.measure.id === 'tx-dir-prohibited-technologies')).toBe(false);
  });
  it('F9: the Kaspersky determination carries no curator note, binds resellers and integrators, and records the exit and the Play removal', () => {
    const m = measure('us-commerce-kaspersky-final-determination');
    expect(m.summary).not.toMatch(/not Chinese|model of/);
    expect(m.binds).toMatch(/reselling/);
    expect(m.binds).toMatch(/integrating/);
    expect(m.timeline.find((t) => t.date === '2024-09-19')?.text).toMatch(/UltraAV/);
    expect(m.timeline.some((t) => t.date === '2024-09-29' && /Google Play/.test(t.text))).toBe(true);
  });
  it('F11: the No TikTok Act cites 136 Stat. 5258 and no unverified §§ 101-102', () => {
    const c = measure('us-no-tiktok-gov-devices').citation!;
    expect(c).toContain('136 Stat. 5258');
    expect(c).not.toMatch(/§§/);
  });
  it('F12: the Commerce rescission gives the Federal Register date of June 23, 2021 from the reproduction, marked secondary', () => {
    for (const id of ['us-eo-13942', 'us-eo-13943']) {
      const ev = measure(id).timeline.find((t) => t.date === '2021-06-21')!;
      expect(ev.text, id).toMatch(/June 23, 2021/);
      expect(ev.sources.every((s) => s.kind === 'secondary'), id).toBe(true);
    }
  });
  it('F13: reproductions of Reuters and of the instruments are secondary; the EO texts and the Federal Register are primary', () => {
    const kinds = new Map(dataset.measures.flatMap(sourcesOf).map(({ source }) => [source.url, source.kind] as const));
    for (const u of ['https://ksaplayers.com/Ksahome/NewsDetial/?nid=24989027', 'https://exbulletin.com/world/international/1007526/', 'https://lemmy.today/post/9749310/7886371', 'http://sy3.dreamhosters.com/category/wechat-bans/'])
      expect(kinds.get(u), u).toBe('secondary');
    expect(kinds.get('https://regulations.justia.com/regulations/fedreg/2024/06/24/2024-13532.html')).toBe('primary');
  });
});

describe('repository sources', () => {
  it('the validator rejects a repo:owner/name/path source without the commit at which the path exists', () => {
    const d = clone();
    const src = d.entities.flatMap((e) => e.identifiers.flatMap((i) => i.sources)).find((s) => s.url.startsWith('repo:'))!;
    delete src.commit;
    const r = validateDataset(d);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.some((e) => /commit: a repo:owner\/name\/path source must name the commit/.test(e))).toBe(true);
  });
});
