// The findings log's on/off switch (off by default), shown on the log page and in Options.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { translator } from '../shared/i18n';
import { FINDINGS_LOG_ENABLED } from '../background/records-storage';
import { MAX_LOG_ENTRIES } from '../../src/record/findings-log';

const t = translator(browser.i18n);

export function LogToggle({ onChange }: { onChange?: (on: boolean) => void }) {
  const [on, setOn] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    void browser.storage.local.get(FINDINGS_LOG_ENABLED).then((got) => {
      setOn(got[FINDINGS_LOG_ENABLED] === true);
      onChange?.(got[FINDINGS_LOG_ENABLED] === true);
    });
  }, []);
  const change = async (e: Event) => {
    const v = (e.currentTarget as HTMLInputElement).checked;
    await browser.storage.local.set({ [FINDINGS_LOG_ENABLED]: v });
    setOn(v);
    onChange?.(v);
  };
  return (
    <div>
      <label>
        <input id="findings-log-enabled" type="checkbox" checked={on === true} disabled={on === undefined} onChange={change} /> {t('record_log_enable')}
      </label>
      <p class="muted" id="findings-log-about">
        {t('record_log_about', MAX_LOG_ENTRIES.toLocaleString('en-US'))}
      </p>
    </div>
  );
}
