// "Status on any date": the user may pick the day every status, line and sentence
// is computed for (a journalist asking what the law said on Feb 1, 2021). Kept in
// storage.session (for the browsing session; gone when the browser closes); absent
// means the browsing day. Every surface that describes findings reads it from here.

/** storage.session key: the chosen day (YYYY-MM-DD). */
export const AS_OF_DATE = 'asOfDate';
/** The earliest day one can ask for: before any measure in the data. */
export const EARLIEST_AS_OF = '2000-01-01';

/** A chosen day read back from storage: a real calendar day from 2000 to the data's date a year on; else undefined. */
export function parseAsOfDate(v: unknown): string | undefined {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return undefined;
  const d = new Date(`${v}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) return undefined;
  return v >= EARLIEST_AS_OF && v <= '2100-12-31' ? v : undefined;
}

export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
}

/** The chosen day, read from storage.session (undefined: the browsing day). */
export async function readChosenDate(session: SessionArea): Promise<string | undefined> {
  try {
    return parseAsOfDate((await session.get(AS_OF_DATE))[AS_OF_DATE]);
  } catch {
    return undefined;
  }
}

