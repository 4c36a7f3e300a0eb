// Vite plugin: validates the dataset and compiles it into `virtual:covered-index`
// at build time. A bad entry fails the build with a message naming entry and field.
//
// COVERED_APPS_RECORD=synthetic-10x builds with the synthetic record instead
// (scripts/synthetic-record.ts: the real one grown to 5,000 entities, 500
// measures, 50,000 identifiers), everywhere the dataset is read — the matching
// tables and the background's and pages' describing data alike. For the bench only.

import type { Plugin } from 'vite';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { dataset as realDataset } from '../src/data/dataset';
import type { Dataset } from '../src/data/schema';
import { validateDataset } from '../src/data/validate';
import { compileIndex, describeIndexAt, toMatchIndex, type CompiledIndex } from '../src/match/compile';
import { syntheticRecord } from './synthetic-record';
import { backgroundRecord, describingRecord, RECORD_FILES } from '../src/data/record-files';
import { quickFiles } from '../src/match/quick-match';

const RECORDS: Record<string, () => Dataset> = {
  real: () => realDataset,
  'synthetic-10x': () => syntheticRecord(realDataset),
};

/** The record this build uses (COVERED_APPS_RECORD, default the real one). */
export function recordName(): string {
  const name = process.env.COVERED_APPS_RECORD || 'real';
  if (!(name in RECORDS)) throw new Error(`COVERED_APPS_RECORD=${name}: expected one of ${Object.keys(RECORDS).join(', ')}`);
  return name;
}

let record: Dataset | undefined;
function dataset(): Dataset {
  return (record ??= RECORDS[recordName()]!());
}

// virtual:covered-index: the whole compiled index (the bench).
const MODULES: Record<string, () => string> = {
  'virtual:covered-index': () => `export default JSON.parse(${JSON.stringify(JSON.stringify(compiledIndex()))});`,
};

/**
 * Emits RECORD_FILES (gzipped JSON): the background's copy of the record and the
 * matching tables compiled from it, read on first use (extension/background/record-data.ts).
 * Beside the worker's code rather than inside it: a JSON file is parsed as data,
 * while the same text as a string in a script is first scanned as code (seconds
 * for the synthetic 10× record, every time the service worker starts).
 */
export function recordFiles(): Plugin {
  return {
    name: 'covered-apps:record-files',
    generateBundle() {
      const index = compiledIndex();
      // ASCII only (\uXXXX escapes): the worker decodes and parses a one-byte string, about twice as fast.
      const ascii = (json: string) => json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      const gzip = (v: unknown) => gzipSync(ascii(JSON.stringify(v)), { level: 9 });
      const record = backgroundRecord(dataset());
      const describing = describingRecord(dataset());
      // The background describes from these copies: the same words as from the whole record (statuses as of the record's date and today).
      for (const date of [dataset().asOf, new Date().toISOString().slice(0, 10)]) {
        const whole = JSON.stringify(describeIndexAt(dataset(), date));
        for (const [name, copy] of [['copy of the record', record], ['describing record', describing]] as const) {
          if (JSON.stringify(describeIndexAt(copy, date)) !== whole) throw new Error(`record-files: the background's ${name} describes differently on ${date}`);
        }
      }
      const tables = toMatchIndex(index);
      this.emitFile({ type: 'asset', fileName: RECORD_FILES.dataset, source: gzip(record) });
      this.emitFile({ type: 'asset', fileName: RECORD_FILES.describing, source: gzip(describing) });
      this.emitFile({ type: 'asset', fileName: RECORD_FILES.matchIndex, source: gzip(tables) });
      quickFiles(tables).forEach((file, n) => this.emitFile({ type: 'asset', fileName: RECORD_FILES.quick(n), source: gzip(file) }));
    },
  };
}

let compiled: CompiledIndex | undefined;

function compiledIndex(): CompiledIndex {
  if (compiled) return compiled;
  const result = validateDataset(dataset());
  if (!result.ok) {
    throw new Error(`Dataset is invalid (${result.errors.length} problems):\n  ${result.errors.slice(0, 30).join('\n  ')}`);
  }
  return (compiled = compileIndex(result.dataset));
}

export function compiledIndexSource(id: string): string {
  return MODULES[id]!();
}

export function coveredIndex(): Plugin {
  const datasetModule = resolve('src/data/dataset.ts');
  return {
    name: 'covered-apps:index',
    resolveId(id) {
      return id in MODULES ? '\0' + id : undefined;
    },
    load(id) {
      if (id.startsWith('\0') && id.slice(1) in MODULES) return compiledIndexSource(id.slice(1));
      // Another record: src/data/dataset.ts becomes that record (same exports the extension reads).
      if (id === datasetModule && recordName() !== 'real') {
        const json = JSON.stringify(JSON.stringify(dataset()));
        return `export const dataset = JSON.parse(${json});\nexport default dataset;\nexport const MEASURE_FILES = {};\nexport const ENTITY_FILES = {};`;
      }
      return undefined;
    },
  };
}
