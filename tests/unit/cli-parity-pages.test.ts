// Parity: every page the browser tests serve (tests/e2e/pages.mjs: real captures,
// our own fixtures' cases.json, the covered listings built from a real capture) run
// through `covered-apps check` as a saved page with its URL given, asserting what the
// Chromium e2e asserts of the extension on the same page (tests/e2e/chromium.e2e.mjs),
// from the same sources: flagged entities (tiers 1–3), no main listing flagged on a
// page about an innocent app, and for covered listings the entity, tier and lines.
import { describe, expect, it } from 'vitest';
import * as pages from '../e2e/pages.mjs';
import table from '../covered-listings.json';
import { runCli } from '../cli-run';
import type { CheckedRow } from '../../src/inventory/check';

async function checkPage(url: string, file: string | undefined, body: string): Promise<CheckedRow[]> {
  // A file when the page is one; standard input when the test builds it.
  const args = file ? ['check', file, '--url', url, '--output', 'json'] : ['check', '-', '--format', 'html', '--url', url, '--output', 'json'];
  const r = await runCli(args, file ? '' : body);
  expect(r.stderr).toBe('');
  const out = JSON.parse(r.stdout) as { rows: CheckedRow[]; errors: unknown[] };
  expect(r.code).toBe(out.rows.some((x) => x.flagged) ? 1 : 0);
  return out.rows;
}

// pages.d.mts types only what other unit tests use; the rest of pages.mjs, typed here.
const { capturedFixtures, ownCases, playListingFromCapture, realCaptures } = pages as unknown as typeof pages & {
  capturedFixtures: string;
  realCaptures: [string, string, string[]][];
  ownCases(): { site: string; file: string; url: string; covered: string[]; banner?: boolean; body: string }[];
};

const flaggedIds = (rows: CheckedRow[]) => new Set(rows.filter((r) => r.flagged).map((r) => r.entity!.id));

describe('saved pages through the command line flag what the extension flags (parity with the Chromium e2e)', () => {
  for (const [url, file, covered] of realCaptures) {
    it(`real capture ${file}: ${covered.length ? 'flags exactly ' + covered.join(', ') : 'nothing flagged'}`, async () => {
      const rows = await checkPage(url, `${capturedFixtures}/${file}`, '');
      expect([...flaggedIds(rows)].sort()).toEqual([...covered].sort());
    });
  }

  for (const c of ownCases()) {
    it(`${c.site}: ${c.file} (${c.covered.length ? 'covered: ' + c.covered.join(', ') : 'clean'})`, async () => {
      const file = c.file.startsWith('captured:') ? `${capturedFixtures}/${c.file.slice('captured:'.length)}` : `tests/fixtures/${c.site}/${c.file}`;
      const rows = await checkPage(c.url, file, c.body);
      const ids = flaggedIds(rows);
      if (c.covered.length === 0) expect([...ids]).toEqual([]);
      for (const id of c.covered) expect(ids, `expected ${id} flagged`).toContain(id);
      if (c.banner === false) expect(rows.some((r) => r.flagged && isMain(r))).toBe(false);
    });
  }

  for (const c of (table as unknown as { cases: { what: string; pkg: string; name: string; developer: string; entity: string; tier: number; lines: [string, string][] }[] }).cases) {
    it(`covered listing: ${c.what}`, async () => {
      const url = `https://play.google.com/store/apps/details?id=${c.pkg}&hl=en`;
      const rows = await checkPage(url, undefined, playListingFromCapture(c));
      const main = rows.find(isMain)!;
      expect({ entity: main.entity?.id, tier: main.tier }).toEqual({ entity: c.entity, tier: c.tier });
      expect(main.measures.map((m) => [m.effect, m.sentence])).toEqual(c.lines);
    });
  }
});

function isMain(r: CheckedRow): boolean {
  return r.role === 'main' || r.role === 'vendor';
}
