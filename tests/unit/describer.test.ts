// Describing entity by entity (src/match/compile.ts describerAt): what the
// background describes for a page's findings is what the whole day's index says
// of them, on any day, whatever the order or repetition it is asked in.
import { describe, expect, test } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { describeIndexAt, describerAt } from '../../src/match/compile';
import { describeFindings, restrictedCount } from '../../src/match/wording';
import type { Profile } from '../../src/profile/profile';
import type { Tier } from '../../src/match/match';

const DATES = ['2020-06-29', '2021-01-05', '2021-06-09', '2023-03-01', dataset.asOf, '2027-06-01'];

describe('describerAt', () => {
  test("each entity's lines are the whole index's, on every date; an entity no measure reaches by then has none", () => {
    for (const date of DATES) {
      const whole = describeIndexAt(dataset, date);
      const reached = new Map(whole.entities.map((e) => [e.id, e] as const));
      const d = describerAt(dataset, date);
      expect(d.measures, date).toEqual(whole.measures);
      // Asked in reverse, one at a time: no answer depends on what was asked before.
      for (const e of [...dataset.entities].reverse()) {
        expect(d.entity(e.id), `${date} ${e.id}`).toEqual(reached.get(e.id));
        expect(d.has(e.id)).toBe(true);
      }
      expect(d.entity('no-such-entity')).toBeUndefined();
      expect(d.has('no-such-entity')).toBe(false);
    }
  });

  test('about(ids): those entities only, in the order given, each once; all() is describeIndexAt', () => {
    const d = describerAt(dataset, dataset.asOf);
    const whole = describeIndexAt(dataset, dataset.asOf);
    expect(d.all()).toEqual(whole);
    const ids = whole.entities.slice(0, 5).map((e) => e.id).reverse();
    const some = d.about([...ids, ids[0]!, 'no-such-entity']);
    expect(some.entities.map((e) => e.id)).toEqual(ids);
    expect(some).toMatchObject({ asOf: whole.asOf, date: whole.date, measures: whole.measures });
  });

  test("a page's findings get the same words and count from their entities alone as from the whole index", () => {
    const whole = describeIndexAt(dataset, dataset.asOf);
    const d = describerAt(dataset, dataset.asOf);
    const profiles: Profile[] = [{ role: 'government', region: 'US-TX' }, { role: 'public', region: 'IN' }];
    const findings = whole.entities.map((e, i) => ({ entityId: e.id, tier: ((i % 3) + 1) as Tier, evidence: ['e'], role: 'card' as const, name: e.name, key: `k${i}` }));
    for (let n = 0; n < findings.length; n += 7) {
      const page = findings.slice(n, n + 7);
      const own = d.about(page.map((f) => f.entityId));
      expect(describeFindings(page, own, profiles)).toEqual(describeFindings(page, whole, profiles));
      expect(restrictedCount(page, own, profiles)).toBe(restrictedCount(page, whole, profiles));
    }
  });
});
