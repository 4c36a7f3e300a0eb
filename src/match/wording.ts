// Banner and popup sentences, generated from the data: no app is named in code.
// The relation decides the sentence (src/data/status.ts, `Relation`): a line says how
// the measure reaches the listing (names the app; names an app it is a build of;
// names its company; only related), when that naming happened, and the status for
// what it names. It never says "banned" unless the data's own status text does, and a
// mere relation is worded, styled and counted as information, never as a restriction.
// tests/golden/sentences.txt holds every sentence the data can produce (scripts/golden-sentences.ts).

import type { Audience, Status } from '../data/schema';
import { PROCUREMENT_AUDIENCES, PUBLIC_AUDIENCES, WORK_DEVICE_AUDIENCES } from '../profile/audiences';
import { isNeutral, profileBoundBy, type Profile } from '../profile/profile';
import { isUsState, regionName, US } from '../profile/regions';
import { countsForReader, linesForReader, verdictFor, type Verdict, type VerdictKind } from '../profile/verdict';
import { RESTRICTING_RELATIONS } from '../data/status';
import { dateLabel, type CompiledCoverage, type CompiledEntity, type CompiledMeasure, type DescribeIndex } from './compile';
import type { Finding } from './match';
import { normalizeDeveloper, normalizeName } from './normalize';

/**
 * restricts: the measure names the listing or its maker and is in force.
 * not-in-force: it names them, but is revoked, enjoined, pending or resolved for them.
 * related: it names something the listing is only related to (information).
 */
export type LineEffect = 'restricts' | 'not-in-force' | 'related';

export interface MeasureLine {
  measure: CompiledMeasure;
  text: string;
  effect: LineEffect;
  status: Status;
}

export interface FindingSummary {
  /** "CamScanner (INTSIG Information Co.,Ltd)" */
  subject: string;
  /** true for tier 3: name only, developer not shown. */
  possible: boolean;
  /** The strongest effect among the lines: what the listing is, for styling and counting. */
  effect: LineEffect;
  lines: MeasureLine[];
}

const EFFECT_RANK: Record<LineEffect, number> = { restricts: 0, 'not-in-force': 1, related: 2 };

export function effectOf(c: CompiledCoverage): LineEffect {
  return c.restricts ? 'restricts' : RESTRICTING_RELATIONS.has(c.rel) && !c.outOfScope ? 'not-in-force' : 'related';
}

/** The strongest effect of an entity's coverage ('related' when it has none). */
export function entityEffect(e: CompiledEntity): LineEffect {
  let best: LineEffect = 'related';
  for (const c of e.coverage) if (EFFECT_RANK[effectOf(c)] < EFFECT_RANK[best]) best = effectOf(c);
  return best;
}

export function measureTitle(m: CompiledMeasure): string {
  return m.dateLabel ? `${m.shortTitle} (${m.dateLabel})` : m.shortTitle;
}

/** The listing's heading: the app and its developer, as shown or as recorded. */
function subjectOf(f: Finding, e: CompiledEntity): string {
  if (e.kind === 'company') {
    const app = f.name?.trim();
    return app ? `${app} (${f.developer?.trim() || e.name})` : e.name;
  }
  const dev = f.developer?.trim() || e.developer;
  return dev ? `${e.name} (${dev})` : e.name;
}

/** "US Executive Order 13971 (Jan 5, 2021)" or "the Texas prohibited technologies list … (added Jan 31, 2025)". */
function when(c: CompiledCoverage, m: CompiledMeasure): { before: string; after: string } {
  const named = dateLabel(c.namedOn);
  if (c.fromStart) return { before: m.dateLabel ? ` (${m.dateLabel})` : '', after: '' };
  return { before: '', after: named ? ` (added ${named})` : '' };
}

/** ` as “Tiger Brokers”` when the measure's words for the entity differ from our name for it. */
function asLabel(c: CompiledCoverage, name: string, normalize: (s: string) => string = normalizeName): string {
  return normalize(c.label) === normalize(name) ? '' : ` as “${c.label}”`;
}

/**
 * One sentence: how measure `m` reaches the listing `subject` (an app entity `e`,
 * or a listing by the company `e`), when, and its status for what it names.
 */
export function relationSentence(subject: string | undefined, e: CompiledEntity, c: CompiledCoverage, m: CompiledMeasure): string {
  const t = m.sentenceTitle;
  const w = when(c, m);
  const forScope = c.scope ? ` for its ${c.scope}` : '';
  // A naming known only from press summaries of the order is never "named in" it.
  const press = c.basis === 'press-summary';
  const label = asLabel(c, e.name, e.kind === 'company' ? normalizeDeveloper : normalizeName);
  const named = press
    ? `is among the apps ${t} covers, according to press summaries of the order${w.before}${w.after}${label ? `, which list it${label}` : ''}`
    : `is named in ${t}${w.before}${label}${w.after}${forScope}`;
  // `as`: the measure's own words for a company named by our name for it.
  const which = (what: string, as = '') =>
    press ? `${what}, which press summaries of ${t}${w.before} list among the apps it covers${w.after}` : `${what}, which ${t}${w.before} names${as}${w.after}${forScope}`;
  // The company a 'names-company' line reaches: our name for it (the last of the path), and the measure's words.
  const company = c.path[c.path.length - 1] ?? c.label;
  const asCompany = asLabel(c, company, normalizeDeveloper);
  const S = subject ?? e.name;
  const names = press ? 'those summaries list' : 'the measure names';
  // A measure that names more than the record holds never says what it does not name.
  const notIt = (named: string) =>
    m.namesPartial && !press ? `; ${names} ${named} and many other apps by title, and ${S} is not among those recorded here` : `; ${names} ${named}, not ${S}`;
  const sub = (developer: string) => `${developer}, ${c.path.length > 2 ? 'part' : 'a subsidiary'} of ${company}`;
  let body: string;
  let tail = '';
  if (e.kind === 'company') {
    const by = subject ? `${subject} is by ${e.name}` : undefined;
    switch (c.rel) {
      case 'names-it':
        body = by ? which(by, label) : `${e.name} ${named}`;
        break;
      case 'names-company':
        // for a company, path starts at its parent
        body = which(by ? `${by}, ${c.path.length > 1 ? 'part' : 'a subsidiary'} of ${company}` : `${e.name} is ${c.path.length > 1 ? 'part' : 'a subsidiary'} of ${company}`, asCompany);
        break;
      case 'develops': {
        const role = c.detail === 'publisher' ? 'the store publisher' : 'the developer';
        body = by ? which(`${by}, ${role} of ${c.label}`) : which(`${e.name} is ${role} of ${c.label}`);
        tail = by ? notIt(c.label) : `; ${names} the app ${c.label}, not ${e.name}`;
        break;
      }
      default:
        body = which(`${S} is related to ${c.label}`);
        tail = notIt(c.label);
    }
  } else {
    switch (c.rel) {
      case 'names-it':
        body = `${S} ${named}`;
        break;
      case 'names-build-of':
        body = which(`${S} is a build of ${c.label}`);
        break;
      case 'names-company':
        body = which(`${S} is by ${c.path.length > 1 ? sub(c.path[0]!) : company}`, asCompany);
        break;
      case 'names-feature':
        body = which(`${S} includes ${c.label}`);
        break;
      case 'develops':
      case 'related':
        body =
          c.detail === 'same-developer' && e.developer
            ? which(`${S} is by ${e.developer}, the developer of ${c.label}`)
            : which(`${S} is related to ${c.label}`);
        tail = notIt(c.label);
        break;
    }
  }
  if (c.outOfScope && !tail) tail = "; the measure covers those, not apps as such";
  return `${body}${tail} — ${c.status.text}`;
}

export function summarizeFinding(f: Finding, index: DescribeIndex): FindingSummary {
  const e = index.entities[f.entity]!;
  const listingName = e.kind === 'company' ? f.name?.trim() || undefined : e.name;
  const lines = e.coverage.map((c): MeasureLine => {
    const m = index.measures[c.m]!;
    return { measure: m, text: relationSentence(listingName, e, c, m), effect: effectOf(c), status: c.status };
  });
  return { subject: subjectOf(f, e), possible: f.tier === 3, effect: entityEffect(e), lines };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The list banner's heading, counting listings by what the measures do to them:
 * "2 listings on this page are named, or made by a company named, in a measure in
 * force: Texas prohibited technologies list; 1 more is only related or history".
 */
export function listSummary(findings: Finding[], index: DescribeIndex): string {
  const byEffect: Record<LineEffect, Finding[]> = { restricts: [], 'not-in-force': [], related: [] };
  for (const f of findings) byEffect[entityEffect(index.entities[f.entity]!)].push(f);
  const titles = (fs: Finding[], effect: LineEffect) => {
    const out: string[] = [];
    for (const f of fs) {
      for (const c of index.entities[f.entity]!.coverage) {
        const t = index.measures[c.m]!.shortTitle;
        if (effectOf(c) === effect && !out.includes(t)) out.push(t);
      }
    }
    return out.slice(0, 3).join(', ') + (out.length > 3 ? ` and ${out.length - 3} more` : '');
  };
  const r = byEffect.restricts;
  const h = byEffect['not-in-force'];
  const i = byEffect.related;
  if (r.length) {
    const rest = h.length + i.length;
    return (
      `${plural(r.length, 'listing on this page is', 'listings on this page are')} named, or made by a company named, in a measure in force: ${titles(r, 'restricts')}` +
      (rest ? `; ${plural(rest, 'more is', 'more are')} only related or history` : '')
    );
  }
  if (h.length) {
    return (
      `${plural(h.length, 'listing on this page is', 'listings on this page are')} named only in measures not in force: ${titles(h, 'not-in-force')}` +
      (i.length ? `; ${plural(i.length, 'more is', 'more are')} only related` : '')
    );
  }
  return `${plural(i.length, 'listing on this page is', 'listings on this page are')} only related to apps that government measures name (information, not a restriction)`;
}

// ── Verdicts: one line that answers "does this apply to me?" (src/profile/verdict.ts) ──

/** Whom one audience is, in a few words: "federal devices", "Texas government devices", "everyone in India". */
export function audiencePhrase(a: Audience): string {
  const name = regionName(a.region);
  const us = a.region === US;
  const gov = us ? 'federal' : a.region === 'EU' ? "EU institutions'" : `${name} government`;
  switch (a.who) {
    case 'government-devices':
      return `${gov} devices`;
    case 'government-contractors':
      return `${gov} contractors`;
    case 'procurement':
      return `${gov} procurement`;
    case 'intelligence-community':
      return 'US intelligence community systems';
    case 'house':
      return 'US House devices';
    case 'dod-procurement':
      return 'Department of Defense contracting';
    case 'universities':
      return `${name} state universities`;
    case 'one-agency':
      return us ? "one federal agency's devices" : isUsState(a.region) ? `one ${name} state office's devices` : `one ${name} government office's devices`;
    case 'funding-recipients':
      return us ? 'recipients of FCC funding' : `funding recipients in ${name}`;
    case 'public':
      return `everyone in ${name}`;
    case 'app-stores':
      return `app stores serving ${name}`;
    case 'company-order':
      return `the company's service in ${name}`;
    case 'information':
      return 'no one (information only)';
  }
}

/**
 * The audiences of several measures, short: one per measure (its first), the states'
 * devices grouped ("Texas and 12 other states' government devices", "Texas and 1 other state's …"), at most three parts.
 */
export function audienceSummary(audiences: readonly Audience[]): string {
  const parts: string[] = [];
  const states: string[] = [];
  let statesAt = -1;
  // the federal government's own devices first, then the states', then other US audiences, then other countries
  const rank = (a: Audience) => (a.region === US ? (WORK_DEVICE_AUDIENCES.has(a.who) ? 0 : 2) : isUsState(a.region) ? 1 : 3);
  for (const a of [...audiences].sort((x, y) => rank(x) - rank(y))) {
    if (isUsState(a.region) && a.who === 'government-devices') {
      if (statesAt < 0) statesAt = parts.push('') - 1;
      if (!states.includes(a.region)) states.push(a.region);
      continue;
    }
    const p = audiencePhrase(a);
    if (!parts.includes(p)) parts.push(p);
  }
  if (statesAt >= 0) {
    const first = regionName(states[0]!);
    parts[statesAt] = states.length === 1 ? `${first} government devices` : `${first} and ${plural(states.length - 1, "other state's", "other states'")} government devices`;
  }
  return parts.slice(0, 3).join('; ') + (parts.length > 3 ? `; ${plural(parts.length - 3, 'more audience', 'more audiences')}` : '');
}

const more = (n: number, what: string) => (n > 0 ? `, and ${plural(n, `more ${what}`, `more ${what}s`)}` : '');

/** The verdict's one line, e.g. "Not allowed on your work devices — No TikTok on Government Devices Act (federal devices)". */
export function verdictSentence(v: Verdict<MeasureLine>, profiles: readonly Profile[]): string {
  const [first] = v.deciding;
  switch (v.kind) {
    case 'possible-match':
      return 'Possible match — name only, developer not shown';
    case 'restricted-for-you': {
      const bound = first!.measure.audiences.find((a) => profiles.some((p) => profileBoundBy(p, a)))!;
      const head = PUBLIC_AUDIENCES.has(bound.who)
        ? 'Restricted where you are'
        : PROCUREMENT_AUDIENCES.has(bound.who) || bound.who === 'dod-procurement'
          ? 'Not allowed in your procurement'
          : 'Not allowed on your work devices';
      return `${head} — ${first!.measure.shortTitle} (${audiencePhrase(bound)})${more(v.deciding.length - 1, 'measure')}`;
    }
    case 'restricted-elsewhere': {
      const who = audienceSummary(v.deciding.map((l) => l.measure.audiences[0]!).filter(Boolean));
      return `${v.neutral ? 'Restricted for some audiences' : 'Restricted for others, not for you'} — ${who}`;
    }
    case 'history-only':
      return `History only — ${first!.measure.shortTitle}: ${first!.status.text}${more(v.deciding.length - 1, 'measure not in force')}`;
    case 'related-info':
      if (!first) return 'Information only';
      return `Information only — not named itself; related to what ${first.measure.shortTitle}${
        v.deciding.length > 1 ? ` and ${plural(v.deciding.length - 1, 'more measure', 'more measures')} name` : ' names'
      }`;
  }
}

/** A listing's verdict for these profiles, its sentence, and its lines in the reader's order. */
export function verdictOf(s: FindingSummary, profiles: readonly Profile[]): { verdict: Verdict<MeasureLine>; text: string; lines: MeasureLine[] } {
  const verdict = verdictFor(profiles, s.lines, s.possible);
  return { verdict, text: verdictSentence(verdict, profiles), lines: linesForReader(profiles, s.lines) };
}

/**
 * A list page's one line for the reader: the neutral view keeps the plain count by
 * effect (listSummary, which implies nothing about the reader); with profiles,
 * "2 listings here are restricted for you; 3 more are restricted for others; 1 is history or information".
 */
export function listHeadingFor(findings: Finding[], index: DescribeIndex, profiles: readonly Profile[]): string {
  if (isNeutral(profiles)) return listSummary(findings, index);
  const n = { you: 0, others: 0, rest: 0 };
  for (const f of findings) {
    const k = verdictFor(profiles, summarizeFinding({ ...f, tier: 1 }, index).lines).kind;
    n[k === 'restricted-for-you' ? 'you' : k === 'restricted-elsewhere' ? 'others' : 'rest']++;
  }
  const parts: string[] = [];
  if (n.you) parts.push(`${plural(n.you, 'listing here is', 'listings here are')} restricted for you`);
  if (n.others) parts.push(`${plural(n.others, n.you ? 'more is' : 'listing here is', n.you ? 'more are' : 'listings here are')} restricted for others, not for you`);
  if (n.rest) parts.push(`${plural(n.rest, n.you || n.others ? 'more is' : 'listing here is', n.you || n.others ? 'more are' : 'listings here are')} history or information only`);
  return parts.join('; ');
}

/** What a content script needs to draw: per flagged finding its words, and the list heading. */
/** One finding in words, as the background sends it to the page (extension/shared/messages.ts). */
export interface FindingWords {
  subject: string;
  possible: boolean;
  effect: LineEffect;
  /** The verdict for the reader's profiles, and its one line. */
  verdict: VerdictKind;
  verdictText: string;
  /** Counts on the toolbar and its badge: restricts the reader (or, neutral, anyone). */
  counts: boolean;
  /** In the reader's order: in force and binding them first; `forYou` marks those. */
  lines: { text: string; effect: LineEffect; forYou?: true }[];
}

export interface DescribedFindings {
  /** The data's date. */
  asOf: string;
  /** The date statuses were computed for. */
  date: string;
  summaries: Record<string, FindingWords>;
  listHeading?: string;
  /** No profile says whom measures bind (none chosen, or journalist only). */
  neutral: boolean;
}

/**
 * Describes findings reported by a content script (by entity id; unknown ids
 * and tier-4 findings are skipped).
 */
export function describeFindings(
  findings: { entityId: string; tier: Finding['tier']; evidence: string[]; role: Finding['role']; name?: string; developer?: string; key: string }[],
  index: DescribeIndex,
  profiles: readonly Profile[] = [],
): DescribedFindings {
  const byId = new Map(index.entities.map((e, i) => [e.id, i] as const));
  const summaries: DescribedFindings['summaries'] = {};
  const flagged: Finding[] = [];
  for (const p of findings) {
    const entity = byId.get(p.entityId);
    if (entity === undefined || p.tier > 3) continue;
    const f: Finding = { entity, tier: p.tier, evidence: p.evidence, role: p.role, name: p.name, developer: p.developer };
    const s = summarizeFinding(f, index);
    const v = verdictOf(s, profiles);
    const bound = new Set(v.verdict.underlying === 'restricted-for-you' ? v.verdict.deciding : []);
    summaries[p.key] = {
      subject: s.subject,
      possible: s.possible,
      effect: s.effect,
      verdict: v.verdict.kind,
      verdictText: v.text,
      counts: countsForReader(v.verdict),
      lines: v.lines.map((l) => ({ text: l.text, effect: l.effect, ...(bound.has(l) ? { forYou: true as const } : {}) })),
    };
    flagged.push(f);
  }
  return {
    asOf: index.asOf,
    date: index.date ?? index.asOf,
    summaries,
    listHeading: flagged.length ? listHeadingFor(flagged, index, profiles) : undefined,
    neutral: isNeutral(profiles),
  };
}

/**
 * The toolbar count: distinct apps on the page that a measure in force restricts
 * for the reader's profiles (neutral view: for anyone). One app shown several times
 * counts once; relations and history do not count. An app reached through its
 * company (a developer-tier finding) is told apart by its name on the page: two
 * different apps by a named company count twice.
 */
export function restrictedCount(
  findings: { entityId: string; tier: Finding['tier']; name?: string }[],
  index: DescribeIndex,
  profiles: readonly Profile[] = [],
): number {
  const restricted = new Set<string>();
  const byId = new Map(index.entities.map((e, i) => [e.id, i] as const));
  const counts = new Map<number, boolean>(); // per entity: the same for each of its listings
  for (const f of findings) {
    const i = f.tier <= 3 ? byId.get(f.entityId) : undefined;
    const e = i === undefined ? undefined : index.entities[i]!;
    if (!e || entityEffect(e) !== 'restricts') continue;
    let c = counts.get(i!);
    if (c === undefined) counts.set(i!, (c = countsForReader(verdictFor(profiles, summarizeFinding({ entity: i!, tier: 1, evidence: [], role: 'card' }, index).lines))));
    if (!c) continue;
    restricted.add(e.kind === 'company' ? `${e.id}|${normalizeName(f.name ?? '')}` : e.id);
  }
  return restricted.size;
}
