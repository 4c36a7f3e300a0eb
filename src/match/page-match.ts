// The content script's question to the background, "which of these listings,
// and which names in this text, are covered?", and its answer. The full
// matching tables stay in the background: the page sends what it read (store
// ids, names, developers, its text) and gets back findings by entity id, so
// neither the content script nor its start-up grows with the record (issue 10).
// Pure. This module is the wire (shapes and checks, in the content script's
// bundle); the background answers with answerMatch (./answer-match.ts).

import type { Platform } from '../data/schema';
import type { IdSource, Listing, ListingId } from '../sites/types';
import type { Tier } from './match';
import { clip } from '../text/clip';

/** What the page read of one listing (its element stays in the page); key: the page's key for it (asked with describe). */
export type ListingQuery = Pick<Listing, 'ids' | 'name' | 'developer' | 'role'> & { key?: string };

export interface MatchRequest {
  type: 'match';
  listings: ListingQuery[];
  /** The page's text (or an added subtree's) as it is: its text nodes joined by "\0" (the background folds it: src/match/fold-text.ts). */
  text?: string;
  /**
   * Also describe what is flagged, for the reader (the page's own listing, asked
   * ahead of the rest: its banner is drawn from this one answer, with no second
   * message before it). Each listing then carries its key.
   */
  describe?: true;
}

/** One listing's finding, by entity id. */
export interface MatchAnswer {
  entityId: string;
  tier: Tier;
  evidence: string[];
}

/** A covered app named in the text: its entity id, how often, and the first spelling seen. */
export interface TextMention {
  entityId: string;
  count: number;
  name: string;
}

export interface MatchResult {
  /** In the order of the listings asked about; null: not covered. */
  found: (MatchAnswer | null)[];
  mentions: TextMention[];
  /** With describe: the background's words for what is flagged (extension/shared/messages.ts Descriptions, packed). */
  described?: unknown;
}

/** Listings per question (the content script asks in batches of at most this many). */
export const MAX_QUERIES = 1000;
/** Characters of text per question: the content script reads at most 300,000 of page text (and a "\0" between nodes). */
export const MAX_QUERY_TEXT = 1_000_000;
const MAX_FIELD = 500;
const MAX_KEY = 1000;
const MAX_IDS = 20;
const SOURCES = new Set<IdSource>(['url', 'link', 'json-ld', 'page-text', 'meta']);
const ROLES = new Set<Listing['role']>(['main', 'card', 'link', 'vendor']);
const PLATFORM = /^[a-z][a-z-]{0,39}$/;

function parseId(v: unknown): ListingId | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  if (typeof o.platform !== 'string' || !PLATFORM.test(o.platform)) return null;
  if (typeof o.value !== 'string' || o.value.length === 0 || o.value.length > MAX_FIELD) return null;
  if (typeof o.from !== 'string' || !SOURCES.has(o.from as IdSource)) return null;
  return { platform: o.platform as Platform, value: o.value, from: o.from as IdSource };
}

function parseQuery(v: unknown): ListingQuery | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  if (typeof o.role !== 'string' || !ROLES.has(o.role as Listing['role'])) return null;
  const ids = Array.isArray(o.ids) ? o.ids.slice(0, MAX_IDS).flatMap((i) => parseId(i) ?? []) : [];
  const q: ListingQuery = { role: o.role as Listing['role'], ids };
  // An over-long field is shortened, never the reason to drop the listing (issue 13).
  if (typeof o.name === 'string') q.name = clip(o.name, MAX_FIELD);
  if (typeof o.developer === 'string') q.developer = clip(o.developer, MAX_FIELD);
  if (typeof o.key === 'string' && o.key.length <= MAX_KEY) q.key = o.key;
  return q;
}

/** Validates a page's question (its content is the page's: anything may be there); null when it is not one. */
export function parseMatchRequest(msg: unknown): MatchRequest | null {
  if (!msg || typeof msg !== 'object') return null;
  const o = msg as Record<string, unknown>;
  if (o.type !== 'match' || !Array.isArray(o.listings)) return null;
  // A malformed listing keeps its place (answered null), so the answers line up with the page's listings.
  const listings = o.listings.slice(0, MAX_QUERIES).map((l) => parseQuery(l) ?? { role: 'link' as const, ids: [] });
  const req: MatchRequest = { type: 'match', listings };
  if (typeof o.text === 'string' && o.text.length > 0) req.text = clip(o.text, MAX_QUERY_TEXT);
  if (o.describe === true) req.describe = true;
  return req;
}

/** The content script's check of the answer (it is ours, but a reload can leave junk); undefined when unusable. */
export function parseMatchResult(v: unknown, asked: number): MatchResult | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  if (!Array.isArray(o.found) || o.found.length !== asked || !Array.isArray(o.mentions)) return undefined;
  return o as unknown as MatchResult;
}
