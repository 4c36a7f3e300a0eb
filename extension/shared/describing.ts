// Extension pages (popup, options, records) describe from the record they bundle,
// with statuses as of the browsing day or the day the user chose (./as-of.ts).
import { dataset } from '../../src/data/dataset';
import { describingCache, type DescribingOn } from './describing-cache';

const cache = describingCache(dataset);

/** The describing index for `date`. */
export const describingAt = cache.at;
/** The describing index for today (local time). */
export const describingToday = cache.today;
/** The describing index for the chosen day, else for today. */
export const describingOn = cache.on;

// An extension page reads the chosen day once, before it renders (the popup's
// modules compute their index when first imported): set here, read by describingForPage.
let pageChosen: string | undefined;
export function choosePageDate(chosen: string | undefined): void {
  pageChosen = chosen;
}
export function describingForPage(now: Date = new Date()): DescribingOn {
  return describingOn(pageChosen, now);
}
