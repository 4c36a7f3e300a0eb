// Statuses as of the browsing day: the background and the popup describe findings
// with every status computed for today's date (from the dated events in the data),
// not for the date the data was checked. Recomputed once a day.
import { dataset } from '../../src/data/dataset';
import { describeIndexAt, type DescribeIndex } from '../../src/match/compile';
import { localISODay } from '../../src/data/status';

// Two days kept: today and a day the user chose (src: extension/shared/as-of.ts).
const cached = new Map<string, DescribeIndex & { date: string }>();

/** The describing index for `date` (default: today, local time). */
export function describingAt(date: string): DescribeIndex & { date: string } {
  let index = cached.get(date);
  if (!index) {
    if (cached.size >= 2) cached.delete(cached.keys().next().value!);
    cached.set(date, (index = describeIndexAt(dataset, date)));
  }
  return index;
}

export function describingToday(now: Date = new Date()): DescribeIndex & { date: string } {
  return describingAt(localISODay(now));
}
