// The page record (export JSON, report, citations) and the findings log: statuses
// on the date asked (EO 13971 signed but not in effect on Feb 1, 2021; revoked by
// July 1, 2021), the date printed on everything, CSV that a spreadsheet cannot run.
import { describe, expect, test } from 'vitest';
import { parse } from 'csv-parse/sync';
import { dataset } from '../../src/data/dataset';
import { describeIndexAt } from '../../src/match/compile';
import { buildPageRecord, PAGE_RECORD_VERSION, sourceHref, type RecordFindingInput } from '../../src/record/page-record';
import { findingCitation, measureCitation } from '../../src/record/citation';
import { appendToLog, logEntryFromRecord, logToJson, MAX_LOG_ENTRIES, parseLogEntry, readLog, searchLog } from '../../src/record/findings-log';
import { logToCsv } from '../../src/record/log-csv';
import { storeUrlFor } from '../../src/record/store-url';

const camscanner: RecordFindingInput = {
  entityId: 'app-camscanner',
  tier: 1,
  evidence: ['Google Play package id com.intsig.camscanner in the URL'],
  role: 'main',
  key: 'google-play:com.intsig.camscanner',
  name: 'CamScanner - PDF Scanner App',
  developer: 'INTSIG Information Co.,Ltd',
};
const url = 'https://play.google.com/store/apps/details?id=com.intsig.camscanner&hl=en';

function recordOn(date: string, chosen = true, findings = [camscanner]) {
  return buildPageRecord({
    url,
    findings,
    notThisApp: [],
    index: describeIndexAt(dataset, date),
    dataset,
    chosenDate: chosen,
    checkedAt: new Date('2026-12-02T08:00:00Z'),
    extension: { name: 'Covered Apps', version: '0.1.0' },
  });
}
const eo = (r: ReturnType<typeof recordOn>) => r.findings[0]!.lines.find((l) => l.measureId === 'us-eo-13971')!;

describe('the page record', () => {
  test('EO 13971 on 2021-02-01: signed, not yet in effect; on 2021-07-01: revoked', () => {
    const feb = recordOn('2021-02-01');
    expect(eo(feb).status).toEqual({ code: 'pending', text: 'signed; not yet implemented' });
    expect(eo(feb).sentence).toMatch(/US Executive Order 13971 \(Jan 5, 2021\) — signed; not yet implemented$/);
    const jul = recordOn('2021-07-01');
    expect(eo(jul).status.code).toBe('revoked');
    expect(eo(jul).sentence).toMatch(/revoked June 9, 2021/);
    // Texas named CamScanner only in 2023: not in the record of 2021.
    expect(jul.findings[0]!.lines.map((l) => l.measureId)).not.toContain('tx-dir-prohibited-technologies');
  });
  test('shape: schema version, page URL without query, date chosen, measures with status, binds, verbatim and primary-first sources', () => {
    const r = recordOn('2021-02-01');
    expect(r).toMatchObject({ schema: 'covered-apps/page-record', schemaVersion: PAGE_RECORD_VERSION, pageUrl: 'https://play.google.com/store/apps/details', statusesAsOf: { date: '2021-02-01', chosen: true }, dataAsOf: dataset.asOf });
    expect(r.findings[0]).toMatchObject({ storeUrl: 'https://play.google.com/store/apps/details?id=com.intsig.camscanner', tier: 1, evidence: camscanner.evidence });
    const m = r.measures.find((x) => x.id === 'us-eo-13971')!;
    expect(m).toMatchObject({ citation: '86 FR 1249; FR Doc. 2021-00305', status: { text: 'signed; not yet implemented' } });
    expect(m.binds).toMatch(/Secretary of Commerce/);
    expect(m.verbatim.length).toBeGreaterThan(0);
    const kinds = m.sources.map((s) => s.kind);
    expect(kinds.indexOf('secondary') === -1 || kinds.lastIndexOf('primary') < kinds.indexOf('secondary')).toBe(true);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
  test('a tier-4 mention and an entity unknown on the date are left out', () => {
    const r = recordOn('2021-02-01', true, [camscanner, { ...camscanner, tier: 4, key: 'mention:x' }, { ...camscanner, entityId: 'no-such-app', key: 'k' }]);
    expect(r.findings.map((f) => f.key)).toEqual([camscanner.key]);
  });
  test('repo: sources link to the file at their commit', () => {
    expect(sourceHref({ url: 'repo:o/n/a/b.md', commit: 'abc1234' })).toBe('https://github.com/o/n/blob/abc1234/a/b.md');
    expect(sourceHref({ url: 'search:xyz' })).toBeUndefined();
  });
  test('store addresses from listing keys', () => {
    expect(storeUrlFor('apple:1234')).toBe('https://apps.apple.com/app/id1234');
    expect(storeUrlFor('name:CamScanner|')).toBeUndefined();
  });
});

describe('citations', () => {
  test('plain text: app, developer, store URL, measure and citation, status with the chosen date, checked, data version, primary source', () => {
    const r = recordOn('2021-02-01');
    const text = measureCitation(r, r.findings[0]!, 'us-eo-13971', 'plain');
    expect(text).toContain('App: CamScanner - PDF Scanner App');
    expect(text).toContain('Developer: INTSIG Information Co.,Ltd');
    expect(text).toContain('Store URL: https://play.google.com/store/apps/details?id=com.intsig.camscanner');
    expect(text).toContain('Measure: US Executive Order 13971 (Jan 5, 2021), 86 FR 1249; FR Doc. 2021-00305');
    expect(text).toContain('Status as of 2021-02-01 (chosen date): signed; not yet implemented');
    expect(text).toContain(`data version ${dataset.asOf}`);
    expect(text).toContain('Checked 2026-12-02T08:00:00.000Z');
    expect(text).toMatch(/Primary source: https:\/\//);
  });
  test('Markdown, per finding: every measure, escaped', () => {
    const r = recordOn('2021-07-01', false);
    const md = findingCitation(r, r.findings[0]!, 'markdown');
    expect(md).toContain('**CamScanner - PDF Scanner App** — INTSIG Information Co.,Ltd');
    expect(md).toContain('- **Status as of 2021-07-01 (the day checked):**');
    expect(md.match(/- \*\*Measure:\*\*/g)).toHaveLength(r.findings[0]!.lines.length);
    const evil = recordOn('2021-07-01', true, [{ ...camscanner, name: '[x](javascript:alert(1))' }]);
    expect(findingCitation(evil, evil.findings[0]!, 'markdown')).toContain('\\[x\\](javascript:alert(1))');
  });
});

describe('findings log', () => {
  const entry = logEntryFromRecord(recordOn('2021-02-01'))!;
  test('an entry per flagged page; none for a page with nothing flagged', () => {
    expect(entry).toMatchObject({ url: 'https://play.google.com/store/apps/details', statusesAsOf: '2021-02-01', chosenDate: true });
    // India's 2020 block is in force then: the listing is restricted; EO 13971 is listed as not yet implemented.
    expect(entry.apps[0]).toMatchObject({ entityId: 'app-camscanner', verdict: 'restricts' });
    expect(entry.apps[0]!.measures.find((m) => m.id === 'us-eo-13971')?.status.text).toBe('signed; not yet implemented');
    expect(logEntryFromRecord(recordOn('2021-02-01', true, []))).toBeUndefined();
    expect(parseLogEntry(JSON.parse(JSON.stringify(entry)))).toEqual(entry);
  });
  test('a corrupt or foreign entry is skipped and counted; the rest is read', () => {
    const got = readLog([entry, { v: 99, at: 'x' }, 'junk', null, { ...entry, apps: [{ entityId: 1 }] }, entry]);
    expect(got.entries).toHaveLength(2);
    expect(got.skipped).toBe(4);
    expect(readLog({ not: 'a list' })).toEqual({ entries: [], skipped: 1 });
    expect(readLog(undefined)).toEqual({ entries: [], skipped: 0 });
  });
  test('bounded: past the bound the oldest go first; corrupt items are kept until evicted', () => {
    const stored = ['junk', ...Array.from({ length: MAX_LOG_ENTRIES - 2 }, (_, i) => ({ ...entry, at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString() }))];
    const { items, evicted } = appendToLog(stored, { ...entry, at: '2026-12-02T09:00:00.000Z' });
    expect([items.length, evicted]).toEqual([MAX_LOG_ENTRIES, 0]);
    expect(items[0]).toBe('junk');
    const next = appendToLog(items, entry);
    expect([next.items.length, next.evicted, next.items[0]]).toEqual([MAX_LOG_ENTRIES, 1, stored[1]]);
    expect(appendToLog('not a list', entry).items).toEqual([entry]);
  });
  test('search by app, measure, status or address', () => {
    const other = { ...entry, url: 'https://apps.apple.com/us/app/x', apps: [{ ...entry.apps[0]!, entityId: 'app-wechat', subject: 'WeChat', measures: [] }] };
    expect(searchLog([entry, other], 'camscanner')).toEqual([entry]);
    expect(searchLog([entry, other], 'EXECUTIVE ORDER 13971')).toEqual([entry]);
    expect(searchLog([entry, other], 'apple.com')).toEqual([other]);
    expect(searchLog([entry, other], '  ')).toHaveLength(2);
  });
  test('CSV: a header, one row per app, quoted where needed, formulas neutralized; JSON with the skipped count', () => {
    const evil = { ...entry, apps: [{ ...entry.apps[0]!, subject: '=HYPERLINK("http://x","y"), "quoted"' }] };
    const rows = parse(logToCsv([entry, evil])) as string[][];
    expect(rows[0]).toEqual(['time', 'url', 'app', 'entity', 'tier', 'verdict', 'measures', 'statuses_as_of', 'chosen_date', 'data_version']);
    expect(rows).toHaveLength(3);
    expect(rows[1]!.slice(1, 3)).toEqual(['https://play.google.com/store/apps/details', entry.apps[0]!.subject]);
    expect(rows[1]![6]).toContain('US Executive Order 13971 (Jan 5, 2021): signed; not yet implemented');
    expect(rows[2]![2]).toBe(`'=HYPERLINK("http://x","y"), "quoted"`);
    const json = JSON.parse(logToJson({ entries: [entry], skipped: 2 }, new Date('2026-12-02T00:00:00Z')));
    expect(json).toMatchObject({ schema: 'covered-apps/findings-log', skipped: 2, maxEntries: MAX_LOG_ENTRIES, entries: [entry] });
  });
});
