// Who the reader is, as stored: the user's choice (storage.local) unless a policy
// (storage.managed) sets it, which then wins and locks it.
import { describe, expect, it } from 'vitest';
import { readProfileSetting, storedProfiles, type ProfileAreas } from '../../extension/shared/profile-setting';

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
