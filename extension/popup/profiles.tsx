// The reader's profiles in the popup: read from the setting (a policy's first),
// followed while the popup is open; on first use, "Who are you?" (the shared
// ProfilePicker) above everything, until the reader is done (none chosen = the neutral view).
import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Profile } from '../../src/profile/profile';
import { ProfilePicker } from '../shared/ProfilePicker';
import { PROFILES_KEY, storedProfiles } from '../shared/profile-setting';
export { useProfiles } from '../shared/use-profiles';
import { t } from '../shared/page-i18n';

/** First use: the chooser, saved as it changes; "Done" keeps the choice (none: the neutral view) and closes it. */
export function WhoAreYou() {
  const [profiles, setProfiles] = useState<Profile[]>([]);
  const [open, setOpen] = useState(true);
  if (!open) return null;
  const save = (p: Profile[]) => browser.storage.local.set({ [PROFILES_KEY]: storedProfiles(p) });
  return (
    <section id="who-first-use" aria-labelledby="who-first-title">
      <h2 id="who-first-title">{t('popup_who_title')}</h2>
      <p class="muted">{t('popup_who_intro')}</p>
      <ProfilePicker value={profiles} onChange={setProfiles} t={t} idPrefix="popup-profile" />
      <button
        type="button"
        id="who-done"
        onClick={async () => {
          await save(profiles);
          setOpen(false);
        }}
      >
        {profiles.length ? t('popup_who_done') : t('popup_who_neutral')}
      </button>
    </section>
  );
}
