// Per app: the verdict chip, the measures behind it, and per measure the details
// on demand (status as of the day, whom it binds, the key sentence, timeline,
// sources primary first). Shared by the page's rows and the name look-up.
import { describingForPage } from '../shared/describing';
import { dataset } from '../../src/data/dataset';
import type { Measure, Source } from '../../src/data/schema';
import { measureTitle, verdictOf, type FindingSummary, type LineEffect, type MeasureLine } from '../../src/match/wording';
import type { Profile } from '../../src/profile/profile';
import type { VerdictKind } from '../../src/profile/verdict';
import { plural } from '../shared/i18n';
import { t } from '../shared/page-i18n';
import { safeHref } from './source-links';

const measuresById = new Map<string, Measure>(dataset.measures.map((m) => [m.id, m]));
// Statuses as of today (the browsing day), from the dated events in the data.
const index = describingForPage();

const EFFECT_NOTE: Record<LineEffect, string> = {
  restricts: 'popup_effect_restricts',
  'not-in-force': 'popup_effect_not_in_force',
  related: 'popup_effect_related',
};

/** Primary sources first; secondary ones marked. */
function rankedSources(sources: Source[]): Source[] {
  return [...sources.filter((s) => s.kind === 'primary'), ...sources.filter((s) => s.kind !== 'primary')];
}

export function ExternalLink({ href, children }: { href: string; children: preact.ComponentChildren }) {
  return (
    <a href={safeHref(href)} target="_blank" rel="noreferrer noopener">
      {children}
    </a>
  );
}

export function MeasureDetails({ measure, line }: { measure: Measure; line: MeasureLine }) {
  const compiled = index.measures.find((m) => m.id === measure.id)!;
  const key = measure.verbatim?.find((v) => v.source.kind === 'primary') ?? measure.verbatim?.[0];
  const sources = rankedSources(measure.sources);
  return (
    <section class={`measure ${line.effect}`}>
      <h4 lang="en">{measureTitle(compiled)}</h4>
      <div>
        {t('popup_status_as_of', index.date ?? index.asOf)} <span class={`status ${line.status.code}`} lang="en">{line.status.text}</span>{' '}
        <span class="muted">({t(EFFECT_NOTE[line.effect])})</span>
      </div>
      <p class="muted" lang="en">{line.text}</p>
      <p lang="en">{measure.summary}</p>
      {key ? (
        <blockquote class="verbatim" lang="en">
          “{key.text}”{' '}
          <ExternalLink href={key.source.url}>[{t(key.source.kind === 'secondary' ? 'popup_secondary_source' : 'popup_source')}]</ExternalLink>
        </blockquote>
      ) : null}
      <p>
        <strong>{t('popup_binds')}</strong> <span lang="en">{measure.binds.replace(/\.$/, '')}.</span> <strong>{t('popup_prohibits')}</strong>{' '}
        <span lang="en">{measure.prohibits}</span>
      </p>
      {measure.citation ? <p class="muted">{t('popup_citation', measure.citation)}</p> : null}
      <details>
        <summary>{plural(t, 'popup_timeline', measure.timeline.length)}</summary>
        <ul class="timeline">
          {measure.timeline.map((ev) => (
            <li key={ev.date + ev.text}>
              <strong>{ev.date}</strong> {ev.text}{' '}
              {ev.sources.slice(0, 2).map((s, i) => (
                <ExternalLink key={s.url} href={s.url}>
                  [{i + 1}]
                </ExternalLink>
              ))}
            </li>
          ))}
        </ul>
      </details>
      <details>
        <summary>{t('popup_sources', sources.length)}</summary>
        <ul>
          {sources.map((s) => (
            <li key={s.url}>
              <ExternalLink href={s.url}>{s.title ?? s.url}</ExternalLink>
              {s.kind === 'secondary' ? <span class="muted"> {t('popup_secondary_mark')}</span> : null}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

const CHIP: Record<VerdictKind, string> = {
  'restricted-for-you': 'popup_chip_for_you',
  'restricted-elsewhere': 'popup_chip_elsewhere',
  'history-only': 'popup_chip_history',
  'possible-match': 'popup_chip_possible',
  'related-info': 'popup_chip_related',
};

/**
 * The verdict for the reader's profiles (src/profile/verdict.ts): the chip's class and
 * words, the one-line sentence (the wording module's), and the lines in the reader's
 * order. In the neutral view (no profile, or journalist) nothing implies the reader is bound.
 */
export function readerVerdict(summary: FindingSummary, profiles: readonly Profile[]) {
  const v = verdictOf(summary, profiles);
  const chip = v.verdict.kind === 'restricted-elsewhere' && v.verdict.neutral ? 'popup_chip_restricts' : CHIP[v.verdict.kind];
  return { kind: v.verdict.kind, chip: t(chip), text: v.text, lines: v.lines };
}

/** The row's head: verdict chip and the app's name, then its developer and the verdict line. */
export function RowHead({ headingId, name, developer, summary, profiles }: { headingId: string; name: string; developer?: string; summary: FindingSummary; profiles: readonly Profile[] }) {
  const v = readerVerdict(summary, profiles);
  return (
    <>
      <div class="row-head">
        <span class={`chip ${v.kind}`}>{v.chip}</span>
        <h3 id={headingId}>{name}</h3>
      </div>
      {developer ? <p class="dev">{t('popup_by_developer', developer)}</p> : null}
      <p class="row-verdict" lang="en">
        {v.text}
      </p>
    </>
  );
}

/** Per measure: status, whom it binds, the key sentence, timeline and sources. */
export function MeasureList({ lines }: { lines: MeasureLine[] }) {
  return (
    <>
      {lines.map((line) => {
        const m = measuresById.get(line.measure.id);
        return m ? <MeasureDetails key={m.id} measure={m} line={line} /> : null;
      })}
    </>
  );
}

