// The findings log as CSV (csv-stringify), apart from findings-log.ts so that the
// background, which only appends, does not carry the CSV library.

import { stringify } from 'csv-stringify/browser/esm/sync';
import type { LogEntry } from './findings-log';

// A spreadsheet runs a cell starting with one of these as a formula: page text (an
// app's name) must never be one.
const neutralize = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

export const LOG_CSV_COLUMNS = ['time', 'url', 'app', 'entity', 'tier', 'verdict', 'measures', 'statuses_as_of', 'chosen_date', 'data_version'] as const;

/** One row per app per visit; measures as "title: status" joined with "; ". */
export function logToCsv(entries: LogEntry[]): string {
  const rows = entries.flatMap((e) =>
    e.apps.map((a) =>
      [
        e.at,
        e.url,
        a.subject,
        a.entityId,
        String(a.tier),
        a.verdict,
        a.measures.map((m) => `${m.title}: ${m.status.text}`).join('; '),
        e.statusesAsOf,
        e.chosenDate ? 'yes' : 'no',
        e.dataAsOf,
      ].map(neutralize),
    ),
  );
  return stringify([[...LOG_CSV_COLUMNS], ...rows], { record_delimiter: '\r\n' });
}

