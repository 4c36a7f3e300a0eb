// The boundaries of the browser shell: message validation, manifest ↔ adapters,
// and permissions kept to the supported hosts.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseContentMessage, parsePopupMessage } from '../../extension/shared/messages';
import { siteAdapters, adapterFor } from '../../src/sites/registry';
import { contentMatches, hostMatches, matchPatterns } from '../../src/sites/hosts';

const manifest = JSON.parse(readFileSync('manifest.json', 'utf8'));

const finding = { entityId: 'app-camscanner', tier: 1, evidence: ['x'], role: 'main', key: 'google-play:com.intsig.camscanner' };

describe('content-script messages are validated', () => {
  test('a well-formed findings message passes', () => {
    expect(parseContentMessage({ type: 'findings', url: 'https://play.google.com/', findings: [finding] })).toEqual({
      type: 'findings',
      url: 'https://play.google.com/',
      findings: [finding],
    });
  });
  test('a partial findings message (the page\'s own listing, sent ahead) keeps its flag', () => {
    expect(parseContentMessage({ type: 'findings', url: 'https://play.google.com/', findings: [finding], partial: true })).toEqual({
      type: 'findings',
      url: 'https://play.google.com/',
      findings: [finding],
      partial: true,
    });
  });
  test.each([
    ['not an object', 'findings'],
    ['unknown type', { type: 'eval', code: '1' }],
    ['findings not a list', { type: 'findings', url: 'u', findings: 'all' }],
    ['url not a string', { type: 'findings', url: 7, findings: [finding] }],
    ['dismiss without key', { type: 'dismiss' }],
  ])('%s is rejected', (_name, msg) => {
    expect(parseContentMessage(msg)).toBeNull();
  });
  // One bad finding is dropped and counted; the other findings of the page still stand.
  test.each([
    ['bad tier', { ...finding, tier: 9 }],
    ['bad entity id', { ...finding, entityId: '<img src=x>' }],
    ['bad role', { ...finding, role: 'admin' }],
    ['key too long', { ...finding, key: 'k'.repeat(1001) }],
    ['not an object', 'finding'],
  ])('a finding with %s is dropped, not the message', (_name, bad) => {
    const good = { ...finding, key: 'google-play:com.tencent.mm', entityId: 'app-wechat' };
    expect(parseContentMessage({ type: 'findings', url: 'u', findings: [bad, good] })).toEqual({ type: 'findings', url: 'u', findings: [good], truncated: 1 });
  });
  test('evidence that is not text is left out and counted', () => {
    expect(parseContentMessage({ type: 'findings', url: 'u', findings: [{ ...finding, evidence: [{}, 'y'] }] })).toEqual({
      type: 'findings',
      url: 'u',
      findings: [{ ...finding, evidence: ['y'] }],
      truncated: 1,
    });
  });
  test('partial other than true is read as a full list', () => {
    expect(parseContentMessage({ type: 'findings', url: 'u', findings: [finding], partial: 'yes' })).toEqual({ type: 'findings', url: 'u', findings: [finding] });
  });
  test('past 2,000 findings the first 2,000 are kept and the rest counted', () => {
    const m = parseContentMessage({ type: 'findings', url: 'u', findings: Array(2001).fill(finding) });
    expect(m?.type === 'findings' && [m.findings.length, m.truncated]).toEqual([2000, 1]);
  });
  test('popup asks for a tab by integer id only', () => {
    expect(parsePopupMessage({ type: 'get-tab', tabId: 7 })).toEqual({ type: 'get-tab', tabId: 7 });
    expect(parsePopupMessage({ type: 'get-tab', tabId: '7' })).toBeNull();
    expect(parsePopupMessage({ type: 'get-tab', tabId: 1.5 })).toBeNull();
  });
});

describe('manifest and adapters agree', () => {
  const all = siteAdapters.flatMap((a) => matchPatterns(a.hosts));
  test('content script matches = the adapters’ pages; host permissions = the adapters’ hosts', () => {
    expect([...manifest.content_scripts[0].matches].sort()).toEqual(siteAdapters.flatMap(contentMatches).sort());
    expect([...manifest.host_permissions].sort()).toEqual([...all].sort());
  });
  test('no broad permissions: no <all_urls>, no wildcard hosts beyond a registrable domain', () => {
    for (const p of [...manifest.host_permissions, ...manifest.permissions]) {
      expect(p).not.toMatch(/<all_urls>|^\*:\/\/\*\/|^https:\/\/\*\/\*/);
    }
    expect(manifest.permissions).toEqual(['storage', 'scripting']);
    // "check any site" is opt-in: all-sites access is only ever optional
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(manifest.web_accessible_resources).toBeUndefined();
  });
  test('every adapter has example URLs, and each example maps back to it', () => {
    for (const a of siteAdapters) {
      expect(a.examples.length, a.id).toBeGreaterThan(2);
      for (const ex of a.examples.filter((e) => e.kind)) {
        expect(adapterFor(new URL(ex.url))?.id, ex.url).toBe(a.id);
      }
    }
  });
  test('host rule: bare domains cover subdomains, longer hosts only themselves', () => {
    expect(hostMatches('wps-office.en.uptodown.com', 'uptodown.com')).toBe(true);
    expect(hostMatches('evil-uptodown.com', 'uptodown.com')).toBe(false);
    expect(hostMatches('play.google.com', 'play.google.com')).toBe(true);
    expect(hostMatches('x.play.google.com', 'play.google.com')).toBe(false);
    expect(adapterFor(new URL('https://example.org/'))).toBeUndefined();
    expect(adapterFor(new URL('file:///etc/passwd'))).toBeUndefined();
  });
});
