// A plain clone tests itself: no test, script or config reads outside the
// repository, and every real capture the tests use is committed under
// tests/fixtures/captured with its provenance in SOURCES.md.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { capturedFixturesDir, ownFixturesDir, repoRoot } from '../fixtures-path';
// @ts-expect-error plain ESM module of the e2e harness, no types
import { capturedFixtures, distChrome, distFirefox, ownCases, realCaptures } from '../e2e/pages.mjs';

const insideRepo = (p: string) => {
  const rel = relative(repoRoot, resolve(p));
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel);
};

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

// Code and config that tests, builds, benches, demos and CI run. The captured
// pages are third-party HTML; our own HTML fixtures only describe what they imitate.
// This file is left out: it spells the patterns it looks for.
const thisFile = fileURLToPath(import.meta.url);
const codeFiles = [
  ...['tests', 'scripts', '.ci']
    .flatMap((d) => walk(join(repoRoot, d)))
    .filter((f) => !f.startsWith(capturedFixturesDir) && !f.endsWith('.html') && resolve(f) !== resolve(thisFile)),
  ...readdirSync(repoRoot)
    .filter((f) => f === 'package.json' || /^(vite|vitest)[.\w-]*\.(ts|mts|js|mjs)$/.test(f))
    .map((f) => join(repoRoot, f)),
];

const outside = [
  { what: 'a sibling shared/ folder', re: /\.\.[/\\]shared\b/ },
  { what: "join('..', 'shared')", re: /['"`]\.\.['"`]\s*,\s*['"`]shared['"`]/ },
  { what: 'an absolute /work path', re: /(^|[\s'"`(=:])\/work\// },
  { what: 'the removed fixtures variable', re: /COVERED_APPS_FIXTURES/ },
];

describe('nothing outside the repository is read', () => {
  test('the scan covers the tests, scripts, CI and configs', () => {
    const rel = codeFiles.map((f) => relative(repoRoot, f));
    expect(rel).toEqual(expect.arrayContaining(['.ci/run', 'package.json', 'scripts/test.mjs', 'scripts/bench.mjs', 'tests/e2e/pages.mjs', 'vite.config.ts', 'vitest.config.ts']));
  });

  test.each(outside)('no test, script or config names $what', ({ re }) => {
    const hits = codeFiles.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${relative(repoRoot, f)}:${i + 1}` }))
        .filter(({ line }) => re.test(line))
        .map(({ at, line }) => `${at}: ${line.trim()}`),
    );
    expect(hits).toEqual([]);
  });

  test('the fixture folders and build outputs the tests resolve lie inside the repository', () => {
    for (const dir of [capturedFixturesDir, ownFixturesDir, capturedFixtures, distChrome, distFirefox]) expect(insideRepo(dir), dir).toBe(true);
    expect(resolve(capturedFixtures)).toBe(resolve(capturedFixturesDir));
  });

  test('every page the e2e tests serve comes from a file inside the repository', () => {
    const files = [
      ...realCaptures.map(([, file]: [string, string]) => join(capturedFixturesDir, file)),
      ...readdirSync(ownFixturesDir)
        .filter((site) => existsSync(join(ownFixturesDir, site, 'cases.json')))
        .flatMap((site) =>
          (JSON.parse(readFileSync(join(ownFixturesDir, site, 'cases.json'), 'utf8')) as { file: string }[]).map((c) =>
            c.file.startsWith('captured:') ? join(capturedFixturesDir, c.file.slice('captured:'.length)) : join(ownFixturesDir, site, c.file),
          ),
        ),
    ];
    expect(files.length).toBeGreaterThan(50);
    for (const f of files) {
      expect(insideRepo(f), f).toBe(true);
      expect(existsSync(f), f).toBe(true);
    }
    // And the harness loads every one of them without error.
    expect(ownCases({ includeGeneric: true }).every((c: { body: string }) => c.body.length > 0)).toBe(true);
  });
});

describe('the real captures are committed with their provenance', () => {
  const sources = readFileSync(join(capturedFixturesDir, 'SOURCES.md'), 'utf8');
  // Rows of the per-site tables: "| file.html | ... | size | ..." under "## <site>/".
  const listed = new Map<string, number>();
  let site = '';
  for (const line of sources.split('\n')) {
    const heading = /^## ([\w-]+)\//.exec(line);
    if (heading) site = heading[1]!;
    const row = /^\| ([^|\s]+\.html) \|(.*)\|\s*$/.exec(line);
    if (row && site) {
      const size = row[2]!.split('|').map((c) => c.trim()).find((c) => /^\d{1,3}(,\d{3})*$/.test(c) && c.length > 2);
      listed.set(`${site}/${row[1]}`, Number(size?.replaceAll(',', '') ?? NaN));
    }
  }
  const present = walk(capturedFixturesDir)
    .map((f) => relative(capturedFixturesDir, f).split(sep).join('/'))
    .filter((f) => f !== 'SOURCES.md')
    .sort();

  test('every file in tests/fixtures/captured is listed in SOURCES.md, and every listed file is there', () => {
    expect(present.length).toBe(24);
    expect([...listed.keys()].sort()).toEqual(present);
  });

  test.each(present)('%s has the size SOURCES.md gives (unmodified)', (file) => {
    expect(statSync(join(capturedFixturesDir, file)).size).toBe(listed.get(file));
  });

  test('SOURCES.md names repository, commit and licence for each site', () => {
    for (const [heading, repo] of [
      ['google-play/', 'MrAdex77/google-play-scraper (MIT)'],
      ['apple-app-store/', 'phan2410/app-store_crawler (no licence file)'],
      ['google-play-legacy/', 'JoMingyu/google-play-scraper (MIT)'],
    ] as const) {
      const section = sources.split(`## ${heading}`)[1]!.split('\n## ')[0]!;
      expect(section).toContain(repo);
      expect(section).toMatch(/[0-9a-f]{40}/);
    }
  });
});
