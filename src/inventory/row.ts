// The inventory's unit: one row of a file a user checks (a CSV line, an SBOM
// component, an installed package, a listing on a saved page), whatever the format.
// Pure: used by the command line (Node) and the inventory extension page alike.

import type { Platform } from '../data/schema';
import type { IdSource, Listing } from '../sites/types';

export interface RowSource {
  file: string;
  /** 1-based line of the file the row starts on. */
  line: number;
}

export interface RowId {
  platform: Platform;
  value: string;
  /** Saved pages: where on the page the id was found (default: the inventory). */
  from?: IdSource;
}

export interface InventoryRow {
  name?: string;
  developer?: string;
  ids: RowId[];
  source: RowSource;
  /** Saved pages: the listing's role on the page (default: a listing of its own). */
  role?: Listing['role'];
}

/** A problem with the input: which file, line and field, and what is wrong. */
export interface InputError {
  file: string;
  line: number;
  field: string;
  message: string;
}

export function inputError(file: string, line: number, field: string, message: string): InputError {
  return { file, line, field, message };
}

export function formatInputError(e: InputError): string {
  return `${e.file}:${e.line}: ${e.field}: ${e.message}`;
}

/** What a format reader returns: the rows it read and the problems it met (it never throws on bad input). */
export interface ReadResult {
  rows: InventoryRow[];
  errors: InputError[];
}

/** 1-based line of character `offset` in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

const clean = (s: unknown): string | undefined => (typeof s === 'string' && s.trim() ? s.trim() : undefined);
export { clean as cleanField };
