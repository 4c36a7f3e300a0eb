import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { describingToday } from '../shared/describing';
import { plural } from '../shared/i18n';
import { setPageLanguage, t } from '../shared/page-i18n';
import { siteAdapters } from '../../src/sites/registry';
import { ANY_SITE_ORIGINS, ANY_SITE_SETTING, type AnySiteState } from '../background/any-site';
import { STORAGE_NOTICE } from '../background/storage-schema';
import { RecordSettings } from './RecordSettings';
import { ProfilePicker } from '../shared/ProfilePicker';
import { PROFILES_KEY, storedProfiles } from '../shared/profile-setting';
import { useProfiles } from '../shared/use-profiles';
import type { Profile } from '../../src/profile/profile';


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
      <h2 id="storage-notice-title">{t('options_storage_title')}</h2>
      <p>{t('options_storage_text')}</p>
      <ul lang="en">
        {reset.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <button type="button" onClick={dismiss}>
        {t('options_ok')}
      </button>
    </section>
  );
}

/** "Who are you?": decides every verdict; set by policy, it is shown and locked. */
function WhoAreYou() {
  const setting = useProfiles();
  const [saved, setSaved] = useState('');
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
          setMessage(t('options_any_site_denied'));
          setState('off');
          return;
        }
        await browser.storage.local.set({ [ANY_SITE_SETTING]: true });
      } else {
        await browser.storage.local.set({ [ANY_SITE_SETTING]: false });
        await browser.permissions.remove({ origins: ANY_SITE_ORIGINS });
      }
    } catch (err) {
      setMessage(t('options_any_site_failed', String(err)));
    }
    await refresh();
  };

  return (
    <section aria-labelledby="any-site-title">
      <h2 id="any-site-title">{t('options_any_site_title')}</h2>
      <label>
        <input id="any-site" type="checkbox" checked={state === 'on'} disabled={state === 'loading'} onChange={onChange} /> {t('options_any_site_label')}
      </label>
      <p class="muted">
        {t('options_any_site_note')}
        {state === 'needs-permission' ? ` ${t('options_any_site_paused')}` : ''}
      </p>
      {message ? <p role="status">{message}</p> : null}
    </section>
  );
}

function Options() {
  return (
    <main>
      <h1>{t('options_title')}</h1>
      <p class="asof">
        {t('options_data_as_of', [index.asOf, plural(t, 'options_measures', index.measures.length), plural(t, 'options_entities', index.entities.length)])}
      </p>
      <StorageNotice />
      <WhoAreYou />
      <p>
        <a id="inventory-link" href="../inventory/index.html">{t('inventory_open_link')}</a>
      </p>
      <AnySiteToggle />
      {/* records (issue 12): findings log, "not this app" marks */}
      <RecordSettings />
      <section aria-labelledby="sites-title">
        <h2 id="sites-title">{t('options_sites_title')}</h2>
        <ul id="sites">
          {siteAdapters.map((a) => (
            <li key={a.id}>
              {a.name} <span class="muted">({a.hosts.join(', ')})</span>
            </li>
          ))}
        </ul>
      </section>
      <p class="muted">{t('options_privacy')}</p>
    </main>
  );
}

setPageLanguage(document);
document.title = t('options_page_title');
render(<Options />, document.getElementById('app')!);
