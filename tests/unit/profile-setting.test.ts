// Who the reader is, as stored: the user's choice (storage.local) unless a policy
// (storage.managed) sets it, which then wins and locks it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { managedWithin, policyMemoryIn, readProfileSetting, storedProfiles, type ProfileAreas } from '../../extension/shared/profile-setting';

const area = (items: Record<string, unknown>) => ({ get: async (k: string) => (k in items ? { [k]: items[k] } : {}) });
const throwing = { get: async (): Promise<Record<string, unknown>> => { throw new Error('Managed storage manifest not found'); } };

describe('profile setting', () => {
  it('nothing stored: neutral, not chosen (the first-use chooser shows)', async () => {
    expect(await readProfileSetting({ local: area({}) })).toEqual({ profiles: [], managed: false, chosen: false });
    expect(await readProfileSetting({ local: area({}), managed: throwing })).toEqual({ profiles: [], managed: false, chosen: false });
  });

  it("the user's choice, including none of these", async () => {
    expect(await readProfileSetting({ local: area({ profiles: ['government:US-TX'] }), managed: area({}) })).toEqual({
      profiles: [{ role: 'government', region: 'US-TX' }],
      managed: false,
      chosen: true,
    });
    expect((await readProfileSetting({ local: area({ profiles: [] }) })).chosen).toBe(true);
  });

  it('a policy wins over the choice and is locked', async () => {
    const areas: ProfileAreas = { local: area({ profiles: ['journalist'] }), managed: area({ profiles: ['government:US', 'procurement:US'] }) };
    expect(await readProfileSetting(areas)).toEqual({
      profiles: [
        { role: 'government', region: 'US' },
        { role: 'procurement', region: 'US' },
      ],
      managed: true,
      chosen: true,
    });
  });

  it('a policy that is not a list of profiles is ignored (never half-read); a corrupt choice reads as not chosen', async () => {
    expect(await readProfileSetting({ local: area({ profiles: ['journalist'] }), managed: area({ profiles: ['government:US', 'king'] }) })).toEqual({
      profiles: [{ role: 'journalist' }],
      managed: false,
      chosen: true,
    });
    expect(await readProfileSetting({ local: area({ profiles: 'government:US' }) })).toEqual({ profiles: [], managed: false, chosen: false });
  });

  it('is stored as profile keys', () => {
    expect(storedProfiles([{ role: 'government', region: 'US-TX' }, { role: 'journalist' }])).toEqual(['government:US-TX', 'journalist']);
  });
});

describe('the policy, waited for at most a moment (managedWithin)', () => {
  /** A storage.managed whose get answers when the test says (as Chromium's does once its policy service has started). */
  const slowManaged = (items: Record<string, unknown>) => {
    let answer!: () => void;
    const area = { get: (k: string) => new Promise<Record<string, unknown>>((resolve) => (answer = () => resolve(k in items ? { [k]: items[k] } : {}))) };
    return { area, answer: () => answer() };
  };
  const local = area({ profiles: ['journalist'] });
  // Fake timers for the waits (the Firefox case rejects at once: they change nothing there).
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('answered in time: the policy wins, nothing later', async () => {
    const m = slowManaged({ profiles: ['government:US'] });
    const onPolicy = vi.fn();
    const read = readProfileSetting({ local, managed: managedWithin(m.area, 150, onPolicy) });
    await vi.advanceTimersByTimeAsync(100);
    m.answer();
    expect(await read).toEqual({ profiles: [{ role: 'government', region: 'US' }], managed: true, chosen: true });
    await vi.advanceTimersByTimeAsync(1000);
    expect(onPolicy).not.toHaveBeenCalled();
  });

  it("late: the user's choice now, and when the policy comes, onPolicy once (the tabs are described again)", async () => {
    const m = slowManaged({ profiles: ['government:US'] });
    const onPolicy = vi.fn();
    const read = readProfileSetting({ local, managed: managedWithin(m.area, 150, onPolicy) });
    await vi.advanceTimersByTimeAsync(150);
    expect(await read).toEqual({ profiles: [{ role: 'journalist' }], managed: false, chosen: true });
    expect(onPolicy).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(4000);
    m.answer();
    await vi.advanceTimersByTimeAsync(0);
    expect(onPolicy).toHaveBeenCalledTimes(1);
  });

  it('late with no policy (almost everyone): nothing to do when it comes', async () => {
    const m = slowManaged({});
    const onPolicy = vi.fn();
    const read = readProfileSetting({ local, managed: managedWithin(m.area, 150, onPolicy) });
    await vi.advanceTimersByTimeAsync(150);
    expect((await read).profiles).toEqual([{ role: 'journalist' }]);
    m.answer();
    await vi.advanceTimersByTimeAsync(0);
    expect(onPolicy).not.toHaveBeenCalled();
  });

  it('no policy manifest (Firefox throws at once): no policy, no wait', async () => {
    const onPolicy = vi.fn();
    expect(await readProfileSetting({ local, managed: managedWithin(throwing, 150, onPolicy) })).toEqual({ profiles: [{ role: 'journalist' }], managed: false, chosen: true });
    expect(onPolicy).not.toHaveBeenCalled();
  });

  describe('with the policy as last read (storage.local policySeen): the next browser start has it at once', () => {
    /** A storage.local of its own (get, set, remove), and what it holds. */
    const localArea = (items: Record<string, unknown> = {}) => ({
      items,
      get: async (k: string) => (k in items ? { [k]: items[k] } : {}),
      set: async (more: Record<string, unknown>) => void Object.assign(items, more),
      remove: async (k: string) => void delete items[k],
    });
    const federal = [{ role: 'government', region: 'US' }];
    type Memory = Parameters<typeof policyMemoryIn>[0];
    /** A read the policy answers late (`policyNow`): what it gave at once, and how often the tabs were redescribed once the policy came. */
    async function lateRead(memory: Memory, policyNow: Record<string, unknown>) {
      const m = slowManaged(policyNow);
      const onPolicy = vi.fn();
      const read = readProfileSetting({ local, managed: managedWithin(m.area, 150, onPolicy, policyMemoryIn(memory)) });
      await vi.advanceTimersByTimeAsync(150);
      const first = await read;
      m.answer();
      await vi.advanceTimersByTimeAsync(0);
      return { first, redescribed: onPolicy.mock.calls.length };
    }

    it('late, a policy read before: that policy now (locked), nothing redrawn when the same one comes', async () => {
      const stored = localArea({ policySeen: ['government:US'] });
      expect(await lateRead(stored, { profiles: ['government:US'] })).toEqual({ first: { profiles: federal, managed: true, chosen: true }, redescribed: 0 });
      expect(stored.items.policySeen).toEqual(['government:US']);
    });

    it('late, the policy changed or was removed while the browser was closed: the old one now, then onPolicy, and the new value kept', async () => {
      for (const [now, kept] of [
        [{ profiles: ['government:US-TX'] }, ['government:US-TX']],
        [{}, undefined],
      ] as const) {
        const stored = localArea({ policySeen: ['government:US'] });
        const { first, redescribed } = await lateRead(stored, now);
        expect(first.profiles).toEqual(federal);
        expect(redescribed).toBe(1);
        expect(stored.items.policySeen).toEqual(kept);
      }
    });

    it('in time: the answer wins and is kept; no policy any more: forgotten (Firefox, which throws, too)', async () => {
      const stored = localArea({ policySeen: ['journalist'] });
      const m = slowManaged({ profiles: ['government:US'] });
      const read = readProfileSetting({ local, managed: managedWithin(m.area, 150, vi.fn(), policyMemoryIn(stored)) });
      m.answer();
      expect((await read).profiles).toEqual(federal);
      await vi.advanceTimersByTimeAsync(0);
      expect(stored.items.policySeen).toEqual(['government:US']);
      const none = slowManaged({});
      const read2 = readProfileSetting({ local, managed: managedWithin(none.area, 150, vi.fn(), policyMemoryIn(stored)) });
      none.answer();
      expect(await read2).toEqual({ profiles: [{ role: 'journalist' }], managed: false, chosen: true });
      await vi.advanceTimersByTimeAsync(0);
      expect('policySeen' in stored.items).toBe(false);
      const firefox = localArea({ policySeen: ['government:US'] });
      expect((await readProfileSetting({ local, managed: managedWithin(throwing, 150, vi.fn(), policyMemoryIn(firefox)) })).managed).toBe(false);
      await vi.advanceTimersByTimeAsync(0);
      expect('policySeen' in firefox.items).toBe(false);
    });

    it('late, the value kept is not a list of profiles (corrupt): ignored, the user\'s choice now, and the policy redraws when it comes', async () => {
      const stored = localArea({ policySeen: 'government:Texas' });
      expect(await lateRead(stored, { profiles: ['government:US'] })).toEqual({ first: { profiles: [{ role: 'journalist' }], managed: false, chosen: true }, redescribed: 1 });
      expect(stored.items.policySeen).toEqual(['government:US']);
    });

    it('a storage.local that never answers: as if nothing was kept, once another moment has passed', async () => {
      const never = () => new Promise<never>(() => undefined);
      const m = slowManaged({ profiles: ['government:US'] });
      const onPolicy = vi.fn();
      const read = readProfileSetting({ local, managed: managedWithin(m.area, 150, onPolicy, policyMemoryIn({ get: never, set: never, remove: never })) });
      await vi.advanceTimersByTimeAsync(300);
      expect(await read).toEqual({ profiles: [{ role: 'journalist' }], managed: false, chosen: true });
    });

    it('a storage.local that fails: as if nothing was kept (the wait and the late redraw as before)', async () => {
      const fail = async () => Promise.reject(new Error('IO error'));
      const { first, redescribed } = await lateRead({ get: fail, set: fail, remove: fail }, { profiles: ['government:US'] });
      expect(first.managed).toBe(false);
      expect(redescribed).toBe(1);
    });
  });
});
