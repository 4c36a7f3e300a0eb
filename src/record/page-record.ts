// The record of one page: what was found, how each measure reaches it and its
// status on a stated date, with sources. The export JSON, the printable report and
// every citation are built from this one shape (pure; statuses from describeIndexAt,
// sentences from src/match/wording.ts). Documented in the README ("Export JSON").

import type { Dataset, Measure, Source, Status } from '../data/schema';
import type { DescribeIndex } from '../match/compile';
import type { Finding, Tier } from '../match/match';
import { measureTitle, summarizeFinding, type LineEffect } from '../match/wording';
import { storeUrlFor } from './store-url';

export const PAGE_RECORD_SCHEMA = 'covered-apps/page-record';
export const PAGE_RECORD_VERSION = 1;

/** A finding as the background stores it (extension/shared/messages.ts FindingPayload). */
export interface RecordFindingInput {
  entityId: string;
  tier: Tier;
  evidence: string[];
  role: Finding['role'];
  name?: string;
  developer?: string;
  key: string;
}

/** A listing the user marked "not this app" (a false match). */
export interface NotThisAppMark {
  /** The listing key (store + id, e.g. "google-play:com.intsig.camscanner"). */
  key: string;
  entityId: string;
  /** The app's name as shown when marked. */
  name: string;
  /** The page it was marked on (without query or fragment). */
  url: string;
  /** ISO date-time. */
  markedAt: string;
}

export interface RecordSource {
  url: string;
  /** A link a browser can open (repo: sources point at the file at its commit); absent when none. */
  href?: string;
  title?: string;
  kind: 'primary' | 'secondary';
}

export interface RecordLine {
  measureId: string;
  /** The sentence, verbatim as the banner and popup say it. */
  sentence: string;
  effect: LineEffect;
  status: Status;
}

export interface RecordFinding {
  key: string;
  entityId: string;
  /** "CamScanner (INTSIG Information Co.,Ltd)" */
  subject: string;
  name?: string;
  developer?: string;
  /** The listing's store address when its id says it, else the page's. */
  storeUrl: string;
  tier: Tier;
  role: Finding['role'];
  /** What matched. */
  evidence: string[];
  /** The strongest effect: restricts, not-in-force or related (information). */
  effect: LineEffect;
  lines: RecordLine[];
}

export interface RecordMeasure {
  id: string;
  title: string;
  /** "US Executive Order 13971 (Jan 5, 2021)" */
  heading: string;
  jurisdiction: string;
  instrument: string;
  citation?: string;
  /** The measure's own status on the record's date (a naming may differ: see each line). */
  status: Status;
  binds: string;
  prohibits: string;
  summary: string;
  verbatim: { text: string; source: RecordSource }[];
  noPrimaryText?: string;
  /** Primary first. */
  sources: RecordSource[];
  timeline: { date: string; text: string; status?: Status }[];
}

export interface PageRecord {
  schema: typeof PAGE_RECORD_SCHEMA;
  schemaVersion: typeof PAGE_RECORD_VERSION;
  /** The page, without query or fragment. */
  pageUrl: string;
  /** ISO date-time the record was made. */
  checkedAt: string;
  extension: { name: string; version: string };
  /** The date the data's facts were last checked (its version). */
  dataAsOf: string;
  /** The day every status, line and sentence is computed for; chosen: picked by the user rather than the browsing day. */
  statusesAsOf: { date: string; chosen: boolean };
  findings: RecordFinding[];
  /** Every measure a finding's line names, in dataset order. */
  measures: RecordMeasure[];
  /** Listings on this page the user marked "not this app": hidden on the page, listed here for a reviewer. */
  notThisApp: NotThisAppMark[];
  /** Flagged listings the page showed beyond those recorded, when it showed more. */
  total?: number;
}

export interface PageRecordInput {
  url: string;
  findings: RecordFindingInput[];
  total?: number;
  notThisApp: NotThisAppMark[];
  /** Statuses as of index.date. */
  index: DescribeIndex;
  dataset: Dataset;
  chosenDate: boolean;
  checkedAt: Date;
  extension: { name: string; version: string };
}

/** A link for a source: http(s) as is, `repo:owner/name/path` to the file at its commit. */
export function sourceHref(s: Pick<Source, 'url' | 'commit'>): string | undefined {
  if (/^https?:\/\//.test(s.url)) return s.url;
  const repo = /^repo:([\w.-]+)\/([\w.-]+)\/(.+)$/.exec(s.url);
  return repo ? `https://github.com/${repo[1]}/${repo[2]}/blob/${s.commit ?? 'HEAD'}/${repo[3]}` : undefined;
}

function recordSource(s: Source): RecordSource {
  const href = sourceHref(s);
  return { url: s.url, ...(href ? { href } : {}), ...(s.title ? { title: s.title } : {}), kind: s.kind === 'primary' ? 'primary' : 'secondary' };
}

/** Primary sources first, in the data's order within each kind. */
export function rankedSources(sources: Source[]): RecordSource[] {
  const all = sources.map(recordSource);
  return [...all.filter((s) => s.kind === 'primary'), ...all.filter((s) => s.kind !== 'primary')];
}

function recordMeasure(m: Measure, index: DescribeIndex, i: number): RecordMeasure {
  const compiled = index.measures[i]!;
  return {
    id: m.id,
    title: m.title,
    heading: measureTitle(compiled),
    jurisdiction: m.jurisdiction,
    instrument: m.instrument,
    ...(m.citation ? { citation: m.citation } : {}),
    status: compiled.status,
    binds: m.binds,
    prohibits: m.prohibits,
    summary: m.summary,
    verbatim: (m.verbatim ?? []).map((v) => ({ text: v.text, source: recordSource(v.source) })),
    ...(m.noPrimaryText ? { noPrimaryText: m.noPrimaryText } : {}),
    sources: rankedSources(m.sources),
    timeline: m.timeline.map((ev) => ({ date: ev.date, text: ev.text, ...(ev.status ? { status: ev.status } : {}) })),
  };
}

/** The record of a page, every status as of `index.date`. Findings whose entity the data no longer knows on that date are left out. */
export function buildPageRecord(input: PageRecordInput): PageRecord {
  const { index, dataset } = input;
  const entityIndex = new Map(index.entities.map((e, i) => [e.id, i] as const));
  const measureIds = new Set<string>();
  const findings: RecordFinding[] = [];
  for (const p of input.findings) {
    const entity = entityIndex.get(p.entityId);
    if (entity === undefined || p.tier > 3) continue;
    const s = summarizeFinding({ entity, tier: p.tier, evidence: p.evidence, role: p.role, name: p.name, developer: p.developer }, index);
    for (const l of s.lines) measureIds.add(l.measure.id);
    findings.push({
      key: p.key,
      entityId: p.entityId,
      subject: s.subject,
      ...(p.name ? { name: p.name } : {}),
      ...(p.developer ? { developer: p.developer } : {}),
      storeUrl: storeUrlFor(p.key) ?? input.url,
      tier: p.tier,
      role: p.role,
      evidence: p.evidence,
      effect: s.effect,
      lines: s.lines.map((l) => ({ measureId: l.measure.id, sentence: l.text, effect: l.effect, status: l.status })),
    });
  }
  const measures = dataset.measures.flatMap((m, i) => (measureIds.has(m.id) ? [recordMeasure(m, index, i)] : []));
  return {
    schema: PAGE_RECORD_SCHEMA,
    schemaVersion: PAGE_RECORD_VERSION,
    pageUrl: input.url.split(/[?#]/, 1)[0]!,
    checkedAt: input.checkedAt.toISOString(),
    extension: input.extension,
    dataAsOf: index.asOf,
    statusesAsOf: { date: index.date ?? index.asOf, chosen: input.chosenDate },
    findings,
    measures,
    notThisApp: input.notThisApp,
    ...(input.total !== undefined && input.total > findings.length ? { total: input.total } : {}),
  };
}
