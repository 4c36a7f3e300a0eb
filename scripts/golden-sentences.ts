// Writes tests/golden/sentences.txt: every sentence the data can produce
// (src/match/wording-catalog.ts). Run: npm run golden. A unit test fails when the
// file is out of date, so every wording or data change is reviewed as a diff.
import { writeFileSync } from 'node:fs';
import { dataset } from '../src/data/dataset';
import { sentenceCatalog } from '../src/match/wording-catalog';

export const GOLDEN_PATH = 'tests/golden/sentences.txt';
writeFileSync(GOLDEN_PATH, sentenceCatalog(dataset));
console.log(`wrote ${GOLDEN_PATH}`);
