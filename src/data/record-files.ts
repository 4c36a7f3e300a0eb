// Where the build puts the record and its matching tables in the package, as
// gzipped JSON (scripts/vite-plugin-covered-index.ts writes them;
// extension/background/record-data.ts reads them). Gzipped: a service worker
// reads its own package's files through fetch at about 20 MB/s (12 MB of the
// synthetic 10× record: 0.9 s), and inflating is far faster than that.
import type { Dataset } from './schema';

export const RECORD_FILES = {
  /** The whole record but the store identifiers (backgroundRecord): page records. */
  dataset: 'data/dataset.json.gz',
  /** What describing reads of it (describingRecord): the words for every page. */
  describing: 'data/describing.json.gz',
  /** The matching tables (src/match/compile.ts MatchIndex). */
  matchIndex: 'data/match-index.json.gz',
  /** The identifier tables cut by key (src/match/quick-match.ts): a page's own listing, answered before the tables are read. */
  quick: (n: number) => `data/quick/${n}.json.gz`,
} as const;

/**
 * The background's copy of the record: all of it but the entities' store
 * identifiers, which the matching tables hold (data/match-index.json.gz) and
 * nothing the background reads them for otherwise (describing, page records).
 * They are most of a large record's bytes (9.6 of the 10× record's 12.3 MB).
 * The build checks that the describing index is the same with and without them.
 */
export function backgroundRecord(dataset: Dataset): Dataset {
  return { ...dataset, entities: dataset.entities.map((e) => ({ ...e, identifiers: [] })) };
}

/**
 * What describing reads of the record (src/match/compile.ts describerAt), and
 * nothing else: per measure its titles, whom it binds, its dates, its dated
 * statuses, whether it names more than the record holds, its first primary source
 * and its namings (their statuses without their sources); per entity its name, kind
 * and links to other entities, and its verified store developer name. No texts,
 * quotes, notes, identifiers or sources beyond that: for a 10× record 1.6 of the
 * 2.7 MB (uncompressed), read ahead of the matching tables. The build checks that
 * it describes every entity as the whole record does.
 */
export function describingRecord(dataset: Dataset): Dataset {
  return {
    asOf: dataset.asOf,
    measures: dataset.measures.map((m) => {
      const source = m.sources.find((s) => s.kind === 'primary') ?? m.sources[0];
      return {
        id: m.id,
        title: '',
        shortTitle: m.shortTitle,
        ...(m.sentenceTitle ? { sentenceTitle: m.sentenceTitle } : {}),
        ...(m.namesPartial ? { namesPartial: m.namesPartial } : {}),
        instrument: m.instrument,
        jurisdiction: m.jurisdiction,
        binds: m.binds,
        ...(m.audiences ? { audiences: m.audiences } : {}),
        prohibits: '',
        summary: '',
        dates: m.dates,
        timeline: m.timeline.flatMap((ev) => (ev.status ? [{ date: ev.date, text: '', status: ev.status, sources: [] }] : [])),
        sources: source ? [{ ...source, title: '' }] : [],
        names: m.names.map((nm) => ({
          entityId: nm.entityId,
          label: nm.label,
          reach: nm.reach,
          ...(nm.addedOn ? { addedOn: nm.addedOn } : {}),
          ...(nm.scope ? { scope: nm.scope } : {}),
          ...(nm.basis ? { basis: nm.basis } : {}),
          ...(nm.statusEvents
            ? { statusEvents: nm.statusEvents.map((ev) => ({ date: ev.date, status: ev.status, sources: [], ...(ev.entityIds ? { entityIds: ev.entityIds } : {}) })) }
            : {}),
        })),
      };
    }),
    entities: dataset.entities.map((e) => {
      const developerName = e.storeDeveloperNames?.find((n) => n.verified);
      return {
        id: e.id,
        kind: e.kind,
        name: e.name,
        aliases: [],
        ...(e.developerId ? { developerId: e.developerId } : {}),
        ...(e.parentId ? { parentId: e.parentId } : {}),
        ...(e.variantOf ? { variantOf: e.variantOf } : {}),
        ...(e.hostAppId ? { hostAppId: e.hostAppId } : {}),
        ...(e.publisherIds ? { publisherIds: e.publisherIds } : {}),
        identifiers: [],
        ...(developerName ? { storeDeveloperNames: [{ ...developerName, sources: [] }] } : {}),
        sources: [],
      };
    }),
  };
}
