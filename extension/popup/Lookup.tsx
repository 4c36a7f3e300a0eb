// Look up any app or company by name, on any page (supported or not): the
// compiled index's names and the matcher's look-alike exclusions (src/match/lookup.ts),
// described with today's statuses like the page's findings.
import { useMemo, useState } from 'preact/hooks';
import { dataset } from '../../src/data/dataset';
import { compileIndex, type CompiledIndex } from '../../src/match/compile';
import { lookupByName, lookupKeys } from '../../src/match/lookup';
import { summarizeFinding } from '../../src/match/wording';
import { describingForPage } from '../shared/describing';
import { plural } from '../shared/i18n';
import { t } from '../shared/page-i18n';
import { MeasureList, readerVerdict, RowHead } from './details';
import type { Profile } from '../../src/profile/profile';

let tables: { index: CompiledIndex; keys: Map<string, string[]> } | undefined;
/** Compiled on the first query only (about 25 ms), not for every popup. */
function lookupTables() {
  if (!tables) {
    const index = compileIndex(dataset);
    tables = { index, keys: lookupKeys(index) };
  }
  return tables;
}

export function Lookup({ profiles }: { profiles: readonly Profile[] }) {
  const [query, setQuery] = useState('');
  const today = describingForPage();
  const result = useMemo(() => {
    if (query.trim().length < 2) return undefined;
    const { index, keys } = lookupTables();
    return lookupByName(query, index, keys);
  }, [query]);
  const byId = new Map(today.entities.map((e, i) => [e.id, i] as const));
  const hits = (result?.ids ?? []).flatMap((id) => {
    const at = byId.get(id);
    return at === undefined ? [] : [{ id, at, summary: summarizeFinding({ entity: at, tier: 1, evidence: [], role: 'main' }, today) }];
  });
  return (
    <section id="lookup" aria-labelledby="lookup-title">
      <h2 id="lookup-title">{t('popup_lookup_title')}</h2>
      <label for="lookup-input">{t('popup_lookup_label')}</label>
      <input id="lookup-input" type="search" autocomplete="off" value={query} onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} />
      <div id="lookup-results" role="status" aria-live="polite">
        {result === undefined ? null : (
          <>
            {result.lookalike ? <p id="lookup-lookalike">{t('popup_lookup_lookalike', [query.trim(), result.lookalike])}</p> : null}
            <p class="muted">{hits.length ? plural(t, 'popup_lookup_count', hits.length) : t('popup_lookup_none', query.trim())}</p>
          </>
        )}
      </div>
      {hits.length ? (
        <ul class="rows" id="lookup-list">
          {hits.map(({ id, at, summary }) => {
            const e = today.entities[at]!;
            return (
              <li key={id}>
                <article class={`finding ${summary.effect} ${readerVerdict(summary, profiles).kind}`} data-entity={id} aria-labelledby={`lookup-${id}`}>
                  <RowHead headingId={`lookup-${id}`} name={e.name} developer={e.developer} summary={summary} profiles={profiles} />
                  <details class="app-details">
                    <summary>{t('popup_details_for', e.name)}</summary>
                    <MeasureList lines={readerVerdict(summary, profiles).lines} />
                  </details>
                </article>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
