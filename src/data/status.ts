// Status of a measure on a date, and which measures cover an entity.
// Pure and deterministic: every function takes the date it should answer for.
import type { Dataset, Entity, ISODate, Measure, NamedEntity, Status, VariantPolicy } from './schema';

/** The calendar day of `d` in the local time zone, as YYYY-MM-DD (the browsing day). */
export function localISODay(d: Date): ISODate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Whole days from `from` to `to` (ISO dates). */
export function daysBetween(from: ISODate, to: ISODate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Before a measure's first status event. */
export const NOT_YET_SIGNED: Status = { code: 'pending', text: 'not yet signed' };

/**
 * The status set by the last timeline event with a status on or before `date`
 * (ISO dates compare correctly as strings). Before the first such event:
 * `{ code: 'pending', text: 'not yet signed' }`.
 */
export function measureStatusAt(m: Measure, date: ISODate): Status {
  let status: Status = NOT_YET_SIGNED;
  for (const ev of m.timeline) {
    if (ev.date > date) break; // timeline is sorted (validated)
    if (ev.status) status = ev.status;
  }
  return status;
}

/**
 * The status of `m` for one entity it names, on `date`: the measure's own status,
 * replaced from each of the naming's `statusEvents` dates on (PAFACA after the
 * divestiture: resolved for TikTok's US app, in force for other ByteDance apps).
 * `reached`: the listing's entity and the apps it is a build of, for events limited
 * to some entities (`entityIds`).
 */
export function namedStatusAt(m: Measure, named: NamedEntity, date: ISODate, reached: readonly string[] = []): Status {
  let status = measureStatusAt(m, date);
  if (status === NOT_YET_SIGNED) return status;
  for (const ev of named.statusEvents ?? []) {
    if (ev.date <= date && (!ev.entityIds || ev.entityIds.some((id) => reached.includes(id)))) status = ev.status;
  }
  return status;
}

/** Statuses under which the measure binds its audience now. `resolved` (its condition met) does not. */
export function isInForce(status: Status): boolean {
  return status.code === 'in-force' || status.code === 'enforcement-paused';
}

/**
 * How a measure reaches an entity. The first four mean the measure names the
 * entity or its maker, so it restricts the listing (when in force); the last two
 * are information only.
 * - 'names-it': the measure names this entity itself (an app, a feature or a company).
 * - 'names-build-of': it names the app this entity is a build of (`variantOf` with
 *   policy 'variant', followed up the chain): TikTok Lite of TikTok.
 * - 'names-company': it names, with reach 'company-and-subsidiaries', the company that
 *   develops this app (or, for a company, the company itself is reached through a
 *   parent), or a company above it via `parentId`; also the developer chain of an app
 *   this entity is a build of. `path` runs from the developer up to the named company.
 * - 'names-feature': it names a feature this app carries (WeChat Pay inside WeChat).
 * - 'related': it names an app this entity is only related to (`variantOf` with policy
 *   'same-developer' or 'related' anywhere on the chain): CamCard, AlipayHK, TIM.
 * - 'develops': (companies only) it names an app this company develops or publishes;
 *   it does not name the company: INTSIG, the developer of CamScanner.
 *
 * A feature is NOT reached by measures that name only its host app (EO 13943 names
 * the WeChat app, not WeChat Pay); it is reached by measures naming it, naming its
 * developer company-wide, or naming a company above that developer.
 */
export type Relation = 'names-it' | 'names-build-of' | 'names-company' | 'names-feature' | 'related' | 'develops';

/** Relations under which the measure restricts the listing itself (it names the app or its company). */
export const RESTRICTING_RELATIONS: ReadonlySet<Relation> = new Set<Relation>(['names-it', 'names-build-of', 'names-company', 'names-feature']);

export interface Coverage {
  measure: Measure;
  /** The measure's own naming entry that reaches the entity. */
  via: NamedEntity;
  /** The entity the measure actually names (= via.entityId). */
  viaEntityId: string;
  relation: Relation;
  /**
   * The entities between this one and the named one: for 'names-company' the companies
   * from the developer up to the named company; for 'develops' the app the company
   * makes (the named app); for 'names-build-of', 'related' and 'names-feature' the named
   * app or feature.
   * Empty for 'names-it'.
   */
  path: string[];
  /** For 'related': how the entity relates to the named app; for 'develops': the company's role. */
  detail?: 'same-developer' | 'related' | 'developer' | 'publisher';
  /** The measure's status for the named entity on the date asked. */
  status: Status;
  /** When the measure began naming the entity it names. */
  namedOn: ISODate;
  /** True when that entity was named from the measure's start (no later `addedOn`). */
  namedFromStart: boolean;
  /** The naming covers only what its `scope` says, and not apps: information for a listing, never a restriction. */
  outOfScope: boolean;
}

const RANK: Record<Relation, number> = {
  'names-it': 0,
  'names-build-of': 1,
  'names-company': 2,
  'names-feature': 3,
  related: 4,
  develops: 5,
};
const POLICY_RANK: Record<VariantPolicy, number> = { variant: 0, 'same-developer': 1, related: 2 };

/** The measure's first date: signed, else effective, else published. */
export function measureStart(m: Measure): ISODate | undefined {
  return m.dates.signed ?? m.dates.effective ?? m.dates.published;
}

interface DatasetTables {
  byId: Map<string, Entity>;
  /** host app id → the features it carries */
  features: Map<string, Entity[]>;
  /** company id → the apps and features it develops or publishes, with its role */
  madeBy: Map<string, { app: Entity; role: 'developer' | 'publisher' }[]>;
  /** measure → its position in the dataset */
  order: Map<Measure, number>;
  /** entity id → the namings of it (each measure's names, in dataset and then list order) */
  namings: Map<string, { m: Measure; nm: NamedEntity }[]>;
}

// Built once per dataset: coverage is asked for every entity (and again for a company's apps).
const tablesCache = new WeakMap<Dataset, DatasetTables>();

function tables(dataset: Dataset): DatasetTables {
  let t = tablesCache.get(dataset);
  if (t) return t;
  t = { byId: new Map(), features: new Map(), madeBy: new Map(), order: new Map(dataset.measures.map((m, i) => [m, i] as const)), namings: new Map() };
  const push = <K, V>(map: Map<K, V[]>, k: K, v: V) => (map.get(k) ?? map.set(k, []).get(k)!).push(v);
  for (const m of dataset.measures) for (const nm of m.names) push(t.namings, nm.entityId, { m, nm });
  for (const e of dataset.entities) {
    t.byId.set(e.id, e);
    if (e.hostAppId) push(t.features, e.hostAppId, e);
    if (e.kind === 'company') continue;
    if (e.developerId) push(t.madeBy, e.developerId, { app: e, role: 'developer' as const });
    for (const p of e.publisherIds ?? []) if (p !== e.developerId) push(t.madeBy, p, { app: e, role: 'publisher' as const });
  }
  tablesCache.set(dataset, t);
  return t;
}

/** Company ids reached by walking developerId then parentId links (for a company: its parents). */
function companyChain(e: Entity, byId: Map<string, Entity>): string[] {
  const out: string[] = [];
  const seen = new Set<string>([e.id]);
  let cur: string | undefined = e.kind === 'company' ? e.parentId : e.developerId;
  while (cur && !seen.has(cur)) {
    seen.add(cur);
    out.push(cur);
    cur = byId.get(cur)?.parentId;
  }
  return out;
}

/** Apps this entity is a build of, with the weakest policy seen so far on the chain. */
function variantChain(e: Entity, byId: Map<string, Entity>): { id: string; policy: VariantPolicy }[] {
  const out: { id: string; policy: VariantPolicy }[] = [];
  const seen = new Set<string>([e.id]);
  let cur = e.variantOf;
  let policy: VariantPolicy | undefined;
  while (cur && !seen.has(cur.entityId)) {
    seen.add(cur.entityId);
    policy = policy === undefined || POLICY_RANK[cur.policy] > POLICY_RANK[policy] ? cur.policy : policy;
    out.push({ id: cur.entityId, policy });
    cur = byId.get(cur.entityId)?.variantOf;
  }
  return out;
}

interface Target {
  relation: Relation;
  path: string[];
  detail?: Coverage['detail'];
}

/** Every entity a measure could name to reach `e`, with the strongest relation for each. */
function targetsOf(e: Entity, { byId, features }: DatasetTables): Map<string, Target> {
  const targets = new Map<string, Target>();
  const offer = (id: string, t: Target) => {
    const prev = targets.get(id);
    if (prev === undefined || RANK[t.relation] < RANK[prev.relation]) targets.set(id, t);
  };
  offer(e.id, { relation: 'names-it', path: [] });
  const variants = variantChain(e, byId);
  for (const v of variants) {
    offer(v.id, v.policy === 'variant' ? { relation: 'names-build-of', path: [v.id] } : { relation: 'related', path: [v.id], detail: v.policy });
  }
  // features hosted by this app or by an app it is a build of ('variant' only)
  const hostIds = new Set<string>([e.id, ...variants.filter((v) => v.policy === 'variant').map((v) => v.id)]);
  for (const host of hostIds) for (const f of features.get(host) ?? []) offer(f.id, { relation: 'names-feature', path: [f.id] });
  // the developer chain, and that of the apps it is a build of ('variant' only: a related
  // app's developer is not this app's developer)
  const chains = [companyChain(e, byId), ...variants.filter((v) => v.policy === 'variant').map((v) => companyChain(byId.get(v.id) ?? e, byId))];
  for (const chain of chains) chain.forEach((c, i) => offer(c, { relation: 'names-company', path: chain.slice(0, i + 1) }));
  return targets;
}

/**
 * Every measure that reaches `entityId` on `date`, one entry per measure (the
 * strongest relation wins, in the order of `Relation`). Names with `addedOn` after
 * `date` are ignored, and so are measures not yet signed on `date`. A company also
 * gets 'develops' for the measures that name one of its apps by name (never
 * through a build, a related app or a company-wide naming). Sorted by measure order in the dataset.
 */
export function coverageFor(entityId: string, dataset: Dataset, date: ISODate): Coverage[] {
  return coverageWith(entityId, dataset, date, tables(dataset));
}

function coverageWith(entityId: string, dataset: Dataset, date: ISODate, t: DatasetTables): Coverage[] {
  const { byId } = t;
  const e = byId.get(entityId);
  if (!e) return [];
  const targets = targetsOf(e, t);
  const reached = [e.id, ...variantChain(e, byId).filter((v) => v.policy === 'variant').map((v) => v.id)];
  // Only the measures that name one of the targets (looked up, not a pass over every
  // measure's list: the record's size must not multiply per entity), in dataset order,
  // and within a measure in its list's order (the first of equal rank wins).
  const namings = [...targets.keys()].flatMap((id) => t.namings.get(id) ?? []);
  namings.sort((a, b) => t.order.get(a.m)! - t.order.get(b.m)! || a.m.names.indexOf(a.nm) - b.m.names.indexOf(b.nm));
  const out: Coverage[] = [];
  for (let i = 0; i < namings.length; ) {
    const m = namings[i]!.m;
    let best: Coverage | undefined;
    const signed = measureStatusAt(m, date) !== NOT_YET_SIGNED;
    for (; i < namings.length && namings[i]!.m === m; i++) {
      const { nm } = namings[i]!;
      if (!signed || (nm.addedOn && nm.addedOn > date)) continue;
      const target = targets.get(nm.entityId)!;
      // a company reaches its apps/subsidiaries only with company-and-subsidiaries reach
      if (target.relation === 'names-company' && nm.reach !== 'company-and-subsidiaries') continue;
      if (!best || RANK[target.relation] < RANK[best.relation]) best = coverageEntry(m, nm, target, date, reached);
    }
    if (best) out.push(best);
  }
  if (e.kind !== 'company') return out;
  // 'develops': the measures naming an app this company develops or publishes
  for (const { app, role } of t.madeBy.get(e.id) ?? []) {
    for (const c of coverageWith(app.id, dataset, date, t)) {
      if (c.relation !== 'names-it') continue;
      if (out.some((o) => o.measure === c.measure)) continue;
      out.push({ ...c, relation: 'develops', path: [app.id], detail: role });
    }
  }
  return out.sort((a, b) => t.order.get(a.measure)! - t.order.get(b.measure)!);
}

function coverageEntry(m: Measure, nm: NamedEntity, t: Target, date: ISODate, reached: string[]): Coverage {
  const start = measureStart(m) ?? nm.addedOn ?? '';
  const namedOn = nm.addedOn ?? start;
  return {
    measure: m,
    via: nm,
    viaEntityId: nm.entityId,
    relation: t.relation,
    path: t.path,
    detail: t.detail,
    status: namedStatusAt(m, nm, date, reached),
    namedOn,
    namedFromStart: namedOn <= start,
    outOfScope: nm.scope?.apps === false,
  };
}
