// Output writers for checked rows: table (terminal), json (schema-versioned, see
// README "Inventory JSON"), csv and markdown. Each writes as rows come (json and
// csv hold no rows in memory; table and markdown keep only the rows they show).

import type { CheckedRow, CheckSummary } from './check';
import { formatInputError, type InputError } from './row';

export const OUTPUTS = ['table', 'json', 'csv', 'markdown'] as const;
export type OutputFormat = (typeof OUTPUTS)[number];

export const INVENTORY_SCHEMA = 'covered-apps/inventory-check';
export const INVENTORY_SCHEMA_VERSION = 1;

export interface CheckMeta {
  asOf: string;
  date: string;
  profile?: string;
}

export interface InputInfo {
  file: string;
  format?: string;
  rows: number;
}

export interface Writer {
  begin(meta: CheckMeta): string;
  row(row: CheckedRow): string;
  end(summary: CheckSummary, errors: InputError[], inputs: InputInfo[]): string;
}

/** Rows a human-readable report lists: every match, and look-alikes (why a familiar name was not flagged). */
export function isReported(r: CheckedRow): boolean {
  return r.verdict !== 'clear' || !!r.lookalike;
}

const measuresText = (r: CheckedRow) => r.measures.map((m) => `${m.title}: ${m.status}`).join('; ');
/** The app: the covered one matched; for a company match, the row's app and its company. */
export const appText = (r: CheckedRow) =>
  r.entity?.kind === 'company' ? `${r.name ?? r.ids[0] ?? ''} (by ${r.entity.name})` : (r.entity?.name ?? r.name ?? r.ids[0] ?? '');
/** The developer as the input gives it, else the one recorded for the match (marked as such). */
export const developerText = (r: CheckedRow) => r.developer ?? (r.entity?.developer ? `(recorded: ${r.entity.developer})` : '');

export function summaryLine(s: CheckSummary, meta: CheckMeta): string {
  const v = s.byVerdict;
  return (
    `${s.rows} rows checked; ${s.flagged} flagged (${v.restricts} restricted by a measure in force, ${v['not-in-force']} named only in measures not in force, ` +
    `${v.related} only related, ${v.possible} possible matches by name); ${v.weak} weak, popup-only evidence.` +
    (meta.profile ? ` For ${meta.profile}: ${s.restrictsYou ?? 0} restricted by a measure binding you.` : '') +
    ` Statuses as of ${meta.date}; data as of ${meta.asOf}.`
  );
}

// ---------------------------------------------------------------------------

const CSV_HEADER = ['file', 'line', 'verdict', 'tier', 'app', 'entity_id', 'developer', 'name_in_input', 'developer_in_input', 'ids', 'evidence', 'measures', 'sentences', 'for_profiles'];

/** A CSV cell: quoted when needed; a leading = + - @ is defused for spreadsheets. */
export function csvCell(value: string | number | undefined): string {
  let s = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvLine(r: CheckedRow): string {
  return (
    [
      r.source.file,
      r.source.line,
      r.verdict,
      r.tier,
      r.entity?.name,
      r.entity?.id,
      r.entity?.developer,
      r.name,
      r.developer,
      r.ids.join(' '),
      r.evidence.join('; '),
      measuresText(r),
      r.measures.map((m) => m.sentence).join(' | '),
      r.forProfiles?.text,
    ]
      .map(csvCell)
      .join(',') + '\r\n'
  );
}

const csvWriter = (): Writer => ({
  begin: () => CSV_HEADER.join(',') + '\r\n',
  row: csvLine,
  end: () => '',
});

const jsonWriter = (): Writer => {
  let first = true;
  return {
    begin: (meta) => `{"schema":${JSON.stringify(INVENTORY_SCHEMA)},"version":${INVENTORY_SCHEMA_VERSION},"asOf":${JSON.stringify(meta.asOf)},"date":${JSON.stringify(meta.date)},${meta.profile ? `"profile":${JSON.stringify(meta.profile)},` : ''}"rows":[\n`,
    row: (r) => {
      const s = (first ? '' : ',\n') + JSON.stringify(r);
      first = false;
      return s;
    },
    end: (summary, errors, inputs) => `\n],"errors":${JSON.stringify(errors)},"inputs":${JSON.stringify(inputs)},"summary":${JSON.stringify(summary)}}\n`,
  };
};

/** Rows for the human-readable writers: line, verdict, app, developer, tier, evidence, measures. */
export function reportCells(r: CheckedRow): string[] {
  return [`${r.source.file}:${r.source.line}`, r.forProfiles ? `${r.verdict}: ${r.forProfiles.text}` : r.verdict, appText(r), developerText(r), r.tier ? String(r.tier) : '', r.evidence.join('; '), measuresText(r)];
}
const REPORT_HEADER = ['where', 'verdict', 'app', 'developer', 'tier', 'evidence', 'measures'];

/** A human-readable writer: keeps the reported rows' cells, renders them at the end. */
function reportWriter(render: (rows: string[][], summary: CheckSummary, meta: CheckMeta, errors: InputError[]) => string): Writer {
  const rows: string[][] = [];
  let meta: CheckMeta;
  return {
    begin: (m) => {
      meta = m;
      return '';
    },
    row: (r) => {
      if (isReported(r)) rows.push(reportCells(r));
      return '';
    },
    end: (summary, errors) => render(rows, summary, meta, errors),
  };
}

const NONE = 'No row matched a covered app.\n';

// Input errors go to standard error as they are met (src/inventory/cli/main.ts); the table does not repeat them.
const tableWriter = () =>
  reportWriter((rows, summary, meta) => {
    const cap = [60, 70, 40, 30, 4, 70, 90];
    const cut = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);
    const all = [REPORT_HEADER, ...rows].map((r) => r.map((c, i) => cut(c, cap[i]!)));
    const widths = REPORT_HEADER.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
    const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd() + '\n';
    return (rows.length ? all.map(line).join('') : NONE) + summaryLine(summary, meta) + '\n';
  });

const mdCell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

// A report file: it keeps the input errors in a section of their own.
const markdownWriter = () =>
  reportWriter(
    (rows, summary, meta, errors) =>
      `# Covered Apps inventory check\n\n${summaryLine(summary, meta)}\n\n` +
      (rows.length ? `| ${REPORT_HEADER.join(' | ')} |\n|${REPORT_HEADER.map(() => '---').join('|')}|\n${rows.map((r) => `| ${r.map(mdCell).join(' | ')} |\n`).join('')}` : NONE) +
      (errors.length ? `\n## Input errors\n\n${errors.map((e) => `- ${mdCell(formatInputError(e))}\n`).join('')}` : ''),
  );

export function createWriter(format: OutputFormat): Writer {
  switch (format) {
    case 'json':
      return jsonWriter();
    case 'csv':
      return csvWriter();
    case 'markdown':
      return markdownWriter();
    default:
      return tableWriter();
  }
}
