// Detects an input's format (or takes the one given) and reads it into rows.
// One entry point for the command line and the inventory page.

import { readCsv } from './formats/csv';
import { isObject, parseJson } from './formats/json-text';
import { isCycloneDx, isSpdx, readCycloneDx, readSpdx } from './formats/sbom';
import { isSystemProfiler, isWingetExport, looksLikeAdb, readAdbPackages, readSystemProfiler, readWingetExport } from './formats/installed';
import { readIdList } from './formats/id-list';
import { idsFromValue } from './identifiers';
import { readSavedPage } from './formats/saved-page';
import { inputError, type ReadResult } from './row';

export const FORMATS = ['csv', 'tsv', 'cyclonedx', 'spdx', 'winget', 'adb', 'system-profiler', 'list', 'html'] as const;
export type InventoryFormat = (typeof FORMATS)[number];

export interface ReadOptions {
  format?: InventoryFormat;
  /** Saved pages: the page's address when it names none (or to override it). */
  url?: string;
  /** Saved pages: how to parse HTML into a Document (linkedom in Node; the page's DOMParser). Without it, HTML is refused. */
  parseHtml?: (html: string) => Document;
}

const JSON_FORMATS = new Set<InventoryFormat>(['cyclonedx', 'spdx', 'winget', 'system-profiler']);

/** The format of a text: from its content first (a JSON shape, adb lines, HTML), then its name, then a header row. */
export function detectFormat(text: string, file: string): InventoryFormat | undefined {
  const head = text.replace(/^\uFEFF/, '').trimStart().slice(0, 4096);
  if (/^<(!doctype html|html|head|!--)/i.test(head)) return 'html';
  if (head.startsWith('{') || head.startsWith('[')) {
    if (/"bomFormat"\s*:\s*"CycloneDX"|cyclonedx/i.test(head)) return 'cyclonedx';
    if (/"spdxVersion"/.test(head)) return 'spdx';
    if (/"SPApplicationsDataType"/.test(head)) return 'system-profiler';
    if (/"Sources"|winget/i.test(head)) return 'winget';
    return undefined;
  }
  if (looksLikeAdb(head)) return 'adb';
  if (/\.tsv$/i.test(file)) return 'tsv';
  if (/\.csv$/i.test(file)) return 'csv';
  const first = head.split(/\r?\n/).find((l) => l.trim()) ?? '';
  // A list starts with a comment, a store URL or an id; a table with a header row.
  if (first.trimStart().startsWith('#') || idsFromValue(first.split(/\s+#/)[0]!).length) return 'list';
  if (first.includes('\t')) return 'tsv';
  if (first.includes(',')) return 'csv';
  return 'list';
}

export function readInventory(text: string, file: string, options: ReadOptions = {}): ReadResult & { format?: InventoryFormat } {
  const format = options.format ?? detectFormat(text, file);
  if (!format) return { rows: [], errors: [inputError(file, 1, 'format', `unknown format: give one with --format (${FORMATS.join(', ')})`)] };
  const result = readAs(format, text, file, options);
  return { ...result, format };
}

function readAs(format: InventoryFormat, text: string, file: string, options: ReadOptions): ReadResult {
  switch (format) {
    case 'csv':
      return readCsv(text, file, ',');
    case 'tsv':
      return readCsv(text, file, '\t');
    case 'adb':
      return readAdbPackages(text, file);
    case 'list':
      return readIdList(text, file);
    case 'html':
      if (!options.parseHtml) return { rows: [], errors: [inputError(file, 1, 'format', 'saved pages are read by the command line only')] };
      return readSavedPage(options.parseHtml(text), text, file, options.url);
  }
  if (!JSON_FORMATS.has(format)) return { rows: [], errors: [inputError(file, 1, 'format', `unknown format ${format}`)] };
  const parsed = parseJson(text, file);
  if ('error' in parsed) return { rows: [], errors: [parsed.error] };
  const doc = parsed.value;
  const wrong = (what: string) => ({ rows: [], errors: [inputError(file, 1, 'json', `not ${what}`)] });
  switch (format) {
    case 'cyclonedx':
      return isCycloneDx(doc) && isObject(doc) ? readCycloneDx(doc, text, file) : wrong('a CycloneDX SBOM (bomFormat "CycloneDX")');
    case 'spdx':
      return isSpdx(doc) && isObject(doc) ? readSpdx(doc, text, file) : wrong('an SPDX document (spdxVersion)');
    case 'winget':
      return isWingetExport(doc) && isObject(doc) ? readWingetExport(doc, text, file) : wrong('a winget export (Sources)');
    default:
      return isSystemProfiler(doc) && isObject(doc) ? readSystemProfiler(doc, text, file) : wrong('system_profiler output (SPApplicationsDataType)');
  }
}
