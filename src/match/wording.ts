// Banner and popup sentences, generated from the data: no app is named in code.
// Every line names the measure, its status as of the dataset date, and never
// says "banned" unless the data's own status text does.

import type { CompiledCoverage, CompiledEntity, CompiledIndex, CompiledMeasure } from './compile';
import type { Finding } from './match';

export interface MeasureLine {
  measure: CompiledMeasure;
  text: string;
  inForce: boolean;
}

export interface FindingSummary {
  /** "CamScanner (INTSIG Information Co.,Ltd)" */
  subject: string;
  /** true for tier 3: name only, developer not shown. */
  possible: boolean;
  lines: MeasureLine[];
}

const IN_FORCE = new Set(['in-force', 'enforcement-paused', 'resolved']);

export function measureTitle(m: CompiledMeasure): string {
  return m.dateLabel ? `${m.shortTitle} (${m.dateLabel})` : m.shortTitle;
}

function subjectOf(f: Finding, e: CompiledEntity): string {
  if (e.kind === 'company') {
    const app = f.name?.trim();
    return app ? `${app} (${f.developer?.trim() || e.name})` : e.name;
  }
  const dev = f.developer?.trim() || e.developer;
  return dev ? `${e.name} (${dev})` : e.name;
}

function howNamed(c: CompiledCoverage, e: CompiledEntity): string {
  switch (c.via) {
    case 'named':
      return 'is named in';
    case 'variant':
      return `is a ${e.variantOf?.policy === 'variant' ? 'build' : 'relative'} of ${c.label}, named in`;
    case 'host-app':
      return `includes ${c.label}, named in`;
    case 'company':
      return `is from ${c.label}, named in`;
    case 'developer-of':
      return `is by the developer of ${c.label}, named in`;
    case 'publisher-of':
      return `is from the store publisher of ${c.label}, named in`;
  }
}

export function summarizeFinding(f: Finding, index: CompiledIndex): FindingSummary {
  const e = index.entities[f.entity]!;
  const subject = subjectOf(f, e);
  const lines = e.coverage.map((c, i): MeasureLine => {
    const m = index.measures[c.m]!;
    const lead = i === 0 ? subject : 'It';
    return {
      measure: m,
      text: `${lead} ${howNamed(c, e)} ${measureTitle(m)} — ${m.status.text}`,
      inForce: IN_FORCE.has(m.status.code),
    };
  });
  return { subject, possible: f.tier === 3, lines };
}

/** "3 listings on this page are named in US Executive Order 13971, Texas DIR …" */
export function listSummary(findings: Finding[], index: CompiledIndex): string {
  const titles: string[] = [];
  for (const f of findings) {
    for (const c of index.entities[f.entity]!.coverage) {
      const t = index.measures[c.m]!.shortTitle;
      if (!titles.includes(t)) titles.push(t);
    }
  }
  const n = findings.length;
  const shown = titles.slice(0, 3).join(', ') + (titles.length > 3 ? ` and ${titles.length - 3} more` : '');
  return `${n} ${n === 1 ? 'listing on this page is' : 'listings on this page are'} named in ${shown}`;
}

/** What a content script needs to draw: per flagged finding its words, and the list heading. */
export interface DescribedFindings {
  asOf: string;
  summaries: Record<string, { subject: string; possible: boolean; lines: { text: string; inForce: boolean }[] }>;
  listHeading?: string;
}

/**
 * Describes findings reported by a content script (by entity id; unknown ids
 * and tier-4 findings are skipped).
 */
export function describeFindings(
  findings: { entityId: string; tier: Finding['tier']; evidence: string[]; role: Finding['role']; name?: string; developer?: string; key: string }[],
  index: CompiledIndex,
): DescribedFindings {
  const byId = new Map(index.entities.map((e, i) => [e.id, i] as const));
  const summaries: DescribedFindings['summaries'] = {};
  const flagged: Finding[] = [];
  for (const p of findings) {
    const entity = byId.get(p.entityId);
    if (entity === undefined || p.tier > 3) continue;
    const f: Finding = { entity, tier: p.tier, evidence: p.evidence, role: p.role, name: p.name, developer: p.developer };
    const s = summarizeFinding(f, index);
    summaries[p.key] = { subject: s.subject, possible: s.possible, lines: s.lines.map((l) => ({ text: l.text, inForce: l.inForce })) };
    flagged.push(f);
  }
  return { asOf: index.asOf, summaries, listHeading: flagged.length ? listSummary(flagged, index) : undefined };
}
