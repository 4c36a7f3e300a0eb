import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { describingToday } from '../shared/describing';
import { siteAdapters } from '../../src/sites/registry';
import { ANY_SITE_ORIGINS, ANY_SITE_SETTING, type AnySiteState } from '../background/any-site';
import { STORAGE_NOTICE } from '../background/storage-schema';
import { ProfilePicker } from '../shared/ProfilePicker';
import { PROFILES_KEY, readProfileSetting, storedProfiles, type ProfileSetting } from '../shared/profile-setting';
import { translator } from '../shared/i18n';
import type { Profile } from '../../src/profile/profile';

const t = translator(browser.i18n);
const profileAreas = { local: browser.storage.local, managed: browser.storage.managed };

const index = describingToday();

/** Saved data the extension could not read and set back to its defaults (named, so nothing changes silently). */
function StorageNotice() {
  const [reset, setReset] = useState<string[]>([]);
  useEffect(() => {
    void browser.runtime.sendMessage({ type: 'storage-notice' }).then((v) => setReset(Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []));
  }, []);
  if (!reset.length) return null;
  const dismiss = async () => {
    await browser.storage.local.remove(STORAGE_NOTICE);
    setReset([]);
  };
  return (
    <section id="storage-notice" role="status" aria-labelledby="storage-notice-title">
      <h2 id="storage-notice-title">Some saved data could not be read</h2>
      <p>It was set back to its default; everything else you saved is kept:</p>
      <ul>
        {reset.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <button type="button" onClick={dismiss}>
        OK
      </button>
    </section>
  );
}

/** "Who are you?": decides every verdict; set by policy, it is shown and locked. */
function WhoAreYou() {
  const [setting, setSetting] = useState<ProfileSetting | undefined>();
  const [saved, setSaved] = useState('');
  useEffect(() => {
    const load = () => void readProfileSetting(profileAreas).then(setSetting);
    load();
    const changed = (changes: Record<string, unknown>, area: string) => {
      if (area === 'managed' || (area === 'local' && PROFILES_KEY in changes)) load();
    };
    browser.storage.onChanged.addListener(changed);
    return () => browser.storage.onChanged.removeListener(changed);
  }, []);
  if (!setting) return null;
  const save = async (profiles: Profile[]) => {
    await browser.storage.local.set({ [PROFILES_KEY]: storedProfiles(profiles) });
    setSaved(t('options_profile_saved'));
  };
  return (
    <section id="who-are-you" aria-labelledby="who-title">
      <h2 id="who-title">{t('options_profile_title')}</h2>
      <p class="muted">{t('options_profile_intro')}</p>
      {setting.managed ? (
        <p id="profile-managed" role="note">
          {t('options_profile_managed_note')}
        </p>
      ) : null}
      {/* keyed: a policy arriving, changing or leaving redraws the picker from it (the user's own changes keep its focus) */}
      <ProfilePicker key={setting.managed ? `managed:${storedProfiles(setting.profiles).join()}` : 'user'} value={setting.profiles} locked={setting.managed} onChange={save} t={t} />
      <p role="status" class="muted">
        {saved}
      </p>
    </section>
  );
}

function AnySiteToggle() {
  const [state, setState] = useState<AnySiteState | 'loading'>('loading');
  const [message, setMessage] = useState('');

  const refresh = async () => {
    const s = (await browser.runtime.sendMessage({ type: 'any-site-state' })) as AnySiteState | undefined;
    setState(s ?? 'off');
  };
  useEffect(() => {
    void refresh();
  }, []);

  const onChange = async (e: Event) => {
    const on = (e.currentTarget as HTMLInputElement).checked;
    setMessage('');
    try {
      if (on) {
        // Must be asked from the click itself (a user gesture).
        const granted = await browser.permissions.request({ origins: ANY_SITE_ORIGINS });
        if (!granted) {
          setMessage('Access to all sites was not granted, so the mode stays off.');
          setState('off');
          return;
        }
        await browser.storage.local.set({ [ANY_SITE_SETTING]: true });
      } else {
        await browser.storage.local.set({ [ANY_SITE_SETTING]: false });
        await browser.permissions.remove({ origins: ANY_SITE_ORIGINS });
      }
    } catch (err) {
      setMessage(`Could not change the setting: ${String(err)}`);
    }
    await refresh();
  };

  return (
    <section aria-labelledby="any-site-title">
      <h2 id="any-site-title">Check any site</h2>
      <label>
        <input id="any-site" type="checkbox" checked={state === 'on'} disabled={state === 'loading'} onChange={onChange} /> Also check other sites
        (blogs, vendor pages, download portals we do not list) for links to covered apps and app descriptions
      </label>
      <p class="muted">
        Off by default. Turning it on asks your browser for access to all sites; everything still runs only in your browser.
        {state === 'needs-permission' ? ' The browser no longer grants that access, so the mode is paused.' : ''}
      </p>
      {message ? <p role="status">{message}</p> : null}
    </section>
  );
}

function Options() {
  return (
    <main>
      <h1>Covered Apps</h1>
      <p class="asof">
        Data as of {index.asOf}: {index.measures.length} measures, {index.entities.length} covered apps and companies.
      </p>
      <StorageNotice />
      <WhoAreYou />
      <AnySiteToggle />
      <h2>Sites checked</h2>
      <ul id="sites">
        {siteAdapters.map((a) => (
          <li key={a.id}>
            {a.name} <span class="muted">({a.hosts.join(', ')})</span>
          </li>
        ))}
      </ul>
      <p class="muted">No page you visit, and nothing about it, leaves your browser: no network requests, no telemetry.</p>
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
