// Statuses as of the browsing day: the background and the popup describe findings
// with every status computed for today's date (from the dated events in the data),
// not for the date the data was checked. Recomputed once a day.
import { dataset } from '../../src/data/dataset';
import { describeIndexAt, type DescribeIndex } from '../../src/match/compile';
import { localISODay } from '../../src/data/status';

let cached: DescribeIndex | undefined;

/** The describing index for `date` (default: today, local time). */
export function describingAt(date: string): DescribeIndex {
  if (cached?.date !== date) cached = describeIndexAt(dataset, date);
  return cached;
}

export function describingToday(now: Date = new Date()): DescribeIndex {
  return describingAt(localISODay(now));
}
