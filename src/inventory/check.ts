// Checks inventory rows with the extension's own core: the matcher over the
// compiled index (identifiers first, then developers, then names, look-alikes
// excluded: src/match/match.ts) and the wording over the describing index at the
// chosen date (src/match/compile.ts describeIndexAt, src/match/wording.ts).

import type { Dataset } from '../data/schema';
import { compileIndex, describeIndexAt, toMatchIndex, type DescribeIndex, type MatchIndex } from '../match/compile';
import { isFlag, lookalikeFor, matchListing, type Tier } from '../match/match';
import { summarizeFinding, verdictOf, type LineEffect } from '../match/wording';
import type { Profile } from '../profile/profile';
import type { VerdictKind } from '../profile/verdict';
import type { Listing } from '../sites/types';
import type { InventoryRow, RowSource } from './row';

/**
 * restricts / not-in-force / related: a match (identifier or developer), by its strongest line.
 * possible: a match on the name alone (developer not given). weak: evidence too weak to flag
 * (the name with another developer, an unverified id). clear: nothing matched.
 */
export type Verdict = LineEffect | 'possible' | 'weak' | 'clear';

export interface CheckedMeasure {
  id: string;
  title: string;
  /** The status for what the measure names, as of the check's date. */
  status: string;
  statusCode: string;
  effect: LineEffect;
  binds: string;
  source: string;
  /** The sentence the extension shows for this listing and measure. */
  sentence: string;
}

/** One checked row: the finding record of the inventory (schema: README, "Inventory JSON"). */
export interface CheckedRow {
  source: RowSource;
  name?: string;
  developer?: string;
  /** "platform:value" */
  ids: string[];
  /** Saved pages: the listing's role there (main: the page's own app; card; link). */
  role?: Listing['role'];
  verdict: Verdict;
  /** Shown as a finding (tiers 1–3): what makes the command line exit 1. */
  flagged: boolean;
  tier?: Tier;
  /** The covered app or company the row matched. */
  entity?: { id: string; name: string; kind: 'app' | 'feature' | 'company'; developer?: string };
  evidence: string[];
  /** A look-alike the row was recognised as (never a covered app). */
  lookalike?: string;
  measures: CheckedMeasure[];
  /** With profiles (--profile): the verdict for them (src/profile/verdict.ts) and its one line. */
  forProfiles?: { verdict: VerdictKind; text: string; restrictsYou: boolean };
}

export interface Checker {
  /** The date the data was checked. */
  asOf: string;
  /** The date statuses are computed for. */
  date: string;
  check(row: InventoryRow): CheckedRow;
}

const compiled = new WeakMap<Dataset, MatchIndex>();

/** A checker over `dataset` with statuses as of `date` (default: the data's date); with `profiles`, each match gets their verdict. */
export function createChecker(dataset: Dataset, date: string = dataset.asOf, profiles: readonly Profile[] = []): Checker {
  let index = compiled.get(dataset);
  if (!index) {
    index = toMatchIndex(compileIndex(dataset));
    compiled.set(dataset, index);
  }
  const describing = describeIndexAt(dataset, date);
  const byId = new Map(describing.entities.map((e, i) => [e.id, i] as const));
  const matchIndex = index;
  return { asOf: dataset.asOf, date: describing.date, check: (row) => checkRow(row, matchIndex, describing, byId, profiles) };
}

export function listingOfRow(row: InventoryRow): Listing {
  return {
    name: row.name,
    developer: row.developer,
    ids: row.ids.map((i) => ({ platform: i.platform, value: i.value, from: i.from ?? 'inventory' })),
    role: row.role ?? 'main',
  };
}

function checkRow(row: InventoryRow, index: MatchIndex, describing: DescribeIndex, byId: Map<string, number>, profiles: readonly Profile[]): CheckedRow {
  const listing = listingOfRow(row);
  const base = { source: row.source, name: row.name, developer: row.developer, ids: row.ids.map((i) => `${i.platform}:${i.value}`), ...(row.role ? { role: row.role } : {}) };
  const found = matchListing(listing, index, row.role ? 'on the page' : 'in the inventory');
  if (!found) {
    const lookalike = lookalikeFor(listing, index);
    return { ...base, verdict: 'clear', flagged: false, evidence: lookalike ? [`a look-alike: ${lookalike}, not a covered app`] : [], ...(lookalike ? { lookalike } : {}), measures: [] };
  }
  const entityId = index.entities[found.entity]!.id;
  const at = byId.get(entityId);
  // No measure reaches the entity yet on the chosen date: nothing to say about it.
  if (at === undefined) return { ...base, verdict: 'clear', flagged: false, tier: found.tier, evidence: [...found.evidence, `no measure names it as of ${describing.date}`], measures: [] };
  const e = describing.entities[at]!;
  const summary = summarizeFinding({ ...found, entity: at }, describing);
  const verdict: Verdict = found.tier === 4 ? 'weak' : found.tier === 3 ? 'possible' : summary.effect;
  const forReader = profiles.length ? verdictOf(summary, profiles) : undefined;
  return {
    ...base,
    verdict,
    flagged: isFlag(found),
    tier: found.tier,
    entity: { id: e.id, name: e.name, kind: e.kind, ...(e.developer ? { developer: e.developer } : {}) },
    evidence: found.evidence,
    measures: summary.lines.map((l) => ({
      id: l.measure.id,
      title: l.measure.shortTitle,
      status: l.status.text,
      statusCode: l.status.code,
      effect: l.effect,
      binds: l.measure.binds,
      source: l.measure.source,
      sentence: l.text,
    })),
    ...(forReader
      ? { forProfiles: { verdict: forReader.verdict.kind, text: forReader.text, restrictsYou: forReader.verdict.underlying === 'restricted-for-you' } }
      : {}),
  };
}

export interface CheckSummary {
  rows: number;
  flagged: number;
  byVerdict: Record<Verdict, number>;
  /** With profiles: rows a measure in force restricts for them. */
  restrictsYou?: number;
}

export function emptySummary(): CheckSummary {
  return { rows: 0, flagged: 0, byVerdict: { restricts: 0, 'not-in-force': 0, related: 0, possible: 0, weak: 0, clear: 0 } };
}

export function countRow(s: CheckSummary, r: CheckedRow): void {
  s.rows++;
  if (r.flagged) s.flagged++;
  s.byVerdict[r.verdict]++;
  if (r.forProfiles) s.restrictsYou = (s.restrictsYou ?? 0) + (r.forProfiles.restrictsYou ? 1 : 0);
}
