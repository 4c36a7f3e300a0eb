import { useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { describingForPage } from '../shared/describing';
import { daysBetween } from '../../src/data/status';
import { listSummary, restrictedCount } from '../../src/match/wording';
import { reportCount, restrictedLabel, type TabReport } from '../shared/messages';
import { plural } from '../shared/i18n';
import { t } from '../shared/page-i18n';
import type { PopupState } from './load';
import { appRows, findingsOf, type AppRow } from './rows';
import { Lookup } from './Lookup';
import { RecordActions } from './RecordActions';
import { MeasureList, readerVerdict, RowHead } from './details';
import { useProfiles, WhoAreYou } from './profiles';
import type { Profile } from '../../src/profile/profile';

// Data text (measure titles, summaries, verbatim quotations, the sentences of
// src/match/wording.ts) stays in the language of the record; the popup's own words
// go through browser.i18n (popup_* keys).

// Statuses as of today (the browsing day), from the dated events in the data.
// Statuses as of today (the browsing day), or the day the user chose (records), from the dated events in the data.
const index = describingForPage();
/** Past this age the popup says the record may be out of date. */
const STALE_AFTER_DAYS = 120;
const TIER_KEY = { 1: 'popup_tier_1', 2: 'popup_tier_2', 3: 'popup_tier_3', 4: 'popup_tier_4' } as const;

function AppRowView({ row, tabId, profiles, focus, idPrefix = 'app' }: { row: AppRow; tabId?: number; profiles: readonly Profile[]; focus?: string; idPrefix?: string }) {
  const s = row.summary;
  const headingId = `${idPrefix}-${row.key.replace(/[^\w-]/g, '_')}`;
  const v = readerVerdict(s, profiles);
  // Opened from a badge or the banner's Details: that listing's details open, in view, focused.
  const focused = focus !== undefined && row.payloads.some((p) => p.key === focus);
  const summaryRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focused) summaryRef.current?.focus();
  }, [focused]);
  return (
    <li>
      <article class={`finding ${s.effect} ${v.kind}`} data-entity={row.entityId} aria-labelledby={headingId}>
        <RowHead headingId={headingId} name={row.name} developer={row.developer} summary={s} profiles={profiles} />
        {row.listings > 1 ? <p class="muted">{plural(t, 'popup_listings_of_app', row.listings)}</p> : null}
        <details class="app-details" open={focused}>
          <summary ref={summaryRef}>{t('popup_details_for', row.name)}</summary>
          <p>
            <span class="tier">{t(TIER_KEY[row.tier])}</span>
          </p>
          <div>
            <strong>{t('popup_why')}</strong>
            <ul>
              {row.evidence.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </div>
          <MeasureList lines={v.lines} />
        </details>
      </article>
    </li>
  );
}

export function Popup({ state }: { state: PopupState }) {
  const setting = useProfiles();
  const profiles = setting?.profiles ?? [];
  return (
    <main>
      <header>
        <h1>{t('extName')}</h1>
        <p class="asof">{t(index.chosen ? 'popup_as_of_chosen' : 'popup_as_of', [index.date ?? index.asOf, index.asOf])}</p>
      </header>
      <StaleNotice />
      {setting && !setting.chosen ? <WhoAreYou /> : null}
      {state.kind === 'loading' ? (
        <div id="loading" role="status">
          {t('popup_loading')}
        </div>
      ) : null}
      {state.kind === 'error' ? <p role="alert">{t('popup_error', state.message)}</p> : null}
      {state.kind === 'unsupported' ? <Unsupported /> : null}
      {state.kind === 'ready' ? <Findings report={state.report} tabId={state.tabId} profiles={profiles} focus={state.focus} /> : null}
      <Lookup profiles={profiles} />
    </main>
  );
}

/** Past 120 days the record may be out of date: say so, and how to get a newer one. */
function StaleNotice() {
  const age = daysBetween(index.asOf, index.date ?? index.asOf);
  if (age <= STALE_AFTER_DAYS) return null;
  return (
    <p class="stale" role="note" id="stale-notice">
      {t('popup_stale', [age, index.asOf])}
    </p>
  );
}

/** What the extension covers, and the way to check other sites. */
function Unsupported({ supportedButEmpty = false }: { supportedButEmpty?: boolean }) {
  const [sites, setSites] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    // The registry is only needed here: loaded on demand, not for every popup.
    void import('../../src/sites/registry').then(({ siteAdapters }) => setSites(siteAdapters.map((a) => ({ id: a.id, name: a.name }))));
  }, []);
  return (
    <>
      <p id="unsupported">{t(supportedButEmpty ? 'popup_not_checked_yet' : 'popup_unsupported')}</p>
      <section id="coverage" aria-labelledby="coverage-title">
        <h2 id="coverage-title">{t('popup_coverage_title')}</h2>
        <p>{t('popup_coverage_text', index.measures.length)}</p>
        <details>
          <summary>{plural(t, 'popup_sites_checked', sites.length)}</summary>
          <ul id="supported-sites">
            {sites.map((s) => (
              <li key={s.id}>{s.name}</li>
            ))}
          </ul>
        </details>
        <p>{t('popup_any_site_text')}</p>
        <button type="button" id="open-options" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup_any_site_button')}
        </button>
      </section>
    </>
  );
}

/** "Show the banner again" when the user dismissed this tab's banner: the background clears the dismissal and reloads the tab. */
function RestoreBanner({ tabId }: { tabId: number }) {
  const [dismissed, setDismissed] = useState(false);
  const [done, setDone] = useState(false);
  useEffect(() => {
    void browser.runtime.sendMessage({ type: 'banner-dismissed', tabId }).then((v) => setDismissed(v === true));
  }, [tabId]);
  if (done) return <p role="status">{t('popup_banner_restored')}</p>;
  if (!dismissed) return null;
  const restore = async () => {
    await browser.runtime.sendMessage({ type: 'restore-banner', tabId });
    setDone(true);
  };
  return (
    <p>
      <button type="button" id="restore-banner" onClick={restore}>
        {t('popup_restore_banner')}
      </button>
    </p>
  );
}

function Findings({ report, tabId, profiles, focus }: { report: TabReport | null; tabId?: number; profiles: readonly Profile[]; focus?: string }) {
  if (!report) return <Unsupported supportedButEmpty />;
  const flagged = report.findings.filter((f) => f.tier <= 3);
  const weak = report.findings.filter((f) => f.tier === 4);
  const count = reportCount(report);
  const rows = appRows(flagged, index);
  // A mere mention of an app the page already lists adds nothing: one row per app.
  const weakRows = appRows(weak, index).filter((w) => !rows.some((r) => r.key === w.key));
  const restricted = restrictedLabel({ restricted: report.restricted ?? restrictedCount(report.findings, index, profiles), restrictedAtLeast: report.restrictedAtLeast });
  return (
    <div id="report">
      <p class="muted" id="page-url">
        {report.url}
      </p>
      {count === 0 ? (
        <p id="no-findings">{t('popup_clean', [index.measures.length, index.asOf])}</p>
      ) : (
        <p id="summary" lang="en">
          {listSummary(findingsOf(flagged, index), index)}.
          {count > flagged.length ? ` ${t('popup_capped', [count, flagged.length])}` : ''}
        </p>
      )}
      {count > 0 ? (
        <p id="restricted-count">
          {t('popup_restricted_count', index.date ?? index.asOf)} {restricted || t('popup_none')}
        </p>
      ) : null}
      {report.truncated ? (
        <p class="muted" id="truncated">
          {plural(t, 'popup_truncated', report.truncated)}
        </p>
      ) : null}
      {tabId !== undefined ? <RestoreBanner tabId={tabId} /> : null}
      {/* records (issue 12): date, citations, export, report, not this app */}
      <RecordActions tabId={tabId} report={report} />
      {rows.length ? (
        <section aria-labelledby="apps-title">
          <h2 id="apps-title">{plural(t, 'popup_apps_title', rows.length)}</h2>
          <ul class="rows" id="apps">
            {rows.map((r) => (
              <AppRowView key={r.key} row={r} tabId={tabId} profiles={profiles} focus={focus} />
            ))}
          </ul>
        </section>
      ) : null}
      {weakRows.length ? (
        <details class="weak">
          <summary>{plural(t, 'popup_weak', weakRows.length)}</summary>
          <ul class="rows">
            {weakRows.map((r) => (
              <AppRowView key={r.key} row={r} tabId={tabId} profiles={profiles} focus={focus} idPrefix="mention" />
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
