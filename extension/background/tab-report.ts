// What the background keeps of a content script's findings message, and what it
// answers. Pure (no browser APIs) so the rules are unit-tested: the report must be
// about the page that sent it, name only entities we know, and stay small however
// hostile the page (a cap per tab, with the total kept for the toolbar count).

import type { ContentMessage, FindingPayload, TabReport } from '../shared/messages';
import { badgeCount } from '../shared/messages';

/** Findings stored per tab (the popup lists these; the count covers all). */
export const STORED_PER_TAB = 200;

type FindingsMessage = Extract<ContentMessage, { type: 'findings' }>;

const withoutHash = (u: string) => u.split('#')[0]!;

/** The page a content script message comes from, when the browser says (it may not, outside our host permissions). */
export function sameDocument(reported: string, senderUrl: string | undefined): boolean {
  return senderUrl === undefined || withoutHash(reported) === withoutHash(senderUrl);
}

/** The report to store for a validated findings message: known entities only, main listing first, capped. */
export function tabReport(m: FindingsMessage, knownEntity: (id: string) => boolean, at: number): TabReport & { at: number } {
  const known = m.findings.filter((f) => knownEntity(f.entityId));
  const unknown = m.findings.length - known.length;
  const total = Math.max(m.total ?? 0, badgeCount(known));
  const rank = (f: FindingPayload) => (f.role === 'main' || f.role === 'vendor' ? 0 : f.tier <= 3 ? 1 : 2);
  const kept = known.length > STORED_PER_TAB ? [...known].sort((a, b) => rank(a) - rank(b)).slice(0, STORED_PER_TAB) : known;
  const r: TabReport & { at: number } = { url: m.url, findings: kept, at };
  if (total > badgeCount(kept)) r.total = total;
  const truncated = (m.truncated ?? 0) + unknown;
  if (truncated) r.truncated = truncated;
  return r;
}

/** The dismissal keys a page may send: its main listing's (per host) and its list banner's. */
export function issuedDismissKey(key: string, senderUrl: string | undefined, report: TabReport | undefined): boolean {
  return dismissKeysFor(senderUrl, report).includes(key);
}

/** Every dismissal key a tab's page can have issued (the popup's "show the banner again" clears these). */
export function dismissKeysFor(tabUrl: string | undefined, report: TabReport | undefined): string[] {
  if (!tabUrl || !report) return [];
  const u = new URL(tabUrl);
  const own = report.findings.filter((f) => f.role === 'main' || f.role === 'vendor').map((f) => `${u.host}|${f.key}`);
  return [`list:${u.origin}${u.pathname}${u.search}`, ...own];
}
