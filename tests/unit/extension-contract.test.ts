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
    ['partial not true', { type: 'findings', url: 'u', findings: [finding], partial: 'yes' }],
    ['unknown type', { type: 'eval', code: '1' }],
    ['bad tier', { type: 'findings', url: 'u', findings: [{ ...finding, tier: 9 }] }],
    ['bad entity id', { type: 'findings', url: 'u', findings: [{ ...finding, entityId: '<img src=x>' }] }],
    ['bad role', { type: 'findings', url: 'u', findings: [{ ...finding, role: 'admin' }] }],
    ['evidence not strings', { type: 'findings', url: 'u', findings: [{ ...finding, evidence: [{}] }] }],
    ['oversized', { type: 'findings', url: 'u', findings: Array(2001).fill(finding) }],
    ['dismiss without key', { type: 'dismiss' }],
  ])('%s is rejected', (_name, msg) => {
    expect(parseContentMessage(msg)).toBeNull();
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
