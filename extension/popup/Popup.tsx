import { index } from '../shared/compiled-index';
import { dataset } from '../../src/data/dataset';
import type { Measure } from '../../src/data/schema';
import type { Finding } from '../../src/match/match';
import { measureTitle, summarizeFinding } from '../../src/match/wording';
import { reportCount, type FindingPayload, type TabReport } from '../shared/messages';
import type { PopupState } from './load';
import { safeHref } from './source-links';

const TIER_LABEL: Record<number, string> = {
  1: 'Identifier match',
  2: 'Developer match',
  3: 'Possible match (name only)',
  4: 'Mention only (no flag)',
};

const measuresById = new Map<string, Measure>(dataset.measures.map((m) => [m.id, m]));
const entityIndex = new Map(index.entities.map((e, i) => [e.id, i] as const));

function toFinding(p: FindingPayload): Finding | null {
  const entity = entityIndex.get(p.entityId);
  if (entity === undefined) return null; // data changed since the page was scanned
  return { entity, tier: p.tier, evidence: p.evidence, role: p.role, name: p.name, developer: p.developer };
}

function MeasureDetails({ measure, line, inForce }: { measure: Measure; line: string; inForce: boolean }) {
  const compiled = index.measures.find((m) => m.id === measure.id)!;
  return (
    <section aria-label={measure.shortTitle}>
      <h3>{measureTitle(compiled)}</h3>
      <div>
        Status as of {index.asOf}:{' '}
        <span class={`status ${compiled.status.code}`}>{compiled.status.text}</span>
        {inForce ? null : <span class="muted"> (not in force)</span>}
      </div>
      <p class="muted">{line}</p>
      <p>{measure.summary}</p>
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
        <summary>Sources ({measure.sources.length})</summary>
        <ul>
          {measure.sources.map((s) => (
            <li key={s.url}>
              <a href={safeHref(s.url)} target="_blank" rel="noreferrer noopener">
                {s.title ?? s.url}
              </a>
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
  const inForce = s.lines.some((l) => l.inForce);
  return (
    <article class={`finding${inForce ? ' force' : ''}`} data-entity={payload.entityId}>
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
      {index.entities[finding.entity]!.coverage.map((c, i) => {
        const m = measuresById.get(index.measures[c.m]!.id);
        const line = s.lines[i]!;
        return m ? <MeasureDetails key={m.id} measure={m} line={line.text} inForce={line.inForce} /> : null;
      })}
    </article>
  );
}

export function Popup({ state }: { state: PopupState }) {
  return (
    <main>
      <header>
        <h1>Covered Apps</h1>
        <div class="asof">Data as of {index.asOf}</div>
      </header>
      {state.kind === 'error' ? <p role="alert">Could not read this tab: {state.message}</p> : null}
      {state.kind === 'unsupported' ? <p>This page is not on a site Covered Apps checks.</p> : null}
      {state.kind === 'ready' ? <Findings report={state.report} /> : null}
    </main>
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
          {count} listing{count === 1 ? '' : 's'} on this page {count === 1 ? 'is' : 'are'} named in government measures.
          {count > flagged.length ? ` The first ${flagged.length} are shown here.` : ''}
        </p>
      )}
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
