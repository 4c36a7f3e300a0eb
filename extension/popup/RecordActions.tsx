// The popup's record actions (issue 12): the status date, copy citation per finding
// and per measure (plain text and Markdown), export JSON, the printable report and
// "not this app". Self-contained: give it the tab and its report.

import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { AS_OF_DATE, EARLIEST_AS_OF, parseAsOfDate, readChosenDate } from '../shared/as-of';
import { translator } from '../shared/i18n';
import type { TabReport } from '../shared/messages';
import { recordOfReport, saveRecord } from '../shared/records';
import { localISODay } from '../../src/data/status';
import { findingCitation, measureCitation, type CitationFormat } from '../../src/record/citation';
import type { PageRecord, RecordFinding } from '../../src/record/page-record';

const t = translator(browser.i18n);

/** The status date: pick a day (for this browsing session) or go back to today; the page reloads to recompute everything. */
export function StatusDatePicker() {
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const [value, setValue] = useState(localISODay(new Date()));
  const [error, setError] = useState('');
  useEffect(() => {
    void readChosenDate(browser.storage.session).then((d) => {
      setChosen(d);
      if (d) setValue(d);
    });
  }, []);
  const apply = async (e: Event) => {
    e.preventDefault();
    const day = parseAsOfDate(value);
    if (!day) return setError(t('record_date_invalid', EARLIEST_AS_OF));
    await browser.storage.session.set({ [AS_OF_DATE]: day });
    location.reload();
  };
  const today = async () => {
    await browser.storage.session.remove(AS_OF_DATE);
    location.reload();
  };
  return (
    <form id="record-date-form" onSubmit={apply}>
      <p id="record-asof" class="muted">
        {chosen ? t('record_asof_chosen', chosen) : t('record_asof_today', localISODay(new Date()))}
      </p>
      <label for="record-date">{t('record_date_label')}</label>{' '}
      <input id="record-date" type="date" min={EARLIEST_AS_OF} value={value} onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)} required />{' '}
      <button type="submit" id="record-date-apply">
        {t('record_date_apply')}
      </button>{' '}
      {chosen ? (
        <button type="button" id="record-date-today" onClick={today}>
          {t('record_date_today')}
        </button>
      ) : null}
      {error ? <p role="alert">{error}</p> : null}
    </form>
  );
}

function CopyButtons({ record, finding, notify }: { record: PageRecord; finding: RecordFinding; notify: (s: string) => void }) {
  const copy = (text: () => string) => async (e: Event) => {
    if (!e.isTrusted) return;
    try {
      await navigator.clipboard.writeText(text());
      notify(t('record_copied'));
    } catch (err) {
      notify(t('record_copy_failed', String(err)));
    }
  };
  const both = (label: string, make: (f: CitationFormat) => string, id: string) => (
    <>
      <button type="button" data-copy={`${id}:plain`} onClick={copy(() => make('plain'))}>
        {label}
      </button>{' '}
      <button type="button" data-copy={`${id}:markdown`} onClick={copy(() => make('markdown'))}>
        {t('record_copy_markdown')}
      </button>
    </>
  );
  return (
    <div class="record-copy">
      <div>{both(t('record_copy_plain'), (f) => findingCitation(record, finding, f), finding.key)}</div>
      <ul>
        {finding.lines.map((l) => {
          const m = record.measures.find((x) => x.id === l.measureId);
          return m ? (
            <li key={l.measureId}>
              {m.heading}: {both(t('record_copy_measure'), (f) => measureCitation(record, finding, l.measureId, f), `${finding.key}|${l.measureId}`)}
            </li>
          ) : null;
        })}
      </ul>
    </div>
  );
}

export function RecordActions({ tabId, report }: { tabId: number | undefined; report: TabReport | null }) {
  const [record, setRecord] = useState<PageRecord | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (report) void recordOfReport(report).then(setRecord);
  }, [report]);

  const exportJson = (e: Event) => {
    if (!e.isTrusted || !record) return;
    saveRecord(record);
  };
  const openReport = async (e: Event) => {
    if (!e.isTrusted || tabId === undefined) return;
    await browser.tabs.create({ url: browser.runtime.getURL(`extension/report/index.html?tabId=${tabId}`) });
  };
  const notThisApp = (f: RecordFinding) => async (e: Event) => {
    if (!e.isTrusted || tabId === undefined) return;
    const ok = await browser.runtime.sendMessage({ type: 'not-this-app', tabId, entityId: f.entityId, key: f.key });
    setMessage(ok ? t('record_marked', f.name ?? f.subject) : t('record_mark_failed'));
  };

  return (
    <section id="record-actions" aria-labelledby="record-title">
      <h2 id="record-title">{t('record_title')}</h2>
      <StatusDatePicker />
      {record ? (
        <>
          <p>
            <button type="button" id="record-export-json" onClick={exportJson}>
              {t('record_export_json')}
            </button>{' '}
            <button type="button" id="record-open-report" onClick={openReport}>
              {t('record_open_report')}
            </button>
          </p>
          {record.findings.map((f) => (
            <details key={f.key} class="record-finding" data-entity={f.entityId}>
              <summary>{t('record_finding_label', f.subject)}</summary>
              <CopyButtons record={record} finding={f} notify={setMessage} />
              <button type="button" class="record-not-this-app" onClick={notThisApp(f)}>
                {t('record_not_this_app')}
              </button>
            </details>
          ))}
          {record.notThisApp.length ? (
            <p id="record-hidden" class="muted">
              {t('record_hidden_count', record.notThisApp.map((m) => m.name).join(', '))}
            </p>
          ) : null}
        </>
      ) : null}
      <p role="status" id="record-message">
        {message}
      </p>
    </section>
  );
}
