// Status of a measure on a date, and which measures cover an entity.
// Pure and deterministic: every function takes the date it should answer for.
import type { Dataset, Entity, ISODate, Measure, NamedEntity, Status, VariantPolicy } from './schema';

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
 * How the entity is reached by the measure:
 * - 'direct': the measure names the entity itself.
 * - 'variant' | 'same-developer' | 'related': the entity is a build of a named app
 *   (`variantOf`, followed up the chain; the weakest policy on the chain wins).
 *   'variant' counts as the named app; the other two are shown as related only.
 * - 'hosted-feature': the entity is an app that carries a named feature
 *   (a feature entity whose `hostAppId` is this app): WeChat carries WeChat Pay.
 * - 'company': the measure names, with reach 'company-and-subsidiaries', the
 *   entity's developer (or, for a company, its parent) or any company above it via
 *   `parentId`; the developer chain of a named app the entity is a build of counts too.
 *   (A company that is itself named is 'direct'.)
 *
 * A feature is NOT covered by measures that name only its host app (EO 13943 names
 * the WeChat app, not WeChat Pay); it is covered by measures naming it, naming its
 * developer company-wide, or naming a company above that developer.
 */
export type CoverageRelation = 'direct' | VariantPolicy | 'hosted-feature' | 'company';

export interface Coverage {
  measure: Measure;
  /** The measure's own naming entry that reaches the entity. */
  via: NamedEntity;
  /** The entity the measure actually names (= via.entityId). */
  viaEntityId: string;
  relation: CoverageRelation;
  status: Status;
}

const RANK: Record<CoverageRelation, number> = {
  direct: 0,
  variant: 1,
  company: 2,
  'hosted-feature': 3,
  'same-developer': 4,
  related: 5,
};
const POLICY_RANK: Record<VariantPolicy, number> = { variant: 0, 'same-developer': 1, related: 2 };

function index(dataset: Dataset): Map<string, Entity> {
  return new Map(dataset.entities.map((e) => [e.id, e]));
}

/** Company ids reached by walking developerId then parentId links (entity itself if a company). */
function companyChain(e: Entity, byId: Map<string, Entity>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
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

/**
 * Every measure that reaches `entityId` on `date`, one entry per measure (the
 * strongest relation wins: direct > variant > company > hosted-feature >
 * same-developer > related). Names with `addedOn` after `date` are ignored.
 * Measures whose status is pending "not yet signed" on `date` are left out.
 * Sorted by measure order in the dataset.
 */
export function coverageFor(entityId: string, dataset: Dataset, date: ISODate): Coverage[] {
  const byId = index(dataset);
  const e = byId.get(entityId);
  if (!e) return [];

  // candidate targets: entity id -> relation
  const targets = new Map<string, CoverageRelation>();
  const offer = (id: string, rel: CoverageRelation) => {
    const prev = targets.get(id);
    if (prev === undefined || RANK[rel] < RANK[prev]) targets.set(id, rel);
  };
  offer(e.id, 'direct');
  for (const v of variantChain(e, byId)) offer(v.id, v.policy);
  // features hosted by this app or by the app it is a build of ('variant' only)
  const hostIds = new Set<string>([e.id, ...variantChain(e, byId).filter((v) => v.policy === 'variant').map((v) => v.id)]);
  for (const f of dataset.entities) if (f.hostAppId && hostIds.has(f.hostAppId)) offer(f.id, 'hosted-feature');
  const companies = new Set<string>(companyChain(e, byId));
  // a variant's developer chain also counts (company reach)
  for (const v of variantChain(e, byId)) {
    const ve = byId.get(v.id);
    if (ve) for (const c of companyChain(ve, byId)) companies.add(c);
  }
  for (const c of companies) offer(c, 'company');

  const out: Coverage[] = [];
  for (const m of dataset.measures) {
    const status = measureStatusAt(m, date);
    if (status === NOT_YET_SIGNED) continue;
    let best: Coverage | undefined;
    for (const nm of m.names) {
      if (nm.addedOn && nm.addedOn > date) continue;
      const rel = targets.get(nm.entityId);
      if (rel === undefined) continue;
      // a company reaches its apps/subsidiaries only with company-and-subsidiaries reach
      if (rel === 'company' && nm.reach !== 'company-and-subsidiaries') continue;
      if (!best || RANK[rel] < RANK[best.relation])
        best = { measure: m, via: nm, viaEntityId: nm.entityId, relation: rel, status };
    }
    if (best) out.push(best);
  }
  return out;
}
