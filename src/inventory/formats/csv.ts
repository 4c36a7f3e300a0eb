// CSV/TSV inventories with a header row: the name, developer and id columns are
// found by their header (any order; other columns are ignored). Parsing is
// csv-parse's (quoted commas, BOM, CRLF); this file only maps records to rows, so
// the streaming reader (src/inventory/node/read-csv.ts) and the text reader share it.

import { parse } from 'csv-parse/browser/esm/sync';
import type { Platform } from '../../data/schema';
import { idsFromPurl, idsOfKind } from '../identifiers';
import { inputError, type InputError, type InventoryRow, type ReadResult, type RowId } from '../row';

const key = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

const NAME_HEADERS = new Set(['name', 'app', 'appname', 'application', 'applicationname', 'product', 'productname', 'software', 'softwarename', 'title', 'displayname', 'component', 'packagename_display']);
const DEVELOPER_HEADERS = new Set(['developer', 'publisher', 'vendor', 'manufacturer', 'supplier', 'company', 'seller', 'author', 'developername', 'publishername', 'vendorname']);
/** Id headers and the platform their values belong to ('any': told by the value's shape). */
const ID_HEADERS: Record<string, Platform | 'any' | 'purl'> = {
  package: 'google-play',
  packagename: 'google-play',
  packageid: 'any',
  androidpackage: 'google-play',
  applicationid: 'any',
  bundleid: 'apple-bundle',
  bundleidentifier: 'apple-bundle',
  bundle: 'apple-bundle',
  productid: 'microsoft-store',
  storeid: 'any',
  appid: 'any',
  id: 'any',
  identifier: 'any',
  packageidentifier: 'winget',
  wingetid: 'winget',
  asin: 'amazon',
  url: 'any',
  storeurl: 'any',
  link: 'any',
  purl: 'purl',
  packageurl: 'purl',
};

export interface CsvColumns {
  name?: number;
  developer?: number;
  ids: { index: number; header: string; kind: Platform | 'any' | 'purl' }[];
}

/** Columns of a header row; an error (line 1, field "header") when it has neither a name nor an id column. */
export function csvColumns(header: string[], file: string): CsvColumns | InputError {
  const cols: CsvColumns = { ids: [] };
  header.forEach((h, index) => {
    const k = key(h.replace(/^\uFEFF/, ''));
    if (cols.name === undefined && NAME_HEADERS.has(k)) cols.name = index;
    else if (cols.developer === undefined && DEVELOPER_HEADERS.has(k)) cols.developer = index;
    else if (ID_HEADERS[k]) cols.ids.push({ index, header: h, kind: ID_HEADERS[k]! });
  });
  if (cols.name === undefined && cols.ids.length === 0) {
    return inputError(file, 1, 'header', `no name, package or id column (columns: ${header.map((h) => JSON.stringify(h)).join(', ') || 'none'})`);
  }
  return cols;
}

/** One record (a data line) as a row, or an error naming its line and field. */
export function csvRow(cols: CsvColumns, record: string[], file: string, line: number): { row?: InventoryRow; error?: InputError } {
  // A spreadsheet's trailing ",,,," rows are blank lines, not rows.
  if (record.every((f) => !f.trim())) return {};
  const name = cols.name !== undefined ? record[cols.name]?.trim() || undefined : undefined;
  const developer = cols.developer !== undefined ? record[cols.developer]?.trim() || undefined : undefined;
  const ids: RowId[] = [];
  for (const c of cols.ids) {
    const value = record[c.index]?.trim();
    if (!value) continue;
    if (c.kind === 'purl') {
      const got = idsFromPurl(value);
      if (!got) return { error: inputError(file, line, c.header, `not a package URL: ${JSON.stringify(value.slice(0, 80))}`) };
      ids.push(...got);
    } else ids.push(...idsOfKind(c.kind, value));
  }
  if (!name && ids.length === 0) {
    const field = cols.name !== undefined ? cols.name : cols.ids[0]!.index;
    return { error: inputError(file, line, fieldName(cols, field), 'empty: the row has no name and no id') };
  }
  return { row: { name, developer, ids, source: { file, line } } };
}

function fieldName(cols: CsvColumns, index: number): string {
  return cols.name === index ? 'name' : (cols.ids.find((c) => c.index === index)?.header ?? String(index));
}

/** csv-parse options shared by the text and the streaming readers. */
export function csvParseOptions(delimiter: ',' | '\t') {
  return { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, info: true } as const;
}

/** Parse-level errors (an unclosed quote…) as input errors. */
export function csvParseError(err: unknown, file: string): InputError {
  const e = err as { lines?: number; message?: string; code?: string };
  return inputError(file, e.lines ?? 0, 'record', (e.message ?? String(err)).replace(/^Invalid Record Length: /, ''));
}

export type CsvRecord = { record: string[]; info: { lines: number } };

/** Rows of a whole CSV/TSV text (the extension page; small files in the CLI). */
export function readCsv(text: string, file: string, delimiter: ',' | '\t' = ','): ReadResult {
  let records: CsvRecord[];
  const errors: InputError[] = [];
  try {
    records = parse(text, csvParseOptions(delimiter)) as unknown as CsvRecord[];
  } catch (err) {
    return { rows: [], errors: [csvParseError(err, file)] };
  }
  return rowsOfRecords(records, file, errors);
}

/** csv-parse counts the line a record ends on; a quoted field may span lines. */
export function startLine(record: string[], endLine: number): number {
  let breaks = 0;
  for (const f of record) for (let i = f.indexOf('\n'); i !== -1; i = f.indexOf('\n', i + 1)) breaks++;
  return endLine - breaks;
}

export function rowsOfRecords(records: Iterable<CsvRecord>, file: string, errors: InputError[] = []): ReadResult {
  const rows: InventoryRow[] = [];
  let cols: CsvColumns | undefined;
  for (const { record, info } of records) {
    if (!cols) {
      const c = csvColumns(record, file);
      if ('message' in c) return { rows, errors: [...errors, c] };
      cols = c;
      continue;
    }
    const r = csvRow(cols, record, file, startLine(record, info.lines));
    if (r.row) rows.push(r.row);
    if (r.error) errors.push(r.error);
  }
  return { rows, errors };
}
