// The findings log page: search, export (CSV, JSON), clear; says how many stored
// entries it could not read (skipped, never the rest) and that the oldest go first
// past the bound.

import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { translator, uiDirection } from '../shared/i18n';
import { EFFECT_KEY, fileStamp } from '../shared/records';
import { saveFile } from '../shared/save-file';
import { FINDINGS_LOG } from '../background/records-storage';
import { logToJson, readLog, searchLog, type ReadLog } from '../../src/record/findings-log';
import { logToCsv } from '../../src/record/log-csv';
import { LogToggle } from './LogToggle';

const t = translator(browser.i18n);
/** Rows drawn at once (newest first); search narrows, exports take every match. */
const ROWS = 200;

function LogPage() {
  const [log, setLog] = useState<ReadLog | undefined>(undefined);
  const [enabled, setEnabled] = useState(false);
  const [query, setQuery] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState('');
  const reload = async () => setLog(readLog((await browser.storage.local.get(FINDINGS_LOG))[FINDINGS_LOG]));
  useEffect(() => {
    void reload();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && FINDINGS_LOG in changes) void reload();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  if (!log) return null;
  const shown = searchLog(log.entries, query).slice().reverse(); // newest first
  const stamp = () => fileStamp(new Date().toISOString());
  const exportCsv = (e: Event) => e.isTrusted && saveFile(`covered-apps-log-${stamp()}.csv`, logToCsv(searchLog(log.entries, query)), 'text/csv');
  const exportJson = (e: Event) => e.isTrusted && saveFile(`covered-apps-log-${stamp()}.json`, logToJson({ ...log, entries: searchLog(log.entries, query) }, new Date()), 'application/json');
  const clear = async (e: Event) => {
    if (!e.isTrusted) return;
    if (!confirming) return setConfirming(true);
    await browser.storage.local.remove(FINDINGS_LOG);
    setConfirming(false);
    setMessage(t('record_log_cleared'));
    await reload();
  };
  return (
    <main>
      <h1>{t('record_log_title')}</h1>
      <LogToggle onChange={setEnabled} />
      {enabled ? null : <p id="log-off">{t('record_log_off')}</p>}
      <p>
        <label for="log-search">{t('record_log_search')}</label>{' '}
        <input id="log-search" type="search" value={query} onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} />
      </p>
      <p id="log-count">{t('record_log_count', [shown.length, log.entries.length])}</p>
      {log.skipped ? (
        <p id="log-skipped" role="status">
          {t('record_log_skipped', log.skipped)}
        </p>
      ) : null}
      <div class="actions">
        <button type="button" id="log-export-csv" onClick={exportCsv}>
          {t('record_log_export_csv')}
        </button>{' '}
        <button type="button" id="log-export-json" onClick={exportJson}>
          {t('record_log_export_json')}
        </button>{' '}
        <button type="button" id="log-clear" onClick={clear}>
          {confirming ? t('record_log_clear_confirm') : t('record_log_clear')}
        </button>
      </div>
      <p role="status" id="log-message">
        {message}
      </p>
      {log.entries.length ? null : <p id="log-empty">{t('record_log_empty')}</p>}
      {shown.length > ROWS ? <p id="log-rows-note">{t('record_log_rows', [ROWS, shown.length])}</p> : null}
      {shown.length ? (
        <table id="log-table">
          <thead>
            <tr>
              <th scope="col">{t('record_log_col_time')}</th>
              <th scope="col">{t('record_log_col_page')}</th>
              <th scope="col">{t('record_log_col_apps')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, ROWS).map((e, i) => (
              <tr key={`${e.at}|${e.url}|${i}`} class="log-entry">
                <td>{e.at}</td>
                <td class="log-url">{e.url}</td>
                <td>
                  <ul>
                    {e.apps.map((a) => (
                      <li key={a.key + a.entityId}>
                        <strong>{a.subject}</strong> — {t(EFFECT_KEY[a.verdict])}; {a.measures.map((m) => `${m.title}: ${m.status.text}`).join('; ')}{' '}
                        <span class="muted">({t(e.chosenDate ? 'record_asof_chosen' : 'record_log_asof_visit', e.statusesAsOf)})</span>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </main>
  );
}

document.documentElement.lang = browser.i18n.getUILanguage();
document.documentElement.dir = uiDirection(browser.i18n);
render(<LogPage />, document.getElementById('app')!);
