// Storage layout: versioned, migrated, and repaired value by value.
import { describe, expect, test } from 'vitest';
import { LOCAL_MIGRATIONS, SCHEMA_VERSION, oldestTabKeys, repairLocal, repairSession, setEvictingOldest } from '../../extension/background/storage-schema';

describe('storage.local migrations', () => {
  test('one migration per version step', () => {
    expect(LOCAL_MIGRATIONS).toHaveLength(SCHEMA_VERSION);
  });
  test('0 → 1: the unversioned layout keeps its setting and gains its version', () => {
    expect(LOCAL_MIGRATIONS[0]!({ anySite: true })).toEqual({ anySite: true, schemaVersion: 1 });
    expect(repairLocal({ anySite: true })).toEqual({ set: { schemaVersion: 3 }, remove: [], reset: [] });
    expect(repairLocal({})).toEqual({ set: { schemaVersion: 3 }, remove: [], reset: [] });
  });
  test('1 → 2: profiles arrive, not chosen yet (the neutral view); every setting stays', () => {
    expect(LOCAL_MIGRATIONS[1]!({ schemaVersion: 1, anySite: true })).toEqual({ anySite: true, schemaVersion: 2 });
    expect(repairLocal({ schemaVersion: 1, anySite: true, storageNotice: ['x'] })).toEqual({ set: { schemaVersion: 3 }, remove: [], reset: [] });
    // a value a build between the two left behind is not read as a choice
    expect(repairLocal({ schemaVersion: 1, anySite: false, profiles: ['government:US'] })).toEqual({ set: { schemaVersion: 3 }, remove: ['profiles'], reset: [] });
  });
  test('2 → 3: the policy as last read arrives, none read yet; every setting stays', () => {
    expect(LOCAL_MIGRATIONS[2]!({ schemaVersion: 2, anySite: true, profiles: ['journalist'] })).toEqual({ anySite: true, profiles: ['journalist'], schemaVersion: 3 });
    expect(repairLocal({ schemaVersion: 2, profiles: ['government:US-TX'] })).toEqual({ set: { schemaVersion: 3 }, remove: [], reset: [] });
  });
  test('the policy as last read: kept when it is a list of profiles; else forgotten alone, with no notice (it is read again from the browser)', () => {
    expect(repairLocal({ schemaVersion: 3, profiles: ['journalist'], policySeen: ['government:US'] })).toEqual({ set: {}, remove: [], reset: [] });
    for (const bad of ['government:US', ['government:Texas'], 7, null, { profiles: [] }]) {
      expect(repairLocal({ schemaVersion: 3, anySite: true, profiles: ['journalist'], policySeen: bad })).toEqual({ set: {}, remove: ['policySeen'], reset: [] });
    }
  });
  test('the current layout is left as it is', () => {
    expect(repairLocal({ schemaVersion: 3, anySite: false })).toEqual({ set: {}, remove: [], reset: [] });
    expect(repairLocal({ schemaVersion: 3, anySite: false, profiles: ['government:US-TX', 'journalist'] })).toEqual({ set: {}, remove: [], reset: [] });
    expect(repairLocal({ schemaVersion: 3, profiles: [] })).toEqual({ set: {}, remove: [], reset: [] }); // "none of these": chosen, neutral
  });
  test('a corrupt profile value goes back to the neutral view, and nothing else is lost', () => {
    for (const bad of ['government:US', ['government:Texas'], [{ role: 'admin' }], '["government:US"', 7, null]) {
      const r = repairLocal({ schemaVersion: 3, anySite: true, profiles: bad, someoneElses: 1 });
      expect(r.remove).toEqual(['profiles']);
      expect(r.set).toEqual({});
      expect(r.reset).toEqual(['Who you are (back to the neutral view)']);
    }
  });
});

describe('storage.local repairs', () => {
  test('a wrong-typed setting goes back to its default, named; foreign keys stay', () => {
    const r = repairLocal({ schemaVersion: 3, anySite: 'yes', someoneElses: { a: 1 } });
    expect(r.remove).toEqual(['anySite']);
    expect(r.set).toEqual({});
    expect(r.reset).toEqual(['"Check any site" (back to off)']);
  });
  test('an unknown schema version (a newer build, junk) is read as ours; valid settings are kept', () => {
    for (const v of [99, '1', -1, 1.5, null]) {
      const r = repairLocal({ schemaVersion: v, anySite: true });
      expect(r.set).toEqual({ schemaVersion: 3 });
      expect(r.remove).toEqual([]);
      expect(r.reset).toHaveLength(1);
    }
  });
  test('a truncated JSON string where a setting belongs', () => {
    expect(repairLocal({ schemaVersion: 3, anySite: '{"on":tr' }).remove).toEqual(['anySite']);
  });
});

describe('storage.session repairs', () => {
  const good = { url: 'https://play.google.com/', findings: [{ entityId: 'app-wechat', tier: 1, evidence: [], role: 'card', key: 'k' }] };
  test('unreadable tab reports are removed, readable ones kept', () => {
    const r = repairSession({ 'tab:1': good, 'tab:2': '{"url":"ht', 'tab:3': { url: 'u', findings: 'x' }, other: 5 });
    expect(r.remove.sort()).toEqual(['tab:2', 'tab:3']);
    expect(r.reset).toEqual(['findings of 2 tabs (the page is checked again when reloaded)']);
  });
  test('dismissals: non-strings dropped, a non-list reset', () => {
    expect(repairSession({ dismissed: ['a', 5, 'b'] }).set).toEqual({ dismissed: ['a', 'b'] });
    expect(repairSession({ dismissed: 'a' }).set).toEqual({ dismissed: [] });
    expect(repairSession({ dismissed: ['a'] })).toEqual({ set: {}, remove: [], reset: [] });
  });
  test('eviction order: oldest report first', () => {
    expect(oldestTabKeys({ 'tab:1': { at: 30 }, 'tab:2': { at: 10 }, dismissed: [], 'tab:3': 'junk' })).toEqual(['tab:3', 'tab:2', 'tab:1']);
  });
});

describe('quota errors', () => {
  // A fake storage.session with a quota in bytes of JSON.
  function area(quota: number, items: Record<string, unknown>) {
    const size = (o: Record<string, unknown>) => JSON.stringify(o).length;
    return {
      items,
      get: async () => ({ ...items }),
      set: async (more: Record<string, unknown>) => {
        if (size({ ...items, ...more }) > quota) throw new Error('Resource::kQuotaBytes quota exceeded');
        Object.assign(items, more);
      },
      remove: async (keys: string[]) => {
        for (const k of keys) delete items[k];
      },
    };
  }
  const report = (at: number) => ({ url: 'u'.repeat(200), findings: [], at });
  test('the oldest tabs are evicted and the new report is written', async () => {
    const a = area(1000, { 'tab:1': report(1), 'tab:2': report(2), 'tab:3': report(3), 'tab:4': report(4), dismissed: ['k'] });
    await setEvictingOldest(a, { 'tab:5': report(5) });
    expect(Object.keys(a.items).sort()).toEqual(['dismissed', 'tab:3', 'tab:4', 'tab:5']);
  });
  test('other errors, or nothing left to evict, still fail', async () => {
    await expect(setEvictingOldest(area(10, { dismissed: [] }), { 'tab:1': report(1) })).rejects.toThrow(/quota/);
    const broken = { get: async () => ({}), set: async () => Promise.reject(new Error('closed')), remove: async () => undefined };
    await expect(setEvictingOldest(broken, {})).rejects.toThrow('closed');
  });
});
