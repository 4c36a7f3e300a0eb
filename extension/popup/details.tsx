// Per app: the verdict chip, the measures behind it, and per measure the details
// on demand (status as of the day, whom it binds, the key sentence, timeline,
// sources primary first). Shared by the page's rows and the name look-up.
import { describingToday } from '../shared/describing';
import { dataset } from '../../src/data/dataset';
import type { Measure, Source } from '../../src/data/schema';
import { measureTitle, type LineEffect, type MeasureLine } from '../../src/match/wording';
import { plural } from '../shared/i18n';
import { t } from '../shared/page-i18n';
import { safeHref } from './source-links';

const measuresById = new Map<string, Measure>(dataset.measures.map((m) => [m.id, m]));
// Statuses as of today (the browsing day), from the dated events in the data.
const index = describingToday();

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

/** The verdict chip: in the neutral view (no profile chosen) it says what the measures do, never that they bind the reader. */
export function chipOf(effect: LineEffect, possible: boolean): { cls: string; text: string } {
  if (possible) return { cls: 'possible', text: t('popup_chip_possible') };
  if (effect === 'restricts') return { cls: 'restricts', text: t('popup_chip_restricts') };
  if (effect === 'not-in-force') return { cls: 'not-in-force', text: t('popup_chip_history') };
  return { cls: 'related', text: t('popup_chip_related') };
}

/** The measures behind a row's chip: those in force for someone, else the others, titles only. */
export function measuresLine(lines: MeasureLine[]): string {
  const pick = (effect: LineEffect) => [...new Set(lines.filter((l) => l.effect === effect).map((l) => l.measure.shortTitle))];
  const restricting = pick('restricts');
  const titles = restricting.length ? restricting : pick('not-in-force').length ? pick('not-in-force') : pick('related');
  const shown = titles.slice(0, 3).join('; ');
  const more = titles.length > 3 ? ` ${t('popup_and_more', titles.length - 3)}` : '';
  return t(restricting.length ? 'popup_in_force_by' : 'popup_named_by', shown + more);
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

