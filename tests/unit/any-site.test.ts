import { describe, expect, test } from 'vitest';
import { ANY_SITE_SCRIPT_ID, ANY_SITE_START_ID, syncAnySite, type AnySiteApi } from '../../extension/background/any-site';

function fakeBrowser(setting: unknown, granted: boolean, registered: string[] = []) {
  const state = { registered: [...registered], registrations: [] as unknown[] };
  const api: AnySiteApi = {
    hasOrigins: async () => granted,
    registered: async () => state.registered,
    register: async (s) => {
      state.registrations.push(s);
      state.registered.push(s.id);
    },
    unregister: async (ids) => {
      state.registered = state.registered.filter((id) => !ids.includes(id));
    },
    getSetting: async () => setting,
  };
  return { api, state };
}

describe('"check any site" mode', () => {
  const supported = ['https://play.google.com/*'];
  test('off by default: nothing registered', async () => {
    const { api, state } = fakeBrowser(undefined, false);
    expect(await syncAnySite(api, supported)).toBe('off');
    expect(state.registered).toEqual([]);
  });
  test('on with the permission: the generic script runs everywhere except supported sites', async () => {
    const { api, state } = fakeBrowser(true, true);
    expect(await syncAnySite(api, supported)).toBe('on');
    expect(state.registrations).toEqual([
      // first, the script that makes our world before the page has elements (see public/content-start.js)
      { id: ANY_SITE_START_ID, js: ['content-start.js'], matches: ['https://*/*', 'http://*/*'], excludeMatches: supported, runAt: 'document_start' },
      { id: ANY_SITE_SCRIPT_ID, js: ['content-generic.js'], matches: ['https://*/*', 'http://*/*'], excludeMatches: supported, runAt: 'document_idle' },
    ]);
    expect(await syncAnySite(api, supported)).toBe('on');
    expect(state.registrations).toHaveLength(2); // idempotent
  });
  test('registered by an older version (the generic script alone): the start script is added', async () => {
    const { api, state } = fakeBrowser(true, true, [ANY_SITE_SCRIPT_ID]);
    expect(await syncAnySite(api, supported)).toBe('on');
    expect(state.registered).toEqual([ANY_SITE_SCRIPT_ID, ANY_SITE_START_ID]);
  });
  test('permission revoked in the browser: unregistered, and the options page says so', async () => {
    const { api, state } = fakeBrowser(true, false, [ANY_SITE_START_ID, ANY_SITE_SCRIPT_ID, 'someone-else']);
    expect(await syncAnySite(api, supported)).toBe('needs-permission');
    expect(state.registered).toEqual(['someone-else']);
  });
  test('turned off: unregistered; a corrupted setting counts as off', async () => {
    const { api, state } = fakeBrowser('yes please', true, [ANY_SITE_START_ID, ANY_SITE_SCRIPT_ID]);
    expect(await syncAnySite(api, supported)).toBe('off');
    expect(state.registered).toEqual([]);
  });
});
