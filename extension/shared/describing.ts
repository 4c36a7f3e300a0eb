// Extension pages (popup, options, records) describe from the record they bundle,
// with statuses as of the browsing day or the day the user chose (./as-of.ts).
// A page shows any entity: each day's index holds every entity some measure reaches.
import { dataset } from '../../src/data/dataset';
import type { DescribeIndex } from '../../src/match/compile';
import { describingCache } from './describing-cache';

const cache = describingCache(dataset);

export type DescribingOn = DescribeIndex & { date: string; chosen: boolean };

/** The describing index for `date`. */
export const describingAt = (date: string) => cache.at(date).all();
/** The describing index for today (local time). */
export const describingToday = (now: Date = new Date()) => cache.today(now).all();
/** The describing index for the chosen day, else for today. */
export const describingOn = (chosen: string | undefined, now: Date = new Date()): DescribingOn => {
  const d = cache.on(chosen, now);
  return { ...d.all(), chosen: d.chosen };
};

// An extension page reads the chosen day once, before it renders (the popup's
// modules compute their index when first imported): set here, read by describingForPage.
let pageChosen: string | undefined;
export function choosePageDate(chosen: string | undefined): void {
  pageChosen = chosen;
}
export function describingForPage(now: Date = new Date()): DescribingOn {
  return describingOn(pageChosen, now);
}
