// The background reads the record and the matching tables from the package's
// JSON files on first use (extension/background/record-data.ts), not from its
// code: a woken service worker starts without parsing the record. Reads dist/
// (`npm test` builds first; alone: `npm run build`, then `npx vitest run`).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { backgroundRecord, describingRecord, RECORD_FILES } from '../../src/data/record-files';
import { QUICK_FILES, quickFiles } from '../../src/match/quick-match';
import { compileIndex, toMatchIndex } from '../../src/match/compile';
import { describeIndexAt } from '../../src/match/compile';
import { buildPageRecord } from '../../src/record/page-record';
import { dataset } from '../../src/data/dataset';

const DIST = 'dist/chrome';

/** The service worker's modules: its entry and every module it imports, transitively. */
function workerModules(): Map<string, string> {
  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as { background: { service_worker: string } };
  const out = new Map<string, string>();
  const visit = (file: string) => {
    if (out.has(file)) return;
    const code = readFileSync(join(DIST, file), 'utf8');
    out.set(file, code);
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    for (const m of code.matchAll(/(?:from|import)\s*["'`]\.\/([^"'`]+)["'`]/g)) visit(dir + m[1]!);
  };
  visit(manifest.background.service_worker);
  return out;
}

describe("the background's copy of the record (no store identifiers)", () => {
  test('describes every entity as the whole record does, on any day', () => {
    const copy = backgroundRecord(dataset);
    for (const date of ['2021-01-05', '2021-06-09', '2023-03-01', dataset.asOf, '2027-06-01']) {
      expect(describeIndexAt(copy, date), date).toEqual(describeIndexAt(dataset, date));
    }
  });

  test('the describing record (what describing reads, nothing else) describes every entity as the whole record does, on any day', () => {
    const describing = describingRecord(dataset);
    for (const date of ['2021-01-05', '2021-06-09', '2023-03-01', dataset.asOf, '2026-12-04', '2027-01-22', '2027-07-01']) {
      expect(describeIndexAt(describing, date), date).toEqual(describeIndexAt(dataset, date));
    }
    // and it is smaller: no texts, quotes, notes, identifiers or source titles
    expect(JSON.stringify(describing).length).toBeLessThan(JSON.stringify(backgroundRecord(dataset)).length / 2);
    expect(JSON.stringify(describing)).not.toContain(dataset.measures[0]!.summary);
  });

  test('a page record built from it is the same', () => {
    const index = describeIndexAt(dataset, dataset.asOf);
    const findings = [{ entityId: 'app-camscanner', tier: 1 as const, evidence: ['store id'], role: 'main' as const, key: 'google-play:com.intsig.camscanner' }];
    const input = { url: 'https://play.google.com/store/apps/details?id=com.intsig.camscanner', findings, notThisApp: [], index, chosenDate: false, checkedAt: new Date(0), extension: { name: 'Covered Apps', version: '0' } };
    expect(buildPageRecord({ ...input, dataset: backgroundRecord(dataset) })).toEqual(buildPageRecord({ ...input, dataset }));
  });
});

describe('the record beside the background, not in it', () => {
  // Every file: the record, its describing part, the tables, and each quick file.
  const files = [RECORD_FILES.dataset, RECORD_FILES.describing, RECORD_FILES.matchIndex, ...Array.from({ length: QUICK_FILES }, (_, n) => RECORD_FILES.quick(n))];

  test('the files are in the build (Chrome and Firefox) and hold the record, its tables and the quick files', () => {
    for (const browser of ['chrome', 'firefox']) {
      for (const file of files) expect(existsSync(join('dist', browser, file)), `${browser}/${file}`).toBe(true);
    }
    const read = (file: string) => JSON.parse(gunzipSync(readFileSync(join(DIST, file))).toString('utf8')) as unknown;
    const shipped = read(RECORD_FILES.dataset) as typeof dataset;
    expect(shipped.measures.map((m) => m.id)).toEqual(dataset.measures.map((m) => m.id));
    expect(shipped.entities.map((e) => e.id)).toEqual(dataset.entities.map((e) => e.id));
    const tables = read(RECORD_FILES.matchIndex) as { entities: { id: string }[] };
    // ASCII only (the rest as \uXXXX escapes), and the same text once parsed: "“" and "é" come back.
    for (const file of files) expect(gunzipSync(readFileSync(join(DIST, file))).every((b) => b < 0x80), file).toBe(true);
    expect(JSON.stringify(shipped)).toBe(JSON.stringify(backgroundRecord(dataset)));
    // The background's copy: no store identifiers (the tables hold them).
    expect(shipped.entities.every((e) => e.identifiers.length === 0)).toBe(true);
    expect(tables.entities.map((e) => e.id)).toContain('app-camscanner');
    expect(JSON.stringify(read(RECORD_FILES.describing))).toBe(JSON.stringify(describingRecord(dataset)));
    const quick = quickFiles(toMatchIndex(compileIndex(dataset)));
    quick.forEach((file, n) => expect(read(RECORD_FILES.quick(n)), `quick file ${n}`).toEqual(file));
  });

  test("the service worker's code carries no record: no entity id, no measure id, no source address", () => {
    const modules = workerModules();
    expect(modules.size).toBeGreaterThan(3);
    const code = [...modules.values()].join('\n');
    for (const id of ['app-camscanner', 'co-intsig', 'app-wechat', dataset.measures[0]!.id]) expect(code).not.toContain(id);
    expect(code).not.toContain(dataset.measures[0]!.sources[0]!.url);
  });
});
