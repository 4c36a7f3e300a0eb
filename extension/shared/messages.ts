// Messages between the content script, the background and the popup.
// Everything that crosses a boundary is validated here (pure, unit-tested).

import type { Tier } from '../../src/match/match';
import { clip } from '../../src/text/clip';
import type { FindingWords } from '../../src/match/wording';

export type { Tier };

export interface FindingPayload {
  entityId: string;
  tier: Tier;
  evidence: string[];
  role: 'main' | 'card' | 'link' | 'vendor';
  name?: string;
  developer?: string;
  /** Stable key of the listing on this page (for dismissal and dedupe). */
  key: string;
}

export type ContentMessage =
  /**
   * partial: the page's own listing only, sent ahead of the rest to be described; the full list follows.
   * total: flagged findings (tiers 1–3) on the page when the list was capped (the toolbar count).
   * truncated: fields the validator shortened or findings it dropped (set by the background, never trusted from the page).
   */
  | { type: 'findings'; url: string; findings: FindingPayload[]; partial?: true; total?: number; truncated?: number }
  | { type: 'dismiss'; key: string }
  /**
   * The page moved to another address in place (history API): the tab's report no
   * longer describes it (two detail pages differ by their query only, which the
   * stored report leaves out, so the background cannot tell by itself).
   */
  | { type: 'navigated'; url: string }
  /** key: the listing whose badge was activated (the popup opens on it). */
  | { type: 'open-details'; key?: string };

/** get-tab: the tab's report; banner-dismissed: did the user dismiss this tab's banner; restore-banner: bring it back. */
export type PopupMessage = { type: 'get-tab' | 'banner-dismissed' | 'restore-banner'; tabId: number };

/** One finding described in words, generated from the data by the background. */
export type FindingDescription = FindingWords;

/** The background's answer to a findings message: what to draw, and what the user dismissed. */
export interface Descriptions {
  /** The data's date. */
  asOf: string;
  /** The day statuses were computed for (the browsing day). */
  date: string;
  dismissed: string[];
  /** By finding key, for findings of tiers 1–3. */
  summaries: Record<string, FindingDescription>;
  /** "2 listings on this page are named, or made by a company named, in a measure in force: …", when there are flagged findings. */
  listHeading?: string;
  /** No profile says whom measures bind (none chosen, or journalist): badges count every restriction. */
  neutral?: boolean;
}

export interface TabReport {
  url: string;
  findings: FindingPayload[];
  /** Flagged findings on the page, when more than the stored ones (the toolbar count). */
  total?: number;
  /** Fields shortened or findings dropped at the boundary (the rest of the report stands). */
  truncated?: number;
  /** Distinct apps a measure in force restricts, counted over every finding the page sent (the toolbar count). */
  restricted?: number;
  /** The page flagged more listings than it sent: `restricted` is a lower bound ("N+"). */
  restrictedAtLeast?: true;
  /** Findings the user marked "not this app": left out of the words and counts, kept for the export. */
  hidden?: FindingPayload[];
}

const ROLES = new Set(['main', 'card', 'link', 'vendor']);
/** Findings kept from one message (the content script sends at most MAX_SENT). */
export const MAX_FINDINGS = 2000;
export const MAX_STR = 500;
const MAX_EVIDENCE = 20;
const MAX_KEY = 1000;
const MAX_URL = 4096;
/** Marked findings kept per tab report. */
export const MAX_HIDDEN = 50;

export { clip };

/** Counts what it shortens or drops, so a report can say so. */
class Clipper {
  count = 0;
  str(v: unknown, max = MAX_STR): string | undefined {
    if (typeof v !== 'string') return undefined;
    if (v.length > max) this.count++;
    return clip(v, max);
  }
}

function parseFinding(v: unknown, c: Clipper): FindingPayload | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  // Identity fields are dropped with the finding, never shortened: a clipped id or key names something else.
  if (typeof o.entityId !== 'string' || o.entityId.length > 100 || !/^[a-z0-9-]+$/.test(o.entityId)) return null;
  if (o.tier !== 1 && o.tier !== 2 && o.tier !== 3 && o.tier !== 4) return null;
  if (typeof o.role !== 'string' || !ROLES.has(o.role)) return null;
  if (typeof o.key !== 'string' || o.key.length > MAX_KEY) return null;
  const evidence: string[] = [];
  if (Array.isArray(o.evidence)) {
    if (o.evidence.length > MAX_EVIDENCE) c.count++;
    for (const e of o.evidence.slice(0, MAX_EVIDENCE)) {
      const s = c.str(e);
      if (s === undefined) c.count++;
      else evidence.push(s);
    }
  } else if (o.evidence !== undefined) c.count++;
  const out: FindingPayload = { entityId: o.entityId, tier: o.tier, evidence, role: o.role as FindingPayload['role'], key: o.key };
  // A 600-character name loses its tail, not the finding.
  const name = c.str(o.name);
  const developer = c.str(o.developer);
  if (name !== undefined) out.name = name;
  else if (o.name !== undefined) c.count++;
  if (developer !== undefined) out.developer = developer;
  else if (o.developer !== undefined) c.count++;
  return out;
}

/** Validates a message from a content script; null when malformed. */
export function parseContentMessage(msg: unknown): ContentMessage | null {
  if (!msg || typeof msg !== 'object') return null;
  const o = msg as Record<string, unknown>;
  switch (o.type) {
    case 'findings': {
      if (typeof o.url !== 'string' || !Array.isArray(o.findings)) return null;
      const c = new Clipper();
      const url = c.str(o.url, MAX_URL)!;
      const findings: FindingPayload[] = [];
      // Past the cap, or malformed: that finding is dropped and counted, the rest stands.
      if (o.findings.length > MAX_FINDINGS) c.count += o.findings.length - MAX_FINDINGS;
      for (const f of o.findings.slice(0, MAX_FINDINGS)) {
        const p = parseFinding(f, c);
        if (p) findings.push(p);
        else c.count++;
      }
      const m: ContentMessage = { type: 'findings', url, findings };
      if (o.partial === true) m.partial = true;
      const flagged = badgeCount(findings);
      if (typeof o.total === 'number' && Number.isSafeInteger(o.total) && o.total > flagged) m.total = o.total;
      if (c.count) m.truncated = c.count;
      return m;
    }
    case 'dismiss':
      return typeof o.key === 'string' && o.key.length <= MAX_KEY ? { type: 'dismiss', key: o.key } : null;
    case 'navigated':
      return typeof o.url === 'string' && o.url.length <= MAX_URL ? { type: 'navigated', url: o.url } : null;
    case 'open-details':
      return typeof o.key === 'string' && o.key.length <= MAX_KEY ? { type: 'open-details', key: o.key } : { type: 'open-details' };
    default:
      return null;
  }
}

export function parsePopupMessage(msg: unknown): PopupMessage | null {
  if (!msg || typeof msg !== 'object') return null;
  const o = msg as Record<string, unknown>;
  const types = ['get-tab', 'banner-dismissed', 'restore-banner'] as const;
  const type = types.find((x) => x === o.type);
  if (type && typeof o.tabId === 'number' && Number.isInteger(o.tabId) && o.tabId >= 0) {
    return { type, tabId: o.tabId };
  }
  return null;
}

/** Flagged listings (tiers 1–3) among these findings: what a page's total counts. */
export function badgeCount(findings: FindingPayload[]): number {
  return findings.filter((f) => f.tier <= 3).length;
}

/**
 * Descriptions as they travel: each distinct description once (`words`), and
 * the index of each key's (`wordsOf`). A list of 1,000 cards of one app or one
 * company's apps is a few descriptions, not 1,000 copies: the page deserializes
 * the answer in one task, so its size is the page's time.
 */
export function packDescriptions<T extends { summaries: Record<string, FindingDescription> }>(d: T): Omit<T, 'summaries'> & { words: FindingDescription[]; wordsOf: Record<string, number> } {
  const { summaries, ...rest } = d;
  const words: FindingDescription[] = [];
  const at = new Map<string, number>();
  const wordsOf: Record<string, number> = {};
  for (const [key, s] of Object.entries(summaries)) {
    const json = JSON.stringify(s);
    let i = at.get(json);
    if (i === undefined) at.set(json, (i = words.push(s) - 1));
    wordsOf[key] = i;
  }
  return { ...rest, words, wordsOf };
}

/** Light shape check of the background's answer (it is ours, but a reload can leave junk); packed or not. */
export function parseDescriptions(v: unknown): Descriptions | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.asOf !== 'string' || typeof o.date !== 'string' || !Array.isArray(o.dismissed)) return undefined;
  let summaries: Record<string, FindingDescription>;
  if (Array.isArray(o.words) && o.wordsOf && typeof o.wordsOf === 'object') {
    const words = o.words as FindingDescription[];
    summaries = {};
    for (const [key, i] of Object.entries(o.wordsOf as Record<string, unknown>)) if (typeof i === 'number' && words[i]) summaries[key] = words[i];
  } else if (o.summaries && typeof o.summaries === 'object') summaries = o.summaries as Record<string, FindingDescription>;
  else return undefined;
  return {
    asOf: o.asOf,
    date: o.date,
    dismissed: o.dismissed.filter((k): k is string => typeof k === 'string'),
    summaries,
    listHeading: typeof o.listHeading === 'string' ? o.listHeading : undefined,
    neutral: o.neutral !== false,
  };
}

/** A stored report read back (storage can hold anything: an old layout, another build's, a truncated string); undefined when unusable. */
export function parseTabReport(v: unknown): TabReport | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  const m = parseContentMessage({ ...o, type: 'findings' });
  if (m?.type !== 'findings') return undefined;
  const r: TabReport = { url: m.url, findings: m.findings };
  if (m.total !== undefined) r.total = m.total;
  const truncated = (typeof o.truncated === 'number' && Number.isSafeInteger(o.truncated) && o.truncated > 0 ? o.truncated : 0) + (m.truncated ?? 0);
  if (truncated) r.truncated = truncated;
  if (typeof o.restricted === 'number' && Number.isSafeInteger(o.restricted) && o.restricted >= 0) r.restricted = o.restricted;
  if (o.restrictedAtLeast === true) r.restrictedAtLeast = true;
  if (Array.isArray(o.hidden)) {
    const c = new Clipper();
    const hidden = o.hidden.slice(0, MAX_HIDDEN).flatMap((f) => parseFinding(f, c) ?? []);
    if (hidden.length) r.hidden = hidden;
  }
  return r;
}

/** The toolbar's count as text: "12", "999+" for a lower bound, "" for none. */
export function restrictedLabel(r: Pick<TabReport, 'restricted' | 'restrictedAtLeast'>): string {
  const n = r.restricted ?? 0;
  if (!n) return '';
  return r.restrictedAtLeast ? `${Math.min(n, 999)}+` : String(n);
}

/** Every flagged listing (tiers 1–3) on the page, stored or not (the popup says how many it lists of them). */
export function reportCount(r: TabReport): number {
  return Math.max(r.total ?? 0, badgeCount(r.findings));
}
