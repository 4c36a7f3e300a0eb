// The background's boundary with content scripts and storage: overlong fields are
// shortened (never the whole report lost), reports are about the sending page,
// capped per tab with the full count kept, and dismissals limited to keys the
// page was given.
import { describe, expect, test } from 'vitest';
import { clip, parseContentMessage, parseTabReport, reportCount, type FindingPayload } from '../../extension/shared/messages';
import { STORED_PER_TAB, issuedDismissKey, sameDocument, tabReport } from '../../extension/background/tab-report';

const main: FindingPayload = { entityId: 'app-camscanner', tier: 1, evidence: ['package in the URL'], role: 'main', key: 'google-play:com.intsig.camscanner', name: 'CamScanner' };
const card: FindingPayload = { entityId: 'app-wechat', tier: 1, evidence: ['package in a link'], role: 'card', key: 'google-play:com.tencent.mm', name: 'WeChat' };

describe('overlong fields are shortened and counted, the message stands', () => {
  test('a 600-character aria-label name and a 600-character <h1> developer', () => {
    const m = parseContentMessage({ type: 'findings', url: 'https://play.google.com/x', findings: [{ ...main, name: 'N'.repeat(600), developer: 'D'.repeat(600) }, card] });
    expect(m?.type).toBe('findings');
    if (m?.type !== 'findings') return;
    expect(m.findings.map((f) => f.entityId)).toEqual(['app-camscanner', 'app-wechat']);
    expect(m.findings[0]!.name).toHaveLength(500);
    expect(m.findings[0]!.developer).toHaveLength(500);
    expect(m.truncated).toBe(2);
  });
  test('evidence: more than 20 lines keeps 20, a long line is shortened', () => {
    const m = parseContentMessage({ type: 'findings', url: 'u', findings: [{ ...main, evidence: ['e'.repeat(900), ...Array(25).fill('x')] }] });
    if (m?.type !== 'findings') throw new Error('rejected');
    expect(m.findings[0]!.evidence).toHaveLength(20);
    expect(m.findings[0]!.evidence[0]).toHaveLength(500);
    expect(m.truncated).toBe(2);
  });
  test('a very long URL is shortened', () => {
    const m = parseContentMessage({ type: 'findings', url: 'https://a/' + 'q'.repeat(5000), findings: [main] });
    expect(m?.type === 'findings' && [m.url.length, m.truncated]).toEqual([4096, 1]);
  });
  test('clip never splits a surrogate pair', () => {
    expect(clip('ab😀', 3)).toBe('ab');
    expect(clip('ab😀', 4)).toBe('ab😀');
  });
  test('a total below the flagged count in the list, or not an integer, is ignored', () => {
    expect(parseContentMessage({ type: 'findings', url: 'u', findings: [main], total: 0 })).toEqual({ type: 'findings', url: 'u', findings: [main] });
    expect(parseContentMessage({ type: 'findings', url: 'u', findings: [main], total: 1e400 })).toEqual({ type: 'findings', url: 'u', findings: [main] });
    expect(parseContentMessage({ type: 'findings', url: 'u', findings: [main], total: 3000 })).toMatchObject({ total: 3000 });
  });
});

describe('what the background stores per tab', () => {
  const known = (id: string) => id.startsWith('app-');
  test('unknown entity ids are dropped and counted', () => {
    const r = tabReport({ type: 'findings', url: 'u', findings: [main, { ...card, entityId: 'made-up' }] }, known, 1);
    expect(r.findings).toEqual([main]);
    expect(r.truncated).toBe(1);
  });
  test(`capped at ${STORED_PER_TAB} findings, main listing first; the count covers all`, () => {
    const cards = Array.from({ length: 500 }, (_, i) => ({ ...card, key: `k${i}` }));
    const r = tabReport({ type: 'findings', url: 'u', findings: [...cards, main], total: 3000 }, known, 1);
    expect(r.findings).toHaveLength(STORED_PER_TAB);
    expect(r.findings[0]).toEqual(main);
    expect(reportCount(r)).toBe(3000);
    // and the count of a report that was not capped is its flagged findings
    expect(reportCount(tabReport({ type: 'findings', url: 'u', findings: [main, { ...card, tier: 4 }] }, known, 1))).toBe(1);
  });
  test('a report must be about the page that sent it (fragments aside)', () => {
    expect(sameDocument('https://play.google.com/a#x', 'https://play.google.com/a')).toBe(true);
    expect(sameDocument('https://play.google.com/a', 'https://evil.example/a')).toBe(false);
    expect(sameDocument('https://play.google.com/a', undefined)).toBe(true);
  });
  test('stored reports read back validated: junk, truncated JSON and wrong types are unusable', () => {
    expect(parseTabReport('{"url":"https://pla')).toBeUndefined();
    expect(parseTabReport({ url: 5, findings: [] })).toBeUndefined();
    expect(parseTabReport({ url: 'u', findings: [main], at: 5, truncated: 2 })).toEqual({ url: 'u', findings: [main], truncated: 2 });
  });
});

describe('dismissal keys', () => {
  const report = { url: 'https://play.google.com/store/apps/details?id=com.intsig.camscanner', findings: [main, card] };
  const url = report.url;
  test("the page's main listing, on its host, and its list banner", () => {
    expect(issuedDismissKey('play.google.com|google-play:com.intsig.camscanner', url, report)).toBe(true);
    expect(issuedDismissKey('list:https://play.google.com/store/apps/details?id=com.intsig.camscanner', url, report)).toBe(true);
  });
  test('not a card, another host, or a key made up by the page', () => {
    expect(issuedDismissKey('play.google.com|google-play:com.tencent.mm', url, report)).toBe(false);
    expect(issuedDismissKey('apps.apple.com|google-play:com.intsig.camscanner', url, report)).toBe(false);
    expect(issuedDismissKey('anything', url, report)).toBe(false);
    expect(issuedDismissKey('play.google.com|google-play:com.intsig.camscanner', url, undefined)).toBe(false);
  });
});
