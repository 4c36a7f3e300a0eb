// Reading inventory files in Node: CSV/TSV streamed record by record (a
// million-row file in bounded memory), everything else read whole.

import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { parseHTML } from 'linkedom';
import { csvColumns, csvParseError, csvParseOptions, csvRow, startLine, type CsvColumns, type CsvRecord } from '../formats/csv';
import { detectFormat, readInventory, type InventoryFormat } from '../read';
import { inputError, type InputError, type InventoryRow } from '../row';

const HEAD_BYTES = 64 * 1024;

export interface FileReadOptions {
  format?: InventoryFormat;
  url?: string;
}

export type RowEvent = { row: InventoryRow } | { error: InputError };

const parseHtml = (html: string) => parseHTML(html).document as unknown as Document;

function headOf(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const n = readSync(fd, buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Rows and errors of one input ('-': standard input), in file order; the detected format first. */
export async function* readInputFile(path: string, options: FileReadOptions, stdin: Readable): AsyncGenerator<RowEvent | { format: InventoryFormat | undefined }> {
  const file = path === '-' ? '<stdin>' : path;
  let format = options.format;
  if (path !== '-' && !format) {
    let head: string;
    try {
      head = headOf(path);
    } catch (err) {
      yield { error: inputError(file, 0, 'file', (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message) };
      return;
    }
    format = detectFormat(head, file);
  }
  if (path !== '-' && (format === 'csv' || format === 'tsv')) {
    yield { format };
    yield* streamCsv(createReadStream(path), file, format === 'tsv' ? '\t' : ',');
    return;
  }
  let text: string;
  try {
    text = await readAll(path === '-' ? stdin : createReadStream(path));
  } catch (err) {
    yield { error: inputError(file, 0, 'file', (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message) };
    return;
  }
  const result = readInventory(text, file, { format, url: options.url, parseHtml });
  yield { format: result.format };
  for (const error of result.errors) yield { error };
  for (const row of result.rows) yield { row };
}

export async function* streamCsv(input: Readable, file: string, delimiter: ',' | '\t'): AsyncGenerator<RowEvent> {
  const parser = input.pipe(parse(csvParseOptions(delimiter)));
  let cols: CsvColumns | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<CsvRecord>) {
      if (!cols) {
        const c = csvColumns(record, file);
        if ('message' in c) {
          yield { error: c };
          input.destroy();
          return;
        }
        cols = c;
        continue;
      }
      const r = csvRow(cols, record, file, startLine(record, info.lines));
      if (r.row) yield { row: r.row };
      else if (r.error) yield { error: r.error };
    }
  } catch (err) {
    yield { error: csvParseError(err, file) };
  }
}
