// Options' records section (issue 12): the findings log switch and a link to the
// log, and the listings marked "not this app", each with Undo.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { translator } from '../shared/i18n';
import { readMarks } from '../shared/records';
import { LogToggle } from '../log/LogToggle';
import { NOT_THIS_APP } from '../background/records-storage';
import { markId } from '../../src/record/not-this-app';
import type { NotThisAppMark } from '../../src/record/page-record';

const t = translator(browser.i18n);

function NotThisAppList() {
  const [marks, setMarks] = useState<NotThisAppMark[]>([]);
  const [message, setMessage] = useState('');
  useEffect(() => {
    const reload = () => void readMarks().then(setMarks);
    reload();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && NOT_THIS_APP in changes) reload();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  const undo = (m: NotThisAppMark) => async (e: Event) => {
    if (!e.isTrusted) return;
    await browser.runtime.sendMessage({ type: 'undo-not-this-app', id: markId(m) });
    setMarks(await readMarks());
    setMessage(t('record_options_undone'));
  };
  return (
    <section aria-labelledby="not-this-app-title">
      <h2 id="not-this-app-title">{t('record_options_marks')}</h2>
      {marks.length ? (
        <ul id="not-this-app-list">
          {marks.map((m) => (
            <li key={markId(m)} data-mark={markId(m)}>
              {t('record_options_mark', [m.name, m.key, m.url, m.markedAt.slice(0, 10)])}{' '}
              <button type="button" onClick={undo(m)}>
                {t('record_options_undo')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p id="not-this-app-none">{t('record_options_marks_none')}</p>
      )}
      <p role="status">{message}</p>
    </section>
  );
}

export function RecordSettings() {
  return (
    <>
      <section aria-labelledby="findings-log-title">
        <h2 id="findings-log-title">{t('record_log_title')}</h2>
        <LogToggle />
        <p>
          <a id="findings-log-link" href={browser.runtime.getURL('extension/log/index.html')} target="_blank" rel="noopener">
            {t('record_log_open')}
          </a>
        </p>
      </section>
      <NotThisAppList />
    </>
  );
}
