// The findings log (opt-in, local only): one entry per visit to a page with flagged
// listings. Pure: entries are built from a PageRecord, read back defensively (an
// entry this build cannot read is skipped and counted, never the rest), bounded with
// oldest-first eviction, searched, and written as JSON (CSV: log-csv.ts).

import type { Status } from '../data/schema';
import type { LineEffect } from '../match/wording';
import type { PageRecord } from './page-record';

export const LOG_ENTRY_VERSION = 1;
/** Entries kept; past it the oldest go first (the log page says so). */
export const MAX_LOG_ENTRIES = 5000;

export interface LogApp {
  entityId: string;
  key: string;
  /** "CamScanner (INTSIG Information Co.,Ltd)" */
  subject: string;
  tier: 1 | 2 | 3;
  /** restricts / not-in-force / related: what the measures do to the listing on that day. */
  verdict: LineEffect;
  measures: { id: string; title: string; status: Status }[];
}

export interface LogEntry {
  v: typeof LOG_ENTRY_VERSION;
  /** ISO date-time of the visit. */
  at: string;
  /** Without query or fragment. */
  url: string;
  /** The day statuses were computed for, and whether the user chose it. */
  statusesAsOf: string;
  chosenDate: boolean;
  dataAsOf: string;
  apps: LogApp[];
}

const VERDICTS = new Set<LineEffect>(['restricts', 'not-in-force', 'related']);
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const str = (v: unknown, max = 4096): v is string => typeof v === 'string' && v.length <= max;

/** The log entry for a page's record; undefined when it flags nothing. */
export function logEntryFromRecord(r: PageRecord): LogEntry | undefined {
  if (!r.findings.length) return undefined;
  const titles = new Map(r.measures.map((m) => [m.id, m.heading] as const));
  return {
    v: LOG_ENTRY_VERSION,
    at: r.checkedAt,
    url: r.pageUrl,
    statusesAsOf: r.statusesAsOf.date,
    chosenDate: r.statusesAsOf.chosen,
    dataAsOf: r.dataAsOf,
    apps: r.findings.slice(0, 50).map((f) => ({
      entityId: f.entityId,
      key: f.key,
      subject: f.subject,
      tier: f.tier as LogApp['tier'],
      verdict: f.effect,
      measures: f.lines.map((l) => ({ id: l.measureId, title: titles.get(l.measureId) ?? l.measureId, status: l.status })),
    })),
  };
}

function parseStatus(v: unknown): Status | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  return str(o.code, 40) && str(o.text, 500) ? ({ code: o.code, text: o.text } as Status) : undefined;
}

function parseApp(v: unknown): LogApp | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  if (!str(o.entityId, 100) || !str(o.key, 1000) || !str(o.subject, 1100)) return undefined;
  if (o.tier !== 1 && o.tier !== 2 && o.tier !== 3) return undefined;
  if (!VERDICTS.has(o.verdict as LineEffect) || !Array.isArray(o.measures)) return undefined;
  const measures: LogApp['measures'] = [];
  for (const m of o.measures) {
    const mo = (m ?? {}) as Record<string, unknown>;
    const status = parseStatus(mo.status);
    if (!str(mo.id, 100) || !str(mo.title, 500) || !status) return undefined;
    measures.push({ id: mo.id, title: mo.title, status });
  }
  return { entityId: o.entityId, key: o.key, subject: o.subject, tier: o.tier, verdict: o.verdict as LineEffect, measures };
}

/** One stored entry read back; undefined for anything this build did not write (another version, junk). */
export function parseLogEntry(v: unknown): LogEntry | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  if (o.v !== LOG_ENTRY_VERSION || !str(o.at, 40) || Number.isNaN(Date.parse(o.at)) || !str(o.url)) return undefined;
  if (!str(o.statusesAsOf, 10) || !ISO_DAY.test(o.statusesAsOf) || typeof o.chosenDate !== 'boolean' || !str(o.dataAsOf, 10)) return undefined;
  if (!Array.isArray(o.apps) || !o.apps.length) return undefined;
  const apps = o.apps.map(parseApp);
  if (apps.some((a) => !a)) return undefined;
  return { v: LOG_ENTRY_VERSION, at: o.at, url: o.url, statusesAsOf: o.statusesAsOf, chosenDate: o.chosenDate, dataAsOf: o.dataAsOf, apps: apps as LogApp[] };
}

export interface ReadLog {
  /** Oldest first. */
  entries: LogEntry[];
  /** Stored items that could not be read (skipped, kept in storage untouched). */
  skipped: number;
}

/** The stored log read back: each unreadable item skipped and counted. */
export function readLog(stored: unknown): ReadLog {
  if (stored === undefined) return { entries: [], skipped: 0 };
  if (!Array.isArray(stored)) return { entries: [], skipped: 1 };
  const entries: LogEntry[] = [];
  let skipped = 0;
  for (const item of stored) {
    const e = parseLogEntry(item);
    if (e) entries.push(e);
    else skipped++;
  }
  return { entries, skipped };
}

/**
 * The stored log with `entry` appended, at most `max` items (oldest dropped first).
 * Items it cannot read stay where they are (the log page counts them) until evicted
 * like any other; a stored value that is not a list at all starts a new one.
 */
export function appendToLog(stored: unknown, entry: LogEntry, max = MAX_LOG_ENTRIES): { items: unknown[]; evicted: number } {
  const items = [...(Array.isArray(stored) ? stored : []), entry];
  const evicted = Math.max(0, items.length - max);
  return { items: evicted ? items.slice(evicted) : items, evicted };
}

/** Entries with `query` (case-insensitive) in their address, an app, a measure, a status or the verdict. */
export function searchLog(entries: LogEntry[], query: string): LogEntry[] {
  const q = query.trim().toLowerCase();
  if (!q) return entries;
  return entries.filter((e) =>
    [e.url, e.at, ...e.apps.flatMap((a) => [a.subject, a.verdict, a.entityId, ...a.measures.flatMap((m) => [m.title, m.status.text])])].some((s) =>
      s.toLowerCase().includes(q),
    ),
  );
}

export const LOG_EXPORT_SCHEMA = 'covered-apps/findings-log';

/** The JSON export: the entries this build can read, and how many it skipped. */
export function logToJson(log: ReadLog, exportedAt: Date): string {
  return JSON.stringify({ schema: LOG_EXPORT_SCHEMA, schemaVersion: 1, exportedAt: exportedAt.toISOString(), maxEntries: MAX_LOG_ENTRIES, skipped: log.skipped, entries: log.entries }, null, 2);
}
