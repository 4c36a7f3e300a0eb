// Every sentence the data can produce is kept in tests/golden/sentences.txt, so each
// wording or data change is reviewed as a diff. Regenerate with `npm run golden`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { sentenceCatalog } from '../../src/match/wording-catalog';

describe('golden sentences', () => {
  const catalog = sentenceCatalog(dataset);
  it('tests/golden/sentences.txt is up to date (npm run golden)', () => {
    expect(catalog).toBe(readFileSync(new URL('../golden/sentences.txt', import.meta.url), 'utf8'));
  });
  it('never says "banned" or "is named in" for a listing reached only through its developer or a relative', () => {
    for (const line of catalog.split('\n').filter((l) => l.startsWith('- [related]'))) {
      expect(line).not.toMatch(/\bbanned\b/i);
      expect(line).toMatch(/, not /);
    }
  });
  it('says "in force" only in lines whose effect is a restriction, or in a status that names its audience', () => {
    for (const line of catalog.split('\n').filter((l) => l.startsWith('- [not-in-force]'))) expect(line).not.toMatch(/ — in force\b/);
  });
});
