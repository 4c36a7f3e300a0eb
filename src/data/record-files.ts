// Where the build puts the record and its matching tables in the package, as
// gzipped JSON (scripts/vite-plugin-covered-index.ts writes them;
// extension/background/record-data.ts reads them). Gzipped: a service worker
// reads its own package's files through fetch at about 20 MB/s (12 MB of the
// synthetic 10× record: 0.9 s), and inflating is far faster than that.
import type { Dataset } from './schema';

export const RECORD_FILES = { dataset: 'data/dataset.json.gz', matchIndex: 'data/match-index.json.gz' } as const;

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
