// Property-based tests (fast-check): the code that reads what pages and
// messages hand it must never throw and must return well-formed, bounded output,
// whatever the text: random Unicode with bidi controls, zero-width joiners and
// lone surrogates included.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { compileIndex, toMatchIndex } from '../../src/match/compile';
import { matchListing } from '../../src/match/match';
import { normalizeDeveloper, normalizeName } from '../../src/match/normalize';
import { siteAdapters } from '../../src/sites/registry';
import type { Listing, ListingId } from '../../src/sites/types';
import { MAX_FINDINGS, MAX_STR, parseContentMessage, parseTabReport } from '../../extension/shared/messages';
import { ownFixturesDir } from '../fixtures-path';

const index = toMatchIndex(compileIndex(dataset));

// Characters pages use against readers: bidi overrides and isolates, zero-width
// joiners and spaces, a BOM, lone surrogates (both halves), combining marks.
const TRICKY = ['\u202e', '\u202d', '\u2066', '\u2069', '\u200d', '\u200b', '\u200c', '\ufeff', '\ud800', '\udfff', '\u0301', '\u00a0', '\0', 'ｗｅｃｈａｔ', 'WeChat', 'CamScanner', 'WPS'];
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.array(fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 20 }).map((a) => a.join('')),
);
const RUNS = { numRuns: 150 };

describe('normalizer', () => {
  test('never throws; a string out, bounded by the input, with no bidi controls or zero-width characters left', () => {
    fc.assert(
      fc.property(text, (s) => {
        for (const out of [normalizeName(s), normalizeDeveloper(s)]) {
          expect(typeof out).toBe('string');
          expect(out.length).toBeLessThanOrEqual(s.length * 4 + 4);
          expect(out).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/);
        }
      }),
      RUNS,
    );
  });
});

describe('matcher', () => {
  const platforms = ['google-play', 'apple', 'apple-mac', 'apple-bundle', 'apple-developer', 'google-play-developer', 'microsoft-store', 'winget', 'galaxy-store', 'appgallery', 'amazon', 'domain', 'flathub'];
  const id = fc.record({ platform: fc.constantFrom(...platforms), value: fc.oneof(text, fc.constantFrom('com.intsig.camscanner', 'com.tencent.mm', '414478124', 'wps.com')), from: fc.constantFrom('url', 'link', 'json-ld', 'page-text', 'meta') }) as fc.Arbitrary<ListingId>;
  const listing = fc.record(
    { name: text, developer: text, ids: fc.array(id, { maxLength: 4 }), role: fc.constantFrom('main', 'card', 'link', 'vendor') },
    { requiredKeys: ['ids', 'role'] },
  ) as fc.Arbitrary<Listing>;
  test('matchListing never throws; a finding names a real entity with a tier and text evidence', () => {
    fc.assert(
      fc.property(listing, (l) => {
        const f = matchListing(l, index);
        if (f === null) return;
        expect(index.entities[f.entity]).toBeDefined();
        expect([1, 2, 3, 4]).toContain(f.tier);
        expect(f.evidence.every((e) => typeof e === 'string')).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('message validator', () => {
  const finding = fc.record(
    {
      entityId: fc.oneof(fc.constantFrom('app-camscanner', 'app-wechat'), text),
      tier: fc.oneof(fc.constantFrom(1, 2, 3, 4), fc.anything()),
      evidence: fc.oneof(fc.array(fc.oneof(text, fc.string({ minLength: 490, maxLength: 700 })), { maxLength: 25 }), fc.anything()),
      role: fc.oneof(fc.constantFrom('main', 'card', 'link', 'vendor'), text),
      name: fc.oneof(text, fc.string({ minLength: 490, maxLength: 700 }), fc.anything()),
      developer: fc.oneof(text, fc.anything()),
      key: fc.oneof(text, fc.string({ minLength: 990, maxLength: 1100 })),
    },
    { requiredKeys: [] },
  );
  const message = fc.oneof(
    fc.anything(),
    fc.record({ type: fc.constant('findings'), url: fc.oneof(text, fc.anything()), findings: fc.array(fc.oneof(finding, fc.anything()), { maxLength: 30 }), partial: fc.anything(), total: fc.anything() }, { requiredKeys: ['type'] }),
    fc.record({ type: fc.constantFrom('dismiss', 'open-details'), key: fc.oneof(text, fc.anything()) }, { requiredKeys: ['type'] }),
  );
  test('never throws; what passes is well-formed and bounded', () => {
    fc.assert(
      fc.property(message, (msg) => {
        const m = parseContentMessage(msg);
        expect(parseTabReport(msg)).toSatisfy((r) => r === undefined || typeof r === 'object');
        if (m === null) return;
        if (m.type !== 'findings') return;
        expect(m.url.length).toBeLessThanOrEqual(4096);
        expect(m.findings.length).toBeLessThanOrEqual(MAX_FINDINGS);
        for (const f of m.findings) {
          expect([1, 2, 3, 4]).toContain(f.tier);
          expect(f.entityId).toMatch(/^[a-z0-9-]{1,100}$/);
          expect(f.key.length).toBeLessThanOrEqual(1000);
          expect(f.evidence.length).toBeLessThanOrEqual(20);
          for (const s of [...f.evidence, f.name ?? '', f.developer ?? '']) {
            expect(typeof s).toBe('string');
            expect(s.length).toBeLessThanOrEqual(MAX_STR);
          }
        }
        if (m.total !== undefined) expect(Number.isSafeInteger(m.total)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

// A small Play page (Play has no own fixture folder: its tests use real captures).
const PLAY = `<!doctype html><html><body><header><h1><span itemprop="name">CamScanner</span></h1>
<a href="/store/apps/dev?id=7907302180590353069"><span>INTSIG Information Co.,Ltd</span></a></header>
<div class="card"><a href="/store/apps/details?id=com.tencent.mm" aria-label="WeChat"><div><span>WeChat</span></div><div><span>WeChat Tech</span></div></a></div>
<script type="application/ld+json">{"@type":"SoftwareApplication","name":"CamScanner"}</script></body></html>`;

function fixturePages(adapterId: string): { url: string; html: string }[] {
  const cases = join(ownFixturesDir, adapterId, 'cases.json');
  if (!existsSync(cases)) return [];
  return (JSON.parse(readFileSync(cases, 'utf8')) as { url: string; file: string }[])
    .filter((c) => !c.file.startsWith('captured:')) // own fixtures; the real captures have their own never-throw tests
    .slice(0, 2)
    .map((c) => ({ url: c.url, html: readFileSync(join(ownFixturesDir, adapterId, c.file), 'utf8') }));
}

describe('site adapters', () => {
  // A mutation: which node (by position, wrapped), and what goes in.
  const mutation = fc.record({ at: fc.nat(), value: text, attr: fc.constantFrom('text', 'aria-label', 'title', 'href', 'content', 'alt') });
  for (const adapter of siteAdapters) {
    const pages = adapter.id === 'google-play' ? [{ url: 'https://play.google.com/store/apps/details?id=com.intsig.camscanner', html: PLAY }] : fixturePages(adapter.id);
    const fallback = adapter.examples.find((e) => e.kind !== null)?.url;
    if (pages.length === 0 && fallback) pages.push({ url: fallback, html: PLAY });
    test(`${adapter.id}: extract never throws on its fixtures with random text in names, labels and links; listings well-formed`, () => {
      expect(pages.length).toBeGreaterThan(0);
      fc.assert(
        fc.property(fc.constantFrom(...pages), fc.array(mutation, { minLength: 1, maxLength: 12 }), (page, mutations) => {
          const { document } = parseHTML(page.html);
          const elements = Array.from(document.querySelectorAll('*'));
          const texts: Text[] = [];
          const walker = document.createTreeWalker(document, 4);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
          for (const m of mutations) {
            if (m.attr === 'text' && texts.length) texts[m.at % texts.length]!.data = m.value;
            else if (elements.length) {
              const el = elements[m.at % elements.length]!;
              el.setAttribute(m.attr, m.attr === 'href' ? `${el.getAttribute('href') ?? '/'}${m.value}` : m.value);
            }
          }
          const url = new URL(page.url);
          const listings = adapter.extract(document as unknown as Document, url);
          const more = adapter.extractFrom ? adapter.extractFrom(document.body as unknown as Element, url) : [];
          for (const l of [...listings, ...more]) {
            expect(['main', 'card', 'link', 'vendor']).toContain(l.role);
            for (const s of [l.name, l.developer]) if (s !== undefined) expect(typeof s).toBe('string');
            expect(Array.isArray(l.ids)).toBe(true);
            for (const i of l.ids) expect([typeof i.platform, typeof i.value]).toEqual(['string', 'string']);
            expect(matchListing(l, index) === null || typeof matchListing(l, index) === 'object').toBe(true);
          }
          expect(listings.length + more.length).toBeLessThanOrEqual(elements.length + 10);
        }),
        { numRuns: 25 },
      );
    });
  }
});
