// Statuses as of the browsing day: findings are described with every status
// computed for today's date (from the dated events in the data), not for the
// date the data was checked, or for a day the user chose (./as-of.ts). Two
// days kept per record: today and the chosen one. The record is passed in:
// extension pages bundle it (./describing.ts), the background reads it from
// the package (extension/background/record-data.ts). Each day's describer
// describes an entity when first asked (src/match/compile.ts describerAt): the
// background describes what a page found, pages take every entity (`all()`).
import type { Dataset } from '../../src/data/schema';
import { describerAt, type Describer } from '../../src/match/compile';
import { localISODay } from '../../src/data/status';

export type DescriberOn = Describer & { chosen: boolean };

export function describingCache(dataset: Dataset) {
  const cached = new Map<string, Describer>();
  /** The describer for `date`. */
  const at = (date: string): Describer => {
    let describer = cached.get(date);
    if (!describer) {
      if (cached.size >= 2) cached.delete(cached.keys().next().value!);
      cached.set(date, (describer = describerAt(dataset, date)));
    }
    return describer;
  };
  /** Today's, local time. */
  const today = (now: Date = new Date()) => at(localISODay(now));
  /** The chosen day's, else today's. */
  const on = (chosen: string | undefined, now: Date = new Date()): DescriberOn =>
    chosen ? { ...at(chosen), chosen: true } : { ...today(now), chosen: false };
  return { at, today, on };
}
