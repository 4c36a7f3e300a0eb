// The printable report of one tab's record (opened from the popup): the page, when
// it was checked, the extension and data versions, the status date (and whether it
// was chosen), each finding with its evidence and sentences, each measure with its
// status, whom it binds, its key text and sources, and what the user marked "not
// this app". The same record as the JSON export, which it also offers.

import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { translator, uiDirection } from '../shared/i18n';
import { parseTabReport } from '../shared/messages';
import { EFFECT_KEY, recordOfReport, saveRecord } from '../shared/records';
import type { PageRecord, RecordMeasure, RecordSource } from '../../src/record/page-record';
import { statusDateLabel } from '../../src/record/citation';

const t = translator(browser.i18n);

function SourceLink({ s }: { s: RecordSource }) {
  return (
    <>
      {s.href ? (
        <a href={s.href} target="_blank" rel="noreferrer noopener">
          {s.title ?? s.url}
        </a>
      ) : (
        <span>{s.title ?? s.url}</span>
      )}
      {s.kind === 'secondary' ? <span class="muted"> {t('record_report_secondary')}</span> : null}
    </>
  );
}

function Measure({ m, record }: { m: RecordMeasure; record: PageRecord }) {
  return (
    <section class="measure" id={`measure-${m.id}`} aria-labelledby={`measure-${m.id}-title`}>
      <h3 id={`measure-${m.id}-title`}>{m.heading}</h3>
      <p class="muted">
        {m.title} — {m.jurisdiction}
      </p>
      <p>
        {t('record_report_status', statusDateLabel(record))}: <span class="status">{m.status.text}</span>
      </p>
      {m.citation ? (
        <p>
          <strong>{t('record_report_citation')}:</strong> {m.citation}
        </p>
      ) : null}
      <p>
        <strong>{t('record_report_binds')}:</strong> {m.binds}
      </p>
      <p>
        <strong>{t('record_report_prohibits')}:</strong> {m.prohibits}
      </p>
      <p>{m.summary}</p>
      {m.verbatim.length ? <h4>{t('record_report_verbatim')}</h4> : null}
      {m.verbatim.map((v) => (
        <blockquote key={v.text}>
          “{v.text}” — <SourceLink s={v.source} />
        </blockquote>
      ))}
      {m.noPrimaryText ? <p class="muted">{t('record_report_no_primary', m.noPrimaryText)}</p> : null}
      <h4>{t('record_report_sources')}</h4>
      <ul>
        {m.sources.map((s) => (
          <li key={s.url}>
            <SourceLink s={s} />
          </li>
        ))}
      </ul>
      <h4>{t('record_report_timeline')}</h4>
      <ul>
        {m.timeline.map((ev) => (
          <li key={ev.date + ev.text}>
            <strong>{ev.date}</strong> {ev.text}
            {ev.status ? <span class="muted"> ({ev.status.text})</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Report({ record }: { record: PageRecord }) {
  const download = (e: Event) => {
    if (e.isTrusted) saveRecord(record);
  };
  const print = (e: Event) => {
    if (e.isTrusted) window.print();
  };
  return (
    <main>
      <h1>{t('record_report_title')}</h1>
      <dl class="meta">
        <dt>{t('record_report_page')}</dt>
        <dd id="report-url">{record.pageUrl}</dd>
        <dt>{t('record_report_checked')}</dt>
        <dd id="report-checked">{record.checkedAt}</dd>
        <dt>{t('record_report_asof_label')}</dt>
        <dd id="report-asof">{statusDateLabel(record)}</dd>
        <dt>{t('record_report_versions_label')}</dt>
        <dd id="report-versions">{t('record_report_versions', [record.extension.version, record.dataAsOf])}</dd>
      </dl>
      <div class="actions">
        <button type="button" id="report-print" onClick={print}>
          {t('record_report_print')}
        </button>{' '}
        <button type="button" id="report-download" onClick={download}>
          {t('record_report_download')}
        </button>
      </div>
      <h2>{t('record_report_findings')}</h2>
      {record.findings.length ? null : <p>{t('record_report_none')}</p>}
      {record.total ? <p class="muted">{t('record_report_more', [record.total, record.findings.length])}</p> : null}
      {record.findings.map((f) => (
        <section key={f.key} class={`finding ${f.effect}`} data-entity={f.entityId} aria-label={f.subject}>
          <h3>{f.subject}</h3>
          <p class="muted">
            {t(`record_tier_${f.tier}`)} · {t(EFFECT_KEY[f.effect])} · <a href={f.storeUrl}>{f.storeUrl}</a>
          </p>
          <p>
            <strong>{t('record_report_evidence')}:</strong>
          </p>
          <ul>
            {f.evidence.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
          <ul class="lines">
            {f.lines.map((l) => (
              <li key={l.measureId} class="sentence">
                {l.sentence}
              </li>
            ))}
          </ul>
        </section>
      ))}
      {record.notThisApp.length ? (
        <section id="report-not-this-app" aria-labelledby="report-not-this-app-title">
          <h2 id="report-not-this-app-title">{t('record_report_hidden')}</h2>
          <ul>
            {record.notThisApp.map((m) => (
              <li key={m.key + m.entityId}>
                {t('record_options_mark', [m.name, m.key, m.url, m.markedAt])}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {record.measures.length ? <h2>{t('record_report_measures')}</h2> : null}
      {record.measures.map((m) => (
        <Measure key={m.id} m={m} record={record} />
      ))}
    </main>
  );
}

async function load(): Promise<PageRecord | null> {
  const tabId = Number(new URLSearchParams(location.search).get('tabId'));
  if (!Number.isInteger(tabId) || tabId < 0) return null;
  const report = parseTabReport(await browser.runtime.sendMessage({ type: 'get-tab', tabId }));
  return report ? recordOfReport(report) : null;
}

document.documentElement.lang = browser.i18n.getUILanguage();
document.documentElement.dir = uiDirection(browser.i18n);
const app = document.getElementById('app')!;
void load().then(
  (record) => {
    if (record) document.title = `${t('record_report_title')} — ${record.pageUrl} — ${statusDateLabel(record)}`;
    render(record ? <Report record={record} /> : <p>{t('record_report_no_report')}</p>, app);
  },
  () => render(<p>{t('record_report_no_report')}</p>, app),
);
