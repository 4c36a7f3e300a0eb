// Look up an app or a company by name (the popup's search box, on any page): the
// compiled index's own name and developer tables (the normalizers the matcher
// uses), and the matcher's look-alike exclusions, which always win: "VidMate"
// finds no VMate, "微信输入法" (WeChat Keyboard) no WeChat. Pure.

import type { CompiledIndex } from './compile';
import { lookalikeFor } from './match';
import { normalizeDeveloper, normalizeName } from './normalize';

export interface LookupResult {
  /** Entity ids, best first: a whole name, then names starting with the query, then (3+ characters) containing it. */
  ids: string[];
  /** The look-alike the query names (the matcher's exclusion), when it does. */
  lookalike?: string;
}

/** Longest query looked at (a name, not a paragraph). */
const MAX_QUERY = 100;

/** Normalized name → entity ids: apps and features by their names, companies by theirs and their store spellings. */
export function lookupKeys(index: CompiledIndex): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  const add = (key: string, i: number) => {
    const id = index.entities[i]!.id;
    const list = keys.get(key) ?? [];
    if (!list.includes(id)) keys.set(key, [...list, id]);
  };
  for (const [key, entities] of Object.entries(index.names)) for (const i of entities) add(key, i);
  for (const table of [index.developers, index.weakDevelopers]) for (const [key, i] of Object.entries(table)) add(key, i);
  return keys;
}

export function lookupByName(query: string, index: CompiledIndex, keys: Map<string, string[]>, limit = 12): LookupResult {
  const text = query.slice(0, MAX_QUERY);
  const q = normalizeName(text);
  const qd = normalizeDeveloper(text);
  if (!q && !qd) return { ids: [] };
  const lookalike = lookalikeFor({ name: text, ids: [] }, index);
  const rank = new Map<string, number>();
  for (const [key, ids] of keys) {
    const r = key === q || key === qd ? 0 : lookalike || q.length < 2 ? 3 : key.startsWith(q) || (qd && key.startsWith(qd)) ? 1 : q.length >= 3 && key.includes(q) ? 2 : 3;
    if (r === 3) continue;
    for (const id of ids) rank.set(id, Math.min(rank.get(id) ?? 3, r));
  }
  const order = new Map(index.entities.map((e, i) => [e.id, i] as const));
  const ids = [...rank.keys()].sort((a, b) => rank.get(a)! - rank.get(b)! || order.get(a)! - order.get(b)!).slice(0, limit);
  return lookalike ? { ids, lookalike } : { ids };
}
