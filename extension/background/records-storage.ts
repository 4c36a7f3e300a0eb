// The records' keys in storage (findings log, "not this app" marks, the chosen
// status date) and their repair at each service-worker start, composed with
// storage-schema.ts's: each broken value alone goes back to its default and is
// named; the log itself is never rewritten here (an entry this build cannot read
// is skipped and counted by whoever reads the log, never the rest wiped). The keys
// are additive to schema version 1 (absent = default), so no migration step moves them.

import { AS_OF_DATE, parseAsOfDate } from '../shared/as-of';
import { parseMarks } from '../../src/record/not-this-app';
import type { Repair } from './storage-schema';

/** storage.local: whether the user turned the findings log on (off by default). */
export const FINDINGS_LOG_ENABLED = 'findingsLogEnabled';
/** storage.local: the findings log, oldest first (src/record/findings-log.ts). */
export const FINDINGS_LOG = 'findingsLog';
/** storage.local: listings marked "not this app". */
export const NOT_THIS_APP = 'notThisApp';

type Items = Record<string, unknown>;

export function repairRecordsLocal(items: Items): Repair {
  const r: Repair = { set: {}, remove: [], reset: [] };
  if (FINDINGS_LOG_ENABLED in items && typeof items[FINDINGS_LOG_ENABLED] !== 'boolean') {
    r.remove.push(FINDINGS_LOG_ENABLED);
    r.reset.push('"Keep a findings log" (back to off)');
  }
  if (NOT_THIS_APP in items) {
    const { marks, dropped } = parseMarks(items[NOT_THIS_APP]);
    if (dropped) {
      r.set[NOT_THIS_APP] = marks;
      r.reset.push(`${dropped} unreadable "not this app" mark${dropped === 1 ? '' : 's'} (the others are kept)`);
    }
  }
  return r;
}

export function repairRecordsSession(items: Items): Repair {
  const r: Repair = { set: {}, remove: [], reset: [] };
  if (AS_OF_DATE in items && parseAsOfDate(items[AS_OF_DATE]) === undefined) {
    r.remove.push(AS_OF_DATE);
    r.reset.push('the chosen status date (back to today)');
  }
  return r;
}

/** Two repairs of one area as one. */
export function mergeRepairs(a: Repair, b: Repair): Repair {
  return { set: { ...a.set, ...b.set }, remove: [...a.remove, ...b.remove], reset: [...a.reset, ...b.reset] };
}
