// Where the test pages live, all inside this repository: real third-party page
// captures in tests/fixtures/captured/<site>/ (provenance in its SOURCES.md) and
// our own imitation pages in tests/fixtures/<site>/.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const ownFixturesDir = join(repoRoot, 'tests', 'fixtures');
export const capturedFixturesDir = join(ownFixturesDir, 'captured');

/** A real capture, by its path under tests/fixtures/captured/ (e.g. "google-play/x.html"). */
export function readCapturedFixture(relPath: string): string {
  return readFileSync(join(capturedFixturesDir, relPath), 'utf8');
}

export function readOwnFixture(relPath: string): string {
  return readFileSync(join(ownFixturesDir, relPath), 'utf8');
}
