// The optional "check any site" mode (off by default). When the user turns it
// on in the options page and grants access to all sites, the generic content
// script is registered for every http(s) page except the sites that already
// have their own content script. Turning it off, or revoking the permission
// in the browser, unregisters it. Pure logic over a small API surface so it
// can be tested without a browser.

export const ANY_SITE_ORIGINS = ['https://*/*', 'http://*/*'];
export const ANY_SITE_SCRIPT_ID = 'covered-apps-any-site';
/** content-start.js at document_start, as on the supported sites (see public/content-start.js). */
export const ANY_SITE_START_ID = 'covered-apps-any-site-start';
export const ANY_SITE_SETTING = 'anySite';

export interface AnySiteApi {
  hasOrigins(origins: string[]): Promise<boolean>;
  registered(): Promise<string[]>;
  register(script: { id: string; js: string[]; matches: string[]; excludeMatches: string[]; runAt: 'document_start' | 'document_idle' }): Promise<void>;
  unregister(ids: string[]): Promise<void>;
  getSetting(): Promise<unknown>;
}

export type AnySiteState = 'on' | 'off' | 'needs-permission';

/** Brings the registration in line with the setting and the granted permission. */
export async function syncAnySite(api: AnySiteApi, supportedMatches: string[]): Promise<AnySiteState> {
  const wanted = (await api.getSetting()) === true;
  const granted = wanted && (await api.hasOrigins(ANY_SITE_ORIGINS));
  const ours: string[] = [ANY_SITE_START_ID, ANY_SITE_SCRIPT_ID];
  const registered = (await api.registered()).filter((id) => ours.includes(id));
  if (wanted && granted) {
    const scripts = [
      { id: ANY_SITE_START_ID, js: ['content-start.js'], runAt: 'document_start' as const },
      { id: ANY_SITE_SCRIPT_ID, js: ['content-generic.js'], runAt: 'document_idle' as const },
    ];
    for (const { id, js, runAt } of scripts) {
      if (!registered.includes(id)) await api.register({ id, js, matches: ANY_SITE_ORIGINS, excludeMatches: supportedMatches, runAt });
    }
    return 'on';
  }
  if (registered.length) await api.unregister(registered);
  return wanted ? 'needs-permission' : 'off';
}
