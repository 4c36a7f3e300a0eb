// The record, its describing part, the matching tables and the quick files, read
// by the background from the package's own JSON files (src/data/record-files.ts) on first use
// and kept for the service worker's life. Not bundled into its code: a woken
// worker starts without parsing the record, answers the page's first message
// at once, and reads these while the page parses (the questions that follow need them).

import browser from 'webextension-polyfill';
import type { Dataset } from '../../src/data/schema';
import type { MatchIndex } from '../../src/match/compile';
import { describingCache, type DescriberOn } from '../shared/describing-cache';
import { RECORD_FILES } from '../../src/data/record-files';
import type { QuickFile } from '../../src/match/quick-match';


/** A gzipped JSON file of the package (ASCII: the build escapes the rest), inflated as it is read. */
const readJson = async <T>(file: string): Promise<T> => {
  const body = (await fetch(browser.runtime.getURL(file))).body!;
  const bytes = await new Response(body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
  return JSON.parse(new TextDecoder().decode(bytes)) as T;
};

let dataset: Promise<Dataset> | undefined;
let tables: Promise<MatchIndex> | undefined;
let describing: Promise<ReturnType<typeof describingCache>> | undefined;
const quick = new Map<number, Promise<QuickFile>>();

/** The record (measures, entities, sources): page records only. */
export function recordDataset(): Promise<Dataset> {
  return (dataset ??= readJson<Dataset>(RECORD_FILES.dataset));
}

/** The quick files a question needs (src/match/quick-match.ts), by number: a few kilobytes each. */
export function quickFilesOf(numbers: number[]): Promise<Map<number, QuickFile>> {
  return Promise.all(
    numbers.map((n) => {
      let file = quick.get(n);
      if (!file) quick.set(n, (file = readJson<QuickFile>(RECORD_FILES.quick(n))));
      return file.then((f) => [n, f] as const);
    }),
  ).then((entries) => new Map(entries));
}

/** The matching tables: the background answers the content scripts' questions with them (src/match/page-match.ts). */
export function matchTables(): Promise<MatchIndex> {
  return (tables ??= readJson<MatchIndex>(RECORD_FILES.matchIndex));
}

/** The describer for a chosen day, else for today (each kept; extension/shared/describing-cache.ts), from the describing record (what describing reads of the record). */
export async function describingFor(chosen: string | undefined): Promise<DescriberOn> {
  describing ??= readJson<Dataset>(RECORD_FILES.describing).then(describingCache);
  return (await describing).on(chosen);
}
