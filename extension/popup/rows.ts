// The popup's summary: one row per app on the page. The same app shown several
// times (five download buttons on a vendor's page, a card and the page's own
// listing) is one row; apps reached through their company are told apart by their
// name on the page, as the toolbar count does (src/match/wording.ts restrictedCount).
// Pure, unit-tested.

import type { DescribeIndex } from '../../src/match/compile';
import type { Finding } from '../../src/match/match';
import { normalizeName } from '../../src/match/normalize';
import { summarizeFinding, type FindingSummary } from '../../src/match/wording';
import type { FindingPayload } from '../shared/messages';

export interface AppRow {
  /** The dedupe key: entity id, plus the listing's name for a company. */
  key: string;
  entityId: string;
  /** The app's name (for a company, the listing's) and its developer, as shown or as recorded. */
  name: string;
  developer?: string;
  /** The strongest tier among the listings (1 identifier … 3 name only). */
  tier: FindingPayload['tier'];
  /** How many listings on the page are this app. */
  listings: number;
  /** Every reason found, once. */
  evidence: string[];
  /** The payloads grouped here (the first is the page's own listing when it is one). */
  payloads: FindingPayload[];
  summary: FindingSummary;
}

export function appRows(payloads: FindingPayload[], index: DescribeIndex): AppRow[] {
  const byId = new Map(index.entities.map((e, i) => [e.id, i] as const));
  const rows = new Map<string, AppRow>();
  const mainFirst = [...payloads].sort((a, b) => rank(a) - rank(b));
  for (const p of mainFirst) {
    const at = byId.get(p.entityId);
    if (at === undefined) continue; // data changed since the page was scanned
    const e = index.entities[at]!;
    const key = e.kind === 'company' ? `${e.id}|${normalizeName(p.name ?? '')}` : e.id;
    const row = rows.get(key);
    if (row) {
      row.listings++;
      row.payloads.push(p);
      for (const ev of p.evidence) if (!row.evidence.includes(ev)) row.evidence.push(ev);
      if (p.tier < row.tier) {
        row.tier = p.tier;
        row.summary = summarizeFinding(findingOf(p, at), index);
      }
      continue;
    }
    const name = e.kind === 'company' ? p.name?.trim() || e.name : e.name;
    const developer = p.developer?.trim() || (e.kind === 'company' ? e.name : e.developer);
    rows.set(key, { key, entityId: e.id, name, developer, tier: p.tier, listings: 1, evidence: [...p.evidence], payloads: [p], summary: summarizeFinding(findingOf(p, at), index) });
  }
  // Restrictions first, then history, then information; page order within each.
  const order = { restricts: 0, 'not-in-force': 1, related: 2 } as const;
  return [...rows.values()].sort((a, b) => order[a.summary.effect] - order[b.summary.effect]);
}

const rank = (p: FindingPayload) => (p.role === 'main' || p.role === 'vendor' ? 0 : 1);

const findingOf = (p: FindingPayload, entity: number): Finding => ({ entity, tier: p.tier, evidence: p.evidence, role: p.role, name: p.name, developer: p.developer });

/** The findings these payloads are, in the describing index (unknown entities left out). */
export function findingsOf(payloads: FindingPayload[], index: DescribeIndex): Finding[] {
  const byId = new Map(index.entities.map((e, i) => [e.id, i] as const));
  return payloads.flatMap((p) => {
    const at = byId.get(p.entityId);
    return at === undefined ? [] : [findingOf(p, at)];
  });
}
