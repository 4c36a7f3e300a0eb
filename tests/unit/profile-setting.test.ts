// Who the reader is, as stored: the user's choice (storage.local) unless a policy
// (storage.managed) sets it, which then wins and locks it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { managedWithin, readProfileSetting, storedProfiles, type ProfileAreas } from '../../extension/shared/profile-setting';

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
});
