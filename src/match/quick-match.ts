// The background's quick answer to a page's own listing (its address, asked
// with describe at document_start: src/match/page-match.ts), from one small file
// per identifier key instead of the whole matching tables. A cold service worker
// answers it after reading a few kilobytes, not the tables (3 MB for a 10× record),
// so the banner is in before the page is parsed whatever the record's size (issue 10).
//
// Exact, not approximate: a quick file holds every verified identifier and every
// look-alike identifier whose key falls in it, so for the keys of a listing's ids
// the identifier tables are complete, and a tier 1 finding (a verified identifier
// of a covered app, no look-alike identifier: src/match/match.ts matchListing)
// depends on nothing else. Anything else (a name, a developer, an unverified id,
// a company's id) is answered from the whole tables. Pure.

import { emptyTables, type MatchIndex } from './compile';
import { keysOf, matchListing } from './match';
import type { MatchAnswer, MatchRequest } from './page-match';

/** Quick files in a build (data/quick/<n>.json.gz, src/data/record-files.ts): a power of two. */
export const QUICK_FILES = 64;

/** One quick file: the identifier tables' entries whose keys fall in it. */
export interface QuickFile {
  /** The entities its ids name: id and kind (a company's id is not a tier 1 finding). */
  entities: MatchIndex['entities'];
  /** identifierKey → index into `entities` (verified identifiers only: MatchIndex.ids). */
  ids: Record<string, number>;
  /** identifierKey → look-alike name (MatchIndex.lookalikeIds). */
  lookalikeIds: Record<string, string>;
}

/** The quick file a key is in (FNV-1a, 32 bits). */
export function quickFileOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) & (QUICK_FILES - 1);
}

/** The matching tables' identifier entries, cut into QUICK_FILES files (the build: scripts/vite-plugin-covered-index.ts). */
export function quickFiles(index: MatchIndex): QuickFile[] {
  const files: QuickFile[] = Array.from({ length: QUICK_FILES }, () => ({ entities: [], ids: {}, lookalikeIds: {} }));
  const local = files.map(() => new Map<number, number>());
  for (const [key, e] of Object.entries(index.ids)) {
    const n = quickFileOf(key);
    const file = files[n]!;
    let i = local[n]!.get(e);
    if (i === undefined) local[n]!.set(e, (i = file.entities.push(index.entities[e]!) - 1));
    file.ids[key] = i;
  }
  for (const [key, name] of Object.entries(index.lookalikeIds)) files[quickFileOf(key)]!.lookalikeIds[key] = name;
  return files;
}

/** The quick files a question needs: those of its listings' identifier keys. */
export function quickFilesFor(req: MatchRequest): number[] {
  return [...new Set(req.listings.flatMap((l) => l.ids.flatMap(keysOf).map(quickFileOf)))];
}

/**
 * The answer from the quick files (`files`: number → file, those of quickFilesFor),
 * when every listing asked about is either empty or a tier 1 finding and no text is
 * asked about; undefined when the whole tables must answer.
 */
export function quickAnswer(req: MatchRequest, files: ReadonlyMap<number, QuickFile>): (MatchAnswer | null)[] | undefined {
  if (req.text) return undefined;
  const index: MatchIndex = { asOf: '', entities: [], ...emptyTables() };
  // One index per entity across the files (the evidence lists every id of the entity found).
  const merged = new Map<string, number>();
  for (const file of files.values()) {
    for (const [key, i] of Object.entries(file.ids)) {
      const e = file.entities[i]!;
      let at = merged.get(e.id);
      if (at === undefined) merged.set(e.id, (at = index.entities.push(e) - 1));
      index.ids[key] = at;
    }
    Object.assign(index.lookalikeIds, file.lookalikeIds);
  }
  const found: (MatchAnswer | null)[] = [];
  for (const listing of req.listings) {
    if (listing.ids.length === 0 && !listing.name && !listing.developer) {
      found.push(null);
      continue;
    }
    if (listing.ids.length === 0) return undefined;
    const f = matchListing(listing, index);
    if (!f || f.tier !== 1) return undefined;
    found.push({ entityId: index.entities[f.entity]!.id, tier: f.tier, evidence: f.evidence });
  }
  return found;
}
