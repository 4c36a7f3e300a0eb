// Compiles the dataset, once, into the compact lookup tables the content
// script ships with (uBlock's model: compile the lists, look up at page time).
// Runs at build time (vite plugin) and in tests; never in the page.

import type { Audience, Dataset, Entity, Measure, Status } from '../data/schema';
import { measureAudiences } from '../profile/audiences';
import { coverageFor, isInForce, measureStart, measureStatusAt, RESTRICTING_RELATIONS, type Coverage, type Relation } from '../data/status';
import { identifierKey, normalizeDeveloper, normalizeName, tokensOf } from './normalize';
import { buildAutomaton, hasCjk, type Automaton } from './automaton';

export interface CompiledMeasure {
  id: string;
  shortTitle: string;
  /** The title inside a sentence ("the Texas prohibited technologies list"). */
  sentenceTitle: string;
  /** It names more than the record holds (Measure.namesPartial). */
  namesPartial?: true;
  /** "Jan 5, 2021": when it was signed/adopted. */
  dateLabel?: string;
  /** The measure's own status (a naming may have its own: CompiledCoverage.status). */
  status: Status;
  /** Whom it binds. */
  binds: string;
  /** Whom it binds, structured (src/profile/audiences.ts): decides per-profile verdicts. */
  audiences: Audience[];
  /** The first primary source (else the first source), for a link. */
  source: string;
}

export interface CompiledCoverage {
  /** index into measures */
  m: number;
  /** The measure's own label for what it names ("Tencent Holdings Ltd."). */
  label: string;
  /** How the measure reaches this entity (src/data/status.ts). */
  rel: Relation;
  /** Display names of Coverage.path: the companies up to the named one, or the named app. */
  path: string[];
  detail?: Coverage['detail'];
  /** The measure's status for the entity it names, as of the index date. */
  status: Status;
  /** ISO date the measure began naming what it names. */
  namedOn: string;
  /** Named from the measure's start (the date is the measure's own). */
  fromStart: boolean;
  /** Where the naming comes from when not the measure's own text (NamedEntity.basis). */
  basis?: 'press-summary';
  /** The measure names the listing or its maker and is in force: a restriction, not information. */
  restricts: boolean;
  /** The measure's words for what it covers of the named company, when narrower (Coverage: scope). */
  scope?: string;
  /** That scope leaves apps out: the line is information. */
  outOfScope?: true;
}

export interface CompiledEntity {
  id: string;
  name: string;
  kind: Entity['kind'];
  /** Display name of the developer company, when known. */
  developer?: string;
  /** For variants/related builds: the named app's display name. */
  variantOf?: { name: string; policy: string };
  coverage: CompiledCoverage[];
}

export interface CompiledIndex {
  asOf: string;
  measures: CompiledMeasure[];
  entities: CompiledEntity[];
  /** identifierKey → entity index (verified identifiers only). */
  ids: Record<string, number>;
  /** Unverified identifiers: shown as evidence, never flag alone. */
  weakIds: Record<string, number>;
  /** normalizeName(alias) → entity indexes (apps and features). */
  names: Record<string, number[]>;
  /** normalizeDeveloper(company name / verified store developer name) → company entity index. */
  developers: Record<string, number>;
  /** Unverified store developer spellings: support a name match, never flag alone. */
  weakDevelopers: Record<string, number>;
  /** company entity index → indexes of covered apps it develops (for "developer of …"). */
  companyApps: Record<number, number[]>;
  /** company entity index → the other companies of its corporate family (a distinctive name word in common: "tencent"). */
  companyFamily: Record<number, number[]>;
  /** Look-alikes that must never match: identifierKey / normalizeName → look-alike name. */
  lookalikeIds: Record<string, string>;
  lookalikeNames: Record<string, string>;
  /** Aho–Corasick over `names` (value = entity index): mentions of covered apps in page text. */
  automaton: Automaton;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'June', 'July', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];

/**
 * What the content script needs to decide matches: the look-up tables and, per
 * entity, only its id and kind. Names, measures, coverage and wording stay in the
 * background and popup (the content script asks the background to describe findings).
 */
export type MatchIndex = Omit<CompiledIndex, 'measures' | 'entities'> & {
  entities: Pick<CompiledEntity, 'id' | 'kind'>[];
};

export function toMatchIndex(index: CompiledIndex): MatchIndex {
  const { measures: _m, entities, ...tables } = index;
  return { ...tables, entities: entities.map((e) => ({ id: e.id, kind: e.kind })) };
}

export function dateLabel(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  return `${MONTHS[Number(m[2]) - 1]} ${Number(m[3])}, ${m[1]}`;
}

function compileMeasure(m: Measure, date: string): CompiledMeasure {
  return {
    id: m.id,
    shortTitle: m.shortTitle,
    sentenceTitle: m.sentenceTitle ?? m.shortTitle,
    ...(m.namesPartial ? { namesPartial: true as const } : {}),
    dateLabel: dateLabel(measureStart(m)),
    status: measureStatusAt(m, date),
    binds: m.binds,
    audiences: measureAudiences(m),
    source: (m.sources.find((s) => s.kind === 'primary') ?? m.sources[0])?.url ?? '',
  };
}

/** Order of a entity's lines: restrictions first, then namings not in force, then information; oldest measure first within each. */
function lineRank(c: CompiledCoverage): number {
  return c.restricts ? 0 : RESTRICTING_RELATIONS.has(c.rel) && !c.outOfScope ? 1 : 2;
}

/**
 * What describing findings needs (measures, and per entity its coverage), with every
 * status computed as of `date`: the browsing day in the extension, any day a reader
 * asks for, or the data's own date. The matching tables do not depend on it.
 */
export interface DescribeIndex {
  /** The date the facts were last checked. */
  asOf: string;
  /** The date statuses are computed for (absent: asOf). */
  date?: string;
  measures: CompiledMeasure[];
  entities: CompiledEntity[];
}

/**
 * Describing entity by entity, as of `date`: every measure compiled at once (they
 * are few), each entity's lines only when first asked for. The background's first
 * answer on a page needs one entity's words, not every entity's (a 10× record: 5,000).
 */
export interface Describer {
  asOf: string;
  date: string;
  measures: CompiledMeasure[];
  /** Is this an entity of the record (reached by a measure or not)? */
  has(id: string): boolean;
  /** The entity's lines as of `date`; undefined when no measure reaches it by then, or the record does not know it. */
  entity(id: string): CompiledEntity | undefined;
  /** The describing index of these entities only (those some measure reaches), in the order given. */
  about(ids: Iterable<string>): DescribeIndex & { date: string };
  /** The describing index of every entity some measure reaches, in the record's order (describeIndexAt). */
  all(): DescribeIndex & { date: string };
}

export function describerAt(dataset: Dataset, date: string = dataset.asOf): Describer {
  const byId = new Map(dataset.entities.map((e) => [e.id, e] as const));
  const measureIndex = new Map(dataset.measures.map((m, i) => [m.id, i] as const));
  const measures = dataset.measures.map((m) => compileMeasure(m, date));
  const nameOf = (id: string) => byId.get(id)?.name ?? id;
  const start = (c: CompiledCoverage) => measureStart(dataset.measures[c.m]!) ?? '';

  const described = new Map<string, CompiledEntity | null>();
  const describe = (e: Entity): CompiledEntity | null => {
    const coverage = coverageFor(e.id, dataset, date)
      .map(
        (c): CompiledCoverage => ({
          m: measureIndex.get(c.measure.id)!,
          label: c.via.label,
          rel: c.relation,
          path: c.path.map(nameOf),
          ...(c.detail ? { detail: c.detail } : {}),
          status: c.status,
          namedOn: c.namedOn,
          fromStart: c.namedFromStart,
          ...(c.via.basis ? { basis: c.via.basis } : {}),
          restricts: RESTRICTING_RELATIONS.has(c.relation) && isInForce(c.status) && !c.outOfScope,
          ...(c.via.scope ? { scope: c.via.scope.text } : {}),
          ...(c.outOfScope ? { outOfScope: true as const } : {}),
        }),
      )
      .sort((a, b) => lineRank(a) - lineRank(b) || start(a).localeCompare(start(b)));
    // Only entities some measure reaches are described; the rest (look-alike-only
    // records, unrelated parents) stay in the popup's data.
    if (coverage.length === 0) return null;
    const dev = e.developerId ? byId.get(e.developerId) : undefined;
    const parent = e.variantOf ? byId.get(e.variantOf.entityId) : undefined;
    return {
      id: e.id,
      name: e.name,
      kind: e.kind,
      developer: dev?.storeDeveloperNames?.find((n) => n.verified)?.name ?? dev?.name,
      variantOf: parent && e.variantOf ? { name: parent.name, policy: e.variantOf.policy } : undefined,
      coverage,
    };
  };
  const entity = (id: string): CompiledEntity | undefined => {
    let d = described.get(id);
    if (d === undefined) {
      const e = byId.get(id);
      if (!e) return undefined;
      described.set(id, (d = describe(e)));
    }
    return d ?? undefined;
  };
  const about = (ids: Iterable<string>) => {
    const entities = [...new Set(ids)].flatMap((id) => entity(id) ?? []);
    return { asOf: dataset.asOf, date, measures, entities };
  };
  let whole: (DescribeIndex & { date: string }) | undefined;
  return {
    asOf: dataset.asOf,
    date,
    measures,
    has: (id) => byId.has(id),
    entity,
    about,
    all: () => (whole ??= about(dataset.entities.map((e) => e.id))),
  };
}

/** Statuses, namings and lines as of `date`: only entities some measure reaches by then. */
export function describeIndexAt(dataset: Dataset, date: string = dataset.asOf): DescribeIndex & { date: string } {
  return describerAt(dataset, date).all();
}

/** The look-up tables, empty: compileIndex fills them; the quick answer (./quick-match.ts) fills only the identifier ones. */
export function emptyTables(): Omit<MatchIndex, 'asOf' | 'entities'> {
  return {
    ids: {},
    weakIds: {},
    names: {},
    developers: {},
    weakDevelopers: {},
    companyApps: {},
    companyFamily: {},
    lookalikeIds: {},
    lookalikeNames: {},
    automaton: buildAutomaton([]),
  };
}

export function compileIndex(dataset: Dataset): CompiledIndex {
  const { asOf, measures, entities } = describeIndexAt(dataset);
  const entityIndex = new Map(entities.map((e, i) => [e.id, i] as const));
  const index: CompiledIndex = { asOf, measures, entities, ...emptyTables(), companyFamily: companyFamilies(entities) };

  for (const e of dataset.entities) {
    const i = entityIndex.get(e.id);
    for (const la of e.lookAlikes ?? []) {
      index.lookalikeNames[normalizeName(la.name)] = la.name;
      for (const id of la.identifiers ?? []) index.lookalikeIds[identifierKey(id.platform, id.value)] = la.name;
    }
    if (i === undefined) continue;
    for (const id of e.identifiers) {
      (id.verified ? index.ids : index.weakIds)[identifierKey(id.platform, id.value)] = i;
    }
    if (e.kind === 'company') {
      for (const n of [e.name, ...e.aliases.map((a) => a.text), ...(e.storeDeveloperNames ?? []).filter((d) => d.verified).map((d) => d.name)]) {
        const key = normalizeDeveloper(n);
        if (key) index.developers[key] = i;
      }
      for (const d of e.storeDeveloperNames ?? []) {
        const key = normalizeDeveloper(d.name);
        if (key && !d.verified && index.developers[key] === undefined) index.weakDevelopers[key] = i;
      }
    } else {
      // Ambiguous aliases (matchable: false, e.g. "RED") are for display, never matched.
      for (const n of [e.name, ...e.aliases.filter((a) => a.matchable !== false).map((a) => a.text)]) {
        const key = normalizeName(n);
        if (!key) continue;
        const list = (index.names[key] ??= []);
        if (!list.includes(i)) list.push(i);
      }
    }
  }
  // "developer of …": a company's covered apps (through developerId and publisherIds).
  for (const e of dataset.entities) {
    const i = entityIndex.get(e.id);
    if (i === undefined || e.kind === 'company') continue;
    for (const companyId of [e.developerId, ...(e.publisherIds ?? [])]) {
      const c = companyId === undefined ? undefined : entityIndex.get(companyId);
      if (c !== undefined) (index.companyApps[c] ??= []).push(i);
    }
  }
  index.automaton = mentionAutomaton(index.names, index.lookalikeNames);
  return index;
}

// Words too generic to tie two company names together.
const GENERIC_COMPANY_WORDS = new Set([
  'technology', 'technologies', 'information', 'software', 'holdings', 'holding', 'group', 'company', 'limited', 'international',
  'computer', 'computers', 'systems', 'system', 'network', 'networks', 'media', 'mobile', 'digital', 'internet', 'services',
  'service', 'global', 'smart', 'labs', 'studio', 'studios', 'games', 'apps', 'communications', 'china', 'shenzhen', 'beijing',
  'shanghai', 'zhuhai', 'hangzhou', 'guangzhou', 'singapore', 'hong', 'kong', 'office', 'operator', 'joint', 'venture', 'includes', 'that',
  'wuhan', 'artificial', 'intelligence', 'academy', 'research', 'basic', 'lidar', 'high', 'tech',
]);

/**
 * Corporate families: companies whose names share a distinctive word (4+
 * letters, not a generic one) — "Tencent Holdings", "Tencent Technology
 * (Shenzhen)" and "Shenzhen Tencent Computer Systems". company index → the
 * others of its family; companies with none are left out.
 */
function companyFamilies(entities: CompiledEntity[]): Record<number, number[]> {
  const words = new Map<number, string[]>();
  entities.forEach((e, i) => {
    if (e.kind === 'company') words.set(i, tokensOf(normalizeDeveloper(e.name)).filter((w) => w.length >= 4 && !GENERIC_COMPANY_WORDS.has(w)));
  });
  const families: Record<number, number[]> = {};
  for (const [a, wa] of words) {
    for (const [b, wb] of words) if (a !== b && wa.some((w) => wb.includes(w))) (families[a] ??= []).push(b);
  }
  return families;
}

/**
 * The names worth finding in running text: at least 2 characters when they
 * contain an ideograph (微信), 3 otherwise ("qq" is too short to mean anything
 * in prose), and never a name that is also a look-alike's ("Alipay+").
 */
export function mentionAutomaton(names: Record<string, number[]>, lookalikeNames: Record<string, string>): Automaton {
  const patterns: { text: string; value: number }[] = [];
  for (const [text, entities] of Object.entries(names)) {
    if (lookalikeNames[text] !== undefined) continue;
    if (text.length < (hasCjk(text) ? 2 : 3)) continue;
    for (const value of entities) patterns.push({ text, value });
  }
  return buildAutomaton(patterns);
}

