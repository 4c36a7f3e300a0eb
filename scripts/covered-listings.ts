// Rewrites the computed columns of tests/covered-listings.json (lines, effect, namedOn)
// from the data, keeping each case's listing (what, pkg, name, developer) and its
// expected entity and tier as they are: review the diff as you review the golden
// sentences (`npm run golden:listings`).
import { readFileSync, writeFileSync } from 'node:fs';
import { dataset } from '../src/data/dataset';
import { compileIndex } from '../src/match/compile';
import { matchListing } from '../src/match/match';
import { summarizeFinding } from '../src/match/wording';
import { mainListingOf } from '../tests/covered-listing-page';

const path = 'tests/covered-listings.json';
const table = JSON.parse(readFileSync(path, "utf8")) as { cases: { what: string; pkg: string; name: string; developer: string; entity: string; tier: number; [k: string]: unknown }[] };
const index = compileIndex(dataset);
for (const c of table.cases) {
  const f = matchListing(mainListingOf(c), index);
  if (!f) throw new Error(`${c.what}: no finding`);
  const e = index.entities[f.entity]!;
  if (e.id !== c.entity || f.tier !== c.tier) throw new Error(`${c.what}: now ${e.id} tier ${f.tier}`);
  const s = summarizeFinding(f, index);
  c.effect = s.effect;
  c.lines = s.lines.map((l) => [l.effect, l.text]);
  c.namedOn = Object.fromEntries(e.coverage.map((cv) => [index.measures[cv.m]!.id, cv.namedOn]));
}
writeFileSync(path, JSON.stringify(table, null, 2) + '\n');
console.log(`wrote ${path}: ${table.cases.length} cases`);
