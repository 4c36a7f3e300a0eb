// Statuses as of the browsing day: findings are described with every status
// computed for today's date (from the dated events in the data), not for the
// date the data was checked, or for a day the user chose (./as-of.ts). Two
// days kept per record: today and the chosen one. The record is passed in:
// extension pages bundle it (./describing.ts), the background reads it from
// the package (extension/background/record-data.ts).
import type { Dataset } from '../../src/data/schema';
import { describeIndexAt, type DescribeIndex } from '../../src/match/compile';
import { localISODay } from '../../src/data/status';

export type DescribingOn = DescribeIndex & { date: string; chosen: boolean };

export function describingCache(dataset: Dataset) {
  const cached = new Map<string, DescribeIndex & { date: string }>();
  /** The describing index for `date`. */
  const at = (date: string): DescribeIndex & { date: string } => {
    let index = cached.get(date);
    if (!index) {
      if (cached.size >= 2) cached.delete(cached.keys().next().value!);
      cached.set(date, (index = describeIndexAt(dataset, date)));
    }
    return index;
  };
  /** Today's, local time. */
  const today = (now: Date = new Date()) => at(localISODay(now));
  /** The chosen day's, else today's. */
  const on = (chosen: string | undefined, now: Date = new Date()): DescribingOn =>
    chosen ? { ...at(chosen), chosen: true } : { ...today(now), chosen: false };
  return { at, today, on };
}
