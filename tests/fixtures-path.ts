// Where the real third-party page captures live (../shared/fixtures, never copied
// into this repo). CI sets COVERED_APPS_FIXTURES; a missing folder fails loudly there.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const sharedFixturesDir = resolve(process.env.COVERED_APPS_FIXTURES ?? join(repoRoot, '..', 'shared', 'fixtures'));

export function requireSharedFixtures(): string {
  if (!existsSync(join(sharedFixturesDir, 'SOURCES.md'))) {
    throw new Error(
      `Real page captures not found at ${sharedFixturesDir}. Set COVERED_APPS_FIXTURES to the shared/fixtures folder (see README).`,
    );
  }
  return sharedFixturesDir;
}

export function readSharedFixture(relPath: string): string {
  return readFileSync(join(requireSharedFixtures(), relPath), 'utf8');
}

export const ownFixturesDir = join(repoRoot, 'tests', 'fixtures');

export function readOwnFixture(relPath: string): string {
  return readFileSync(join(ownFixturesDir, relPath), 'utf8');
}
