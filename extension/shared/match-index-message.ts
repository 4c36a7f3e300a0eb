// The content script's one question at document_start: "the matching tables,
// please". The background answers with them as one JSON string
// (extension/background/match-index.ts); the content script parses and checks
// it here. No content script bundles the tables, so its size does not grow
// with the record (issue 10).

import type { MatchIndex } from '../../src/match/compile';

export const MATCH_INDEX_REQUEST = { type: 'match-index' } as const;
export type MatchIndexRequest = typeof MATCH_INDEX_REQUEST;

export function isMatchIndexRequest(msg: unknown): msg is MatchIndexRequest {
  return !!msg && typeof msg === 'object' && (msg as { type?: unknown }).type === MATCH_INDEX_REQUEST.type;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const TABLES = ['ids', 'weakIds', 'names', 'developers', 'weakDevelopers', 'companyApps', 'companyFamily', 'lookalikeIds', 'lookalikeNames'] as const;
const AUTOMATON_ARRAYS = ['counts', 'fail', 'ends', 'values', 'classes'] as const;

/**
 * The background's answer read back: the tables when it has their shape (the
 * answer is ours, but an extension reloaded meanwhile can leave junk); undefined
 * otherwise, and the page is left alone.
 */
export function parseMatchIndex(answer: unknown): MatchIndex | undefined {
  if (typeof answer !== 'string') return undefined;
  let v: unknown;
  try {
    v = JSON.parse(answer);
  } catch {
    return undefined;
  }
  if (!isObject(v) || typeof v.asOf !== 'string' || !Array.isArray(v.entities)) return undefined;
  if (!TABLES.every((t) => isObject(v[t]))) return undefined;
  const a = v.automaton;
  if (!isObject(a) || typeof a.chars !== 'string' || !AUTOMATON_ARRAYS.every((k) => Array.isArray(a[k]))) return undefined;
  return v as unknown as MatchIndex;
}
