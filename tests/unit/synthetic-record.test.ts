// The synthetic 10× record the bench builds the extension with (scripts/synthetic-record.ts):
// its size, determinism, validity, and that nothing in it can match a real app.
import { describe, expect, test } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { validateDataset } from '../../src/data/validate';
import { identifierKey, normalizeName } from '../../src/match/normalize';
import { SYNTHETIC_TARGET, syntheticRecord } from '../../scripts/synthetic-record';

const record = syntheticRecord(dataset);
const realIds = new Set(dataset.entities.map((e) => e.id));
const invented = record.entities.filter((e) => !realIds.has(e.id));

describe('synthetic 10× record', () => {
  test('5,000 entities, 500 measures, 50,000 identifiers, the real record included', () => {
    expect(record.entities.length).toBe(SYNTHETIC_TARGET.entities);
    expect(record.measures.length).toBe(SYNTHETIC_TARGET.measures);
    expect(record.entities.reduce((n, e) => n + e.identifiers.length, 0)).toBe(SYNTHETIC_TARGET.identifiers);
    for (const e of dataset.entities) expect(record.entities).toContainEqual(e);
    for (const m of dataset.measures) expect(record.measures).toContainEqual(m);
  });

  test('deterministic: the same seed gives the same record; another seed another', () => {
    expect(JSON.stringify(syntheticRecord(dataset))).toBe(JSON.stringify(record));
    expect(syntheticRecord(dataset, 11).entities.at(-1)!.name).not.toBe(record.entities.at(-1)!.name);
  });

  test('valid: the build would accept it', () => {
    const r = validateDataset(record);
    expect(r.ok ? [] : r.errors.slice(0, 5)).toEqual([]);
  }, 60_000);

  test('no invented name or identifier is a real one', () => {
    const realNames = new Set(
      dataset.entities.flatMap((e) => [e.name, ...e.aliases.map((a) => a.text), ...(e.lookAlikes ?? []).map((l) => l.name)]).map(normalizeName),
    );
    const realKeys = new Set(dataset.entities.flatMap((e) => e.identifiers.map((i) => identifierKey(i.platform, i.value))));
    for (const e of invented) {
      for (const n of [e.name, ...e.aliases.map((a) => a.text)]) expect(realNames.has(normalizeName(n)), n).toBe(false);
      for (const i of e.identifiers) expect(realKeys.has(identifierKey(i.platform, i.value)), i.value).toBe(false);
    }
    // Names are unique among the invented ones too.
    const names = invented.map((e) => normalizeName(e.name));
    expect(new Set(names).size).toBe(names.length);
  });
});
