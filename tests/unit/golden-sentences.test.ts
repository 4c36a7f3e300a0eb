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
      // says the measure does not name it, or (a measure that names more than the record holds) that it is not among the names recorded
      expect(line).toMatch(/, not |, and \S.* is not among those recorded here/);
    }
  });
  it('says "in force" only in lines whose effect is a restriction, or in a status that names its audience', () => {
    for (const line of catalog.split('\n').filter((l) => l.startsWith('- [not-in-force]'))) expect(line).not.toMatch(/ — in force\b/);
  });
  it('holds the verdict of every single profile the data sets apart, the DoD procurement officer\'s included; a journalist is never told a measure binds them', () => {
    const verdicts = catalog.split('\n').filter((l) => l.startsWith('  verdict ['));
    expect(verdicts.some((l) => l.startsWith('  verdict [procurement:US-DOD]: Not allowed in your procurement — DoD Section 1260H list'))).toBe(true);
    expect(verdicts.some((l) => /^ {2}verdict \[[^\]]*public:IN[,\]].*: Restricted where you are/.test(l))).toBe(true);
    for (const l of verdicts.filter((v) => v.startsWith('  verdict [journalist]'))) expect(l).not.toMatch(/: (Not allowed|Restricted where you are)/);
    // each listing's block: the neutral view first, and every other profile last
    const blocks = catalog.split('\n## ').filter((b) => b.includes('verdict ['));
    for (const b of blocks) {
      const v = b.split('\n').filter((l) => l.startsWith('  verdict ['));
      expect(v[0]).toMatch(/^ {2}verdict \[neutral\]/);
      expect(v.at(-1)).toMatch(/^ {2}verdict \[every other profile \(\d+\)\]/);
    }
  });
});
