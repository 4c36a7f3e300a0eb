// The optional "check any site" mode (off by default). When the user turns it
// on in the options page and grants access to all sites, the generic content
// script is registered for every http(s) page except the sites that already
// have their own content script. Turning it off, or revoking the permission
// in the browser, unregisters it. Pure logic over a small API surface so it
// can be tested without a browser.

export const ANY_SITE_ORIGINS = ['https://*/*', 'http://*/*'];
export const ANY_SITE_SCRIPT_ID = 'covered-apps-any-site';
export const ANY_SITE_SETTING = 'anySite';

export interface AnySiteApi {
  hasOrigins(origins: string[]): Promise<boolean>;
  registered(): Promise<string[]>;
  register(script: { id: string; js: string[]; matches: string[]; excludeMatches: string[]; runAt: 'document_idle' }): Promise<void>;
  unregister(ids: string[]): Promise<void>;
  getSetting(): Promise<unknown>;
}

export type AnySiteState = 'on' | 'off' | 'needs-permission';

/** Brings the registration in line with the setting and the granted permission. */
export async function syncAnySite(api: AnySiteApi, supportedMatches: string[]): Promise<AnySiteState> {
  const wanted = (await api.getSetting()) === true;
  const granted = wanted && (await api.hasOrigins(ANY_SITE_ORIGINS));
  const isRegistered = (await api.registered()).includes(ANY_SITE_SCRIPT_ID);
  if (wanted && granted) {
    if (!isRegistered) {
      await api.register({
        id: ANY_SITE_SCRIPT_ID,
        js: ['content-generic.js'],
        matches: ANY_SITE_ORIGINS,
        excludeMatches: supportedMatches,
        runAt: 'document_idle',
      });
    }
    return 'on';
  }
  if (isRegistered) await api.unregister([ANY_SITE_SCRIPT_ID]);
  return wanted ? 'needs-permission' : 'off';
}
