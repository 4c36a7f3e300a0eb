// Messages between the content script, the background and the popup.
// Everything that crosses a boundary is validated here (pure, unit-tested).

import type { Tier } from '../../src/match/match';
import type { LineEffect } from '../../src/match/wording';

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
  /** partial: the page's own listing only, sent ahead of the rest to be described; the full list follows. */
  | { type: 'findings'; url: string; findings: FindingPayload[]; partial?: true }
  | { type: 'dismiss'; key: string }
  | { type: 'open-details' };

export type PopupMessage = { type: 'get-tab'; tabId: number };

/** One finding described in words, generated from the data by the background. */
export interface FindingDescription {
  subject: string;
  possible: boolean;
  /** The strongest effect of its lines (src/match/wording.ts LineEffect). */
  effect: LineEffect;
  lines: { text: string; effect: LineEffect }[];
}

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
}

export interface TabReport {
  url: string;
  findings: FindingPayload[];
}

const ROLES = new Set(['main', 'card', 'link', 'vendor']);
const MAX_FINDINGS = 2000;
const MAX_STR = 500;

function isStr(v: unknown, max = MAX_STR): v is string {
  return typeof v === 'string' && v.length <= max;
}

function parseFinding(v: unknown): FindingPayload | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  if (!isStr(o.entityId, 100) || !/^[a-z0-9-]+$/.test(o.entityId)) return null;
  if (o.tier !== 1 && o.tier !== 2 && o.tier !== 3 && o.tier !== 4) return null;
  if (!Array.isArray(o.evidence) || o.evidence.length > 20 || !o.evidence.every((e) => isStr(e))) return null;
  if (!isStr(o.role) || !ROLES.has(o.role)) return null;
  if (o.name !== undefined && !isStr(o.name)) return null;
  if (o.developer !== undefined && !isStr(o.developer)) return null;
  if (!isStr(o.key, 1000)) return null;
  return {
    entityId: o.entityId,
    tier: o.tier,
    evidence: o.evidence as string[],
    role: o.role as FindingPayload['role'],
    name: o.name as string | undefined,
    developer: o.developer as string | undefined,
    key: o.key,
  };
}

/** Validates a message from a content script; null when malformed. */
export function parseContentMessage(msg: unknown): ContentMessage | null {
  if (!msg || typeof msg !== 'object') return null;
  const o = msg as Record<string, unknown>;
  switch (o.type) {
    case 'findings': {
      if (!isStr(o.url, 4096) || !Array.isArray(o.findings) || o.findings.length > MAX_FINDINGS) return null;
      const findings: FindingPayload[] = [];
      for (const f of o.findings) {
        const p = parseFinding(f);
        if (!p) return null;
        findings.push(p);
      }
      if (o.partial !== undefined && o.partial !== true) return null;
      return o.partial ? { type: 'findings', url: o.url, findings, partial: true } : { type: 'findings', url: o.url, findings };
    }
    case 'dismiss':
      return isStr(o.key, 1000) ? { type: 'dismiss', key: o.key } : null;
    case 'open-details':
      return { type: 'open-details' };
    default:
      return null;
  }
}

export function parsePopupMessage(msg: unknown): PopupMessage | null {
  if (!msg || typeof msg !== 'object') return null;
  const o = msg as Record<string, unknown>;
  if (o.type === 'get-tab' && typeof o.tabId === 'number' && Number.isInteger(o.tabId) && o.tabId >= 0) {
    return { type: 'get-tab', tabId: o.tabId };
  }
  return null;
}

/** Light shape check of the background's answer (it is ours, but a reload can leave junk). */
export function parseDescriptions(v: unknown): Descriptions | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.asOf !== 'string' || typeof o.date !== 'string' || !Array.isArray(o.dismissed) || !o.summaries || typeof o.summaries !== 'object') return undefined;
  return {
    asOf: o.asOf,
    date: o.date,
    dismissed: o.dismissed.filter((k): k is string => typeof k === 'string'),
    summaries: o.summaries as Record<string, FindingDescription>,
    listHeading: typeof o.listHeading === 'string' ? o.listHeading : undefined,
  };
}
