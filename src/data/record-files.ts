// Where the build puts the record and its matching tables in the package, as
// gzipped JSON (scripts/vite-plugin-covered-index.ts writes them;
// extension/background/record-data.ts reads them). Gzipped: a service worker
// reads its own package's files through fetch at about 20 MB/s (12 MB of the
// synthetic 10× record: 0.9 s), and inflating is far faster than that.
export const RECORD_FILES = { dataset: 'data/dataset.json.gz', matchIndex: 'data/match-index.json.gz' } as const;
