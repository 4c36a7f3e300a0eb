// The reader's profile setting (a policy's first) for a Preact page, followed while the page is open.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { PROFILES_KEY, readProfileSetting, type ProfileSetting } from './profile-setting';

const areas = { local: browser.storage.local, managed: browser.storage.managed };

export function useProfiles(): ProfileSetting | undefined {
  const [setting, setSetting] = useState<ProfileSetting | undefined>();
  useEffect(() => {
    const load = () => void readProfileSetting(areas).then(setSetting);
    load();
    const changed = (changes: Record<string, unknown>, area: string) => {
      if (area === 'managed' || (area === 'local' && PROFILES_KEY in changes)) load();
    };
    browser.storage.onChanged.addListener(changed);
    return () => browser.storage.onChanged.removeListener(changed);
  }, []);
  return setting;
}

