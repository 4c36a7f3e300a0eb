// The quick answer to a page's own listing (src/match/quick-match.ts): from the
// quick files of its identifiers' keys, exactly what the whole tables answer,
// whenever it answers at all; and it answers every listing a verified app
// identifier decides. Checked over every identifier of the real record and of
// the synthetic 10× record, with fast-check's listings of mixed ids around them.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { dataset } from '../../src/data/dataset';
import type { Dataset, Platform } from '../../src/data/schema';
import { compileIndex, toMatchIndex, type MatchIndex } from '../../src/match/compile';
import { answerMatch } from '../../src/match/answer-match';
import type { MatchRequest } from '../../src/match/page-match';
import { QUICK_FILES, quickAnswer, quickFileOf, quickFiles, quickFilesFor, type QuickFile } from '../../src/match/quick-match';
import type { ListingId } from '../../src/sites/types';
import { syntheticRecord } from '../../scripts/synthetic-record';

type Id = { platform: Platform; value: string };

function setup(record: Dataset) {
  const tables = toMatchIndex(compileIndex(record));
  const files = quickFiles(tables);
  const ask = (req: MatchRequest) => quickAnswer(req, new Map(quickFilesFor(req).map((n) => [n, files[n]!] as const)));
  const ids: Id[] = record.entities.flatMap((e) => e.identifiers.map(({ platform, value }) => ({ platform, value })));
  const lookalikes: Id[] = record.entities.flatMap((e) => (e.lookAlikes ?? []).flatMap((l) => l.identifiers ?? []));
  return { tables, files, ask, ids, lookalikes };
}

const asked = (ids: Id[], from: ListingId['from'] = 'url'): MatchRequest => ({
  type: 'match',
  describe: true,
  listings: [{ role: 'main', ids: ids.map((i) => ({ ...i, from })), key: 'k' }],
});

/** An id the way a page may show it: as stored, upper-cased, an Apple id with "id", a Play package on the Galaxy Store. */
const shown = (i: Id): Id[] => [
  i,
  { ...i, value: i.value.toUpperCase() },
  ...(i.platform === 'apple' ? [{ ...i, value: `id${i.value}` }] : []),
  ...(i.platform === 'google-play' ? [{ platform: 'galaxy-store' as Platform, value: i.value }] : []),
];

function checkAll(record: Dataset, sample: (n: number) => boolean) {
  const { tables, ask, ids, lookalikes } = setup(record);
  let answered = 0;
  let decided = 0;
  ids.forEach((id, n) => {
    if (!sample(n)) return;
    for (const v of shown(id)) {
      const req = asked([v]);
      const whole = answerMatch(req, tables);
      const quick = ask(req);
      if (whole.found[0]?.tier === 1) decided++;
      if (quick) {
        answered++;
        expect(quick, `${v.platform}:${v.value}`).toEqual(whole.found);
      } else expect(whole.found[0]?.tier, `${v.platform}:${v.value} left to the tables`).not.toBe(1);
    }
  });
  for (const l of lookalikes) {
    expect(ask(asked([l])), `look-alike ${l.value}`).toBeUndefined();
  }
  return { answered, decided, tables, ask, ids, lookalikes };
}

describe('the quick answer', () => {
  test('real record: every identifier, as pages show it — the same answer as the whole tables, and every tier 1 answered', () => {
    const r = checkAll(dataset, () => true);
    expect(r.answered).toBe(r.decided);
    expect(r.decided).toBeGreaterThan(100);
  });

  test('synthetic 10× record: one identifier in 25 — the same, with ids spread over every quick file', () => {
    const record = syntheticRecord(dataset);
    const r = checkAll(record, (n) => n % 25 === 0);
    expect(r.answered).toBe(r.decided);
    expect(r.decided).toBeGreaterThan(1000);
    const used = new Set(Object.keys(r.tables.ids).map(quickFileOf));
    expect(used.size).toBe(QUICK_FILES);
  }, 60_000);

  test('mixed listings (several ids, a company id first, a look-alike id, unknown ids): the same answer whenever it answers', () => {
    const { tables, ask, ids, lookalikes } = setup(dataset);
    const anyId = fc.oneof(
      fc.constantFrom(...ids),
      fc.constantFrom(...lookalikes),
      fc.record({ platform: fc.constantFrom<Platform>('google-play', 'apple', 'domain', 'microsoft-store'), value: fc.stringMatching(/^[a-z0-9.]{1,20}$/) }),
    );
    fc.assert(
      fc.property(fc.array(anyId, { minLength: 1, maxLength: 5 }), fc.constantFrom<ListingId['from']>('url', 'link', 'json-ld'), (list, from) => {
        const req = asked(list, from);
        const quick = ask(req);
        if (quick) expect(quick).toEqual(answerMatch(req, tables).found);
        // A look-alike id among them: never answered quickly (the tables decide).
        if (list.some((i) => lookalikes.includes(i))) expect(quick).toBeUndefined();
      }),
      { numRuns: 2000, seed: 13 },
    );
  });

  test('left to the whole tables: a name or developer without ids, a text, a company id alone; an empty listing answers null', () => {
    const { ask } = setup(dataset);
    const company = dataset.entities.find((e) => e.kind === 'company' && e.identifiers.some((i) => i.verified))!;
    const appId = dataset.entities.find((e) => e.kind === 'app' && e.identifiers.some((i) => i.verified))!.identifiers.find((i) => i.verified)!;
    const main = (l: MatchRequest['listings'][number]): MatchRequest => ({ type: 'match', describe: true, listings: [l] });
    expect(ask(main({ role: 'main', ids: [], name: 'WeChat' }))).toBeUndefined();
    expect(ask(main({ role: 'main', ids: [], developer: 'Tencent' }))).toBeUndefined();
    expect(ask(main({ role: 'main', ids: company.identifiers.filter((i) => i.verified).map((i) => ({ platform: i.platform, value: i.value, from: 'url' as const })) }))).toBeUndefined();
    expect(ask({ ...asked([appId]), text: 'WeChat' })).toBeUndefined();
    expect(ask(main({ role: 'main', ids: [] }))).toEqual([null]);
    expect(ask(asked([appId]))?.[0]?.tier).toBe(1);
  });

  test('the quick files hold every verified and look-alike identifier key once, each in the file its key names', () => {
    const check = (tables: MatchIndex, files: QuickFile[]) => {
      expect(files).toHaveLength(QUICK_FILES);
      const keys = files.flatMap((f, n) => Object.keys(f.ids).map((k) => (expect(quickFileOf(k)).toBe(n), k)));
      expect(keys.sort()).toEqual(Object.keys(tables.ids).sort());
      for (const [k, e] of Object.entries(tables.ids)) expect(files[quickFileOf(k)]!.entities[files[quickFileOf(k)]!.ids[k]!]).toEqual(tables.entities[e]);
      expect(files.flatMap((f) => Object.keys(f.lookalikeIds)).sort()).toEqual(Object.keys(tables.lookalikeIds).sort());
    };
    const { tables, files } = setup(dataset);
    check(tables, files);
  });
});
