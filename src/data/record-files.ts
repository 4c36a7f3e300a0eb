// Where the build puts the record and its matching tables in the package
// (scripts/vite-plugin-covered-index.ts writes them; extension/background/record-data.ts reads them).
export const RECORD_FILES = { dataset: 'data/dataset.json', matchIndex: 'data/match-index.json' } as const;
