import { describingForPage } from '../shared/as-of';
import { RecordActions } from './RecordActions';
import { daysBetween } from '../../src/data/status';
import { dataset } from '../../src/data/dataset';
import type { Measure, Source } from '../../src/data/schema';
import type { Finding } from '../../src/match/match';
import { listSummary, measureTitle, restrictedCount, summarizeFinding, type MeasureLine } from '../../src/match/wording';
import { reportCount, restrictedLabel, type FindingPayload, type TabReport } from '../shared/messages';
import type { PopupState } from './load';
import { safeHref } from './source-links';

const TIER_LABEL: Record<number, string> = {
  1: 'Identifier match',
  2: 'Developer match',
  3: 'Possible match (name only)',
  4: 'Mention only (no flag)',
};

const measuresById = new Map<string, Measure>(dataset.measures.map((m) => [m.id, m]));
// Statuses as of today (the browsing day), or the day the user chose (records), from the dated events in the data.
const index = describingForPage();
const entityIndex = new Map(index.entities.map((e, i) => [e.id, i] as const));
/** Past this age the popup says the record may be out of date. */
const STALE_AFTER_DAYS = 120;

function toFinding(p: FindingPayload): Finding | null {
  const entity = entityIndex.get(p.entityId);
  if (entity === undefined) return null; // data changed since the page was scanned
  return { entity, tier: p.tier, evidence: p.evidence, role: p.role, name: p.name, developer: p.developer };
}

const EFFECT_NOTE: Record<MeasureLine['effect'], string> = {
  restricts: 'restricts this listing',
  'not-in-force': 'not in force for this listing',
  related: 'information only: it names a related app, not this listing',
};

/** Primary sources first; secondary ones marked. */
function rankedSources(sources: Source[]): Source[] {
  return [...sources.filter((s) => s.kind === 'primary'), ...sources.filter((s) => s.kind !== 'primary')];
}

function MeasureDetails({ measure, line }: { measure: Measure; line: MeasureLine }) {
  const compiled = index.measures.find((m) => m.id === measure.id)!;
  const key = measure.verbatim?.find((v) => v.source.kind === 'primary') ?? measure.verbatim?.[0];
  const sources = rankedSources(measure.sources);
  return (
    <section aria-label={`${measure.shortTitle}: ${line.text}`} class={`measure ${line.effect}`}>
      <h3>{measureTitle(compiled)}</h3>
      <div>
        Status as of {index.date}: <span class={`status ${line.status.code}`}>{line.status.text}</span>{' '}
        <span class="muted">({EFFECT_NOTE[line.effect]})</span>
      </div>
      <p class="muted">{line.text}</p>
      <p>{measure.summary}</p>
      {key ? (
        <blockquote class="verbatim">
          “{key.text}”{' '}
          <a href={safeHref(key.source.url)} target="_blank" rel="noreferrer noopener">
            [{key.source.kind === 'secondary' ? 'secondary source' : 'source'}]
          </a>
        </blockquote>
      ) : null}
      <p>
        <strong>Binds:</strong> {measure.binds.replace(/\.$/, "")}. <strong>Prohibits:</strong> {measure.prohibits}
      </p>
      {measure.citation ? <p class="muted">Citation: {measure.citation}</p> : null}
      <details>
        <summary>Timeline ({measure.timeline.length} events)</summary>
        <ul class="timeline">
          {measure.timeline.map((ev) => (
            <li key={ev.date + ev.text}>
              <strong>{ev.date}</strong> {ev.text}{' '}
              {ev.sources.slice(0, 2).map((s, i) => (
                <a key={s.url} href={safeHref(s.url)} target="_blank" rel="noreferrer noopener">
                  [{i + 1}]
                </a>
              ))}
            </li>
          ))}
        </ul>
      </details>
      <details>
        <summary>Sources ({sources.length})</summary>
        <ul>
          {sources.map((s) => (
            <li key={s.url}>
              <a href={safeHref(s.url)} target="_blank" rel="noreferrer noopener">
                {s.title ?? s.url}
              </a>
              {s.kind === 'secondary' ? <span class="muted"> (secondary)</span> : null}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

function FindingCard({ payload }: { payload: FindingPayload }) {
  const finding = toFinding(payload);
  if (!finding) return null;
  const s = summarizeFinding(finding, index);
  return (
    <article class={`finding ${s.effect}`} data-entity={payload.entityId}>
      <h2>
        {s.subject} <span class="tier">{TIER_LABEL[payload.tier]}</span>
      </h2>
      <div>
        <strong>Why:</strong>
        <ul>
          {payload.evidence.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      </div>
      {s.lines.map((line) => {
        const m = measuresById.get(line.measure.id);
        return m ? <MeasureDetails key={m.id} measure={m} line={line} /> : null;
      })}
    </article>
  );
}

export function Popup({ state }: { state: PopupState }) {
  return (
    <main>
      <header>
        <h1>Covered Apps</h1>
        <div class="asof">
          Statuses as of {index.date}
          {index.chosen ? ' (chosen)' : ''}; data checked {index.asOf}
        </div>
      </header>
      <StaleNotice />
      {/* records (issue 12): date, citations, export, report, not this app */}
      {state.kind === 'ready' ? <RecordActions tabId={state.tabId} report={state.report} /> : null}
      {state.kind === 'error' ? <p role="alert">Could not read this tab: {state.message}</p> : null}
      {state.kind === 'unsupported' ? <p>This page is not on a site Covered Apps checks.</p> : null}
      {state.kind === 'ready' ? <Findings report={state.report} /> : null}
    </main>
  );
}

/** Past 120 days the record may be out of date: say so, and how to get a newer one. */
function StaleNotice() {
  const age = daysBetween(index.asOf, index.date ?? index.asOf);
  if (age <= STALE_AFTER_DAYS) return null;
  return (
    <p class="stale" role="note" id="stale-notice">
      The record was last checked {age} days ago ({index.asOf}) and may be out of date: measures may have been added, changed or
      revoked since. Update Covered Apps to its latest release to get a newer record (each release carries the data).
    </p>
  );
}

function Findings({ report }: { report: TabReport | null }) {
  if (!report) return <p>Nothing was checked on this tab (not a supported store or download page, or it is still loading).</p>;
  const flagged = report.findings.filter((f) => f.tier <= 3);
  const weak = report.findings.filter((f) => f.tier === 4);
  const count = reportCount(report);
  return (
    <div>
      <p class="muted" id="page-url">
        {report.url}
      </p>
      {count === 0 ? (
        <p id="no-findings">No app on this page is named in the measures Covered Apps tracks.</p>
      ) : (
        <p id="summary">
          {listSummary(flagged.flatMap((p) => toFinding(p) ?? []), index)}.
          {count > flagged.length ? ` The page shows ${count} flagged listings; the first ${flagged.length} are shown here.` : ''}
        </p>
      )}
      {count > 0 ? (
        <p id="restricted-count">
          Apps on this page restricted by a measure in force (the toolbar count, statuses as of {index.date}):{' '}
          {restrictedLabel({ restricted: report.restricted ?? restrictedCount(report.findings, index), restrictedAtLeast: report.restrictedAtLeast }) || 'none'}
        </p>
      ) : null}
      {report.truncated ? (
        <p class="muted" id="truncated">
          {report.truncated} overlong or unreadable detail{report.truncated === 1 ? ' was' : 's were'} shortened or left out.
        </p>
      ) : null}
      {flagged.map((f) => (
        <FindingCard key={f.key} payload={f} />
      ))}
      {weak.length ? (
        <details>
          <summary>Weak mentions ({weak.length}): not flagged on the page</summary>
          {weak.map((f) => (
            <FindingCard key={f.key} payload={f} />
          ))}
        </details>
      ) : null}
    </div>
  );
}
