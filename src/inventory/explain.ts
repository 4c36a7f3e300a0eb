// One covered entity explained (identifiers, aliases, measures with status as of a
// date, timeline, sources), and the record as a table: `covered-apps explain`, `list`.

import type { Dataset, Entity } from '../data/schema';
import { describeIndexAt } from '../match/compile';
import { normalizeName } from '../match/normalize';
import { createChecker } from './check';
import { idsFromValue } from './identifiers';

export interface Explanation {
  id: string;
  name: string;
  kind: Entity['kind'];
  developer?: string;
  aliases: string[];
  identifiers: { platform: string; value: string; verified: boolean }[];
  date: string;
  asOf: string;
  measures: {
    id: string;
    title: string;
    jurisdiction: string;
    binds: string;
    status: string;
    sentence: string;
    timeline: { date: string; text: string }[];
    sources: { url: string; title?: string; kind?: string }[];
  }[];
}

/** The entity a query names: its id, its name or an alias, or a store id / URL of it (undefined: none). */
export function findEntity(dataset: Dataset, query: string): Entity | undefined {
  const q = query.trim();
  const byId = dataset.entities.find((e) => e.id === q);
  if (byId) return byId;
  const key = normalizeName(q);
  const byName = dataset.entities.find((e) => normalizeName(e.name) === key || e.aliases.some((a) => normalizeName(a.text) === key));
  if (byName) return byName;
  const row = createChecker(dataset).check({ name: idsFromValue(q).length ? undefined : q, ids: idsFromValue(q), source: { file: 'query', line: 1 } });
  return row.entity && row.tier !== 4 ? dataset.entities.find((e) => e.id === row.entity!.id) : undefined;
}

export function explainEntity(dataset: Dataset, entity: Entity, date: string = dataset.asOf): Explanation {
  const describing = describeIndexAt(dataset, date);
  const compiled = describing.entities.find((e) => e.id === entity.id);
  const checker = createChecker(dataset, date);
  const self = checker.check({ name: entity.kind === 'company' ? undefined : entity.name, ids: [], source: { file: 'explain', line: 1 } });
  const sentenceFor = (measureId: string) => (self.entity?.id === entity.id ? self.measures.find((m) => m.id === measureId)?.sentence : undefined);
  const developer = dataset.entities.find((e) => e.id === entity.developerId)?.name;
  return {
    id: entity.id,
    name: entity.name,
    kind: entity.kind,
    ...(developer ? { developer } : {}),
    aliases: entity.aliases.map((a) => a.text),
    identifiers: (entity.identifiers ?? []).map((i) => ({ platform: i.platform, value: i.value, verified: i.verified })),
    date: describing.date,
    asOf: describing.asOf,
    measures: (compiled?.coverage ?? []).map((c) => {
      const m = dataset.measures[c.m]!;
      const cm = describing.measures[c.m]!;
      return {
        id: m.id,
        title: cm.shortTitle,
        jurisdiction: m.jurisdiction,
        binds: m.binds,
        status: c.status.text,
        sentence: sentenceFor(m.id) ?? '',
        timeline: m.timeline.filter((t) => t.date <= describing.date).map((t) => ({ date: t.date, text: t.text })),
        // Primary sources first, as the popup lists them.
        sources: [...m.sources].sort((a, b) => Number(a.kind === 'secondary') - Number(b.kind === 'secondary')).map((s) => ({ url: s.url, ...(s.title ? { title: s.title } : {}), ...(s.kind ? { kind: s.kind } : {}) })),
      };
    }),
  };
}

export function explanationText(x: Explanation): string {
  const out: string[] = [];
  out.push(`${x.name} (${x.kind}${x.developer ? `, by ${x.developer}` : ''}) — ${x.id}`);
  if (x.aliases.length) out.push(`Also written: ${x.aliases.join(', ')}`);
  out.push('Identifiers:');
  for (const i of x.identifiers) out.push(`  ${i.platform} ${i.value}${i.verified ? '' : ' (unverified: never flags alone)'}`);
  if (!x.identifiers.length) out.push('  none recorded');
  out.push(`Measures (statuses as of ${x.date}; data as of ${x.asOf}):`);
  if (!x.measures.length) out.push('  none reaches it on that date');
  for (const m of x.measures) {
    out.push(`  ${m.title} — ${m.jurisdiction}; binds ${m.binds}`);
    out.push(`    status: ${m.status}`);
    if (m.sentence) out.push(`    says: ${m.sentence}`);
    for (const t of m.timeline) out.push(`    ${t.date}  ${t.text}`);
    for (const s of m.sources) out.push(`    source${s.kind === 'secondary' ? ' (secondary)' : ''}: ${s.title ? `${s.title} — ` : ''}${s.url}`);
  }
  return out.join('\n') + '\n';
}

export interface RecordRow {
  entity: string;
  name: string;
  kind: string;
  measure: string;
  jurisdiction: string;
  status: string;
  effect: string;
}

/** The record as rows: each covered entity × each measure that reaches it, with status as of `date`. */
export function listRecord(dataset: Dataset, date: string = dataset.asOf): RecordRow[] {
  const d = describeIndexAt(dataset, date);
  const rows: RecordRow[] = [];
  for (const e of d.entities) {
    for (const c of e.coverage) {
      const m = dataset.measures[c.m]!;
      rows.push({ entity: e.id, name: e.name, kind: e.kind, measure: d.measures[c.m]!.shortTitle, jurisdiction: m.jurisdiction, status: c.status.text, effect: c.restricts ? 'restricts' : c.rel });
    }
  }
  return rows;
}
