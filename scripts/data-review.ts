// What is due for review: each measure whose `reviewBy` date has come (as of today,
// or --as-of=YYYY-MM-DD), soonest first, with why, and what comes due in the next 90 days.
// Run: npm run data:review. (A unit test fails when a shipped measure is more than a
// year past its reviewBy relative to the dataset's date.)
import { dataset } from '../src/data/dataset';
import { daysBetween, localISODay } from '../src/data/status';

const asOf = process.argv.find((a) => a.startsWith('--as-of='))?.slice(8) ?? localISODay(new Date());
const rows = dataset.measures
  .filter((m) => m.reviewBy)
  .map((m) => ({ m, days: daysBetween(asOf, m.reviewBy!) }))
  .sort((a, b) => a.days - b.days);
const due = rows.filter((r) => r.days <= 0);
const soon = rows.filter((r) => r.days > 0 && r.days <= 90);
const line = ({ m, days }: (typeof rows)[number]) =>
  `  ${m.reviewBy}  ${days <= 0 ? `${-days} days overdue` : `in ${days} days`}  ${m.id} (${m.jurisdiction})\n      ${m.reviewNote ?? ''}`;
console.log(`Review dates as of ${asOf} (data checked ${dataset.asOf}): ${rows.length} measures with a review date, ${dataset.measures.length - rows.length} without.`);
console.log(`\nDUE (${due.length})`);
for (const r of due) console.log(line(r));
console.log(`\nWITHIN 90 DAYS (${soon.length})`);
for (const r of soon) console.log(line(r));
