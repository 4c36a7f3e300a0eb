// The page asks, the background answers (issue 10): the content script sends what
// it read (store ids, names, developers, its text) and gets findings back by
// entity id. The answer must be what matching against the tables gives, the
// question is the page's (anything may be in it), and the UI's words arrive
// looked up through browser.i18n by the background.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { compileIndex, toMatchIndex } from '../../src/match/compile';
import { matchListing } from '../../src/match/match';
import { scanTextMentions } from '../../extension/content/count-mentions';
import { answerMatch } from '../../src/match/answer-match';
import { MAX_QUERIES, parseMatchRequest, parseMatchResult } from '../../src/match/page-match';
import { answeredI18n, CONTENT_UI_KEYS, isPageStart, PAGE_START, pageStartAnswer, parsePageStart } from '../../extension/shared/page-start';
import { translator } from '../../extension/shared/i18n';
import { parseHTML } from 'linkedom';

const index = toMatchIndex(compileIndex(dataset));
const wechat = { role: 'main' as const, name: 'WeChat', ids: [{ platform: 'google-play' as const, value: 'com.tencent.mm', from: 'url' as const }] };

describe('the background answers what matching against the tables gives', () => {
  test('listings: same entity, tier and evidence as matchListing, in the order asked; null where nothing matches', () => {
    const listings = [
      wechat,
      { role: 'card' as const, name: 'Xender', ids: [{ platform: 'google-play' as const, value: 'cn.xender', from: 'link' as const }] },
      { role: 'card' as const, name: 'Example Tool', developer: 'Tencent Technology (Shenzhen) Company Limited', ids: [] },
      { role: 'card' as const, name: 'WeChatty', ids: [] },
    ];
    const { found } = answerMatch(parseMatchRequest({ type: 'match', listings })!, index);
    expect(found).toHaveLength(4);
    listings.forEach((l, i) => {
      const f = matchListing(l, index);
      expect(found[i]).toEqual(f ? { entityId: index.entities[f.entity]!.id, tier: f.tier, evidence: f.evidence } : null);
    });
    expect(found.map((f) => f?.entityId ?? null)).toEqual(['app-wechat', null, 'co-tencent-shenzhen', null]);
  });

  test('text: the mentions the page-side counter finds in the same text, by entity id, with the first spelling', () => {
    const html = '<p>Share it on WeChat or wechat.</p><p>Scan with CamScanner; not WeChatty.</p>';
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    const local = new Map<number, string>();
    const counts = scanTextMentions(document.body, index, local);
    const { mentions } = answerMatch({ type: 'match', listings: [], text: 'Share it on WeChat or wechat.\0Scan with CamScanner; not WeChatty.' }, index);
    expect(mentions).toEqual([...counts].map(([e, n]) => ({ entityId: index.entities[e]!.id, count: n, name: local.get(e) })));
    expect(mentions.map((m) => [m.entityId, m.count])).toEqual([
      ['app-wechat', 2],
      ['app-camscanner', 1],
    ]);
  });
});

describe("the page's question is checked, never trusted", () => {
  test('not a question: null', () => {
    for (const v of [null, 'match', { type: 'findings', listings: [] }, { type: 'match' }, { type: 'match', listings: 'x' }]) expect(parseMatchRequest(v)).toBeNull();
  });

  test('an over-long field is shortened, never the reason to drop the listing (issue 13); a malformed listing keeps its place', () => {
    const long = 'W'.repeat(600);
    const req = parseMatchRequest({ type: 'match', listings: [{ role: 'card', name: long, developer: long, ids: [] }, 42, wechat] })!;
    expect(req.listings).toHaveLength(3);
    expect(req.listings[0]!.name).toHaveLength(500);
    expect(req.listings[1]).toEqual({ role: 'link', ids: [] });
    expect(answerMatch(req, index).found.map((f) => f?.entityId ?? null)).toEqual([null, null, 'app-wechat']);
  });

  test('ids: unknown sources, odd platforms and over-long values are left out; at most MAX_QUERIES listings', () => {
    const req = parseMatchRequest({
      type: 'match',
      listings: [
        {
          role: 'main',
          ids: [
            { platform: 'google-play', value: 'com.tencent.mm', from: 'somewhere' },
            { platform: '__proto__', value: 'com.tencent.mm', from: 'url' },
            { platform: 'google-play', value: 'x'.repeat(501), from: 'url' },
            { platform: 'google-play', value: 'com.tencent.mm', from: 'url' },
          ],
        },
      ],
    })!;
    expect(req.listings[0]!.ids).toEqual([{ platform: 'google-play', value: 'com.tencent.mm', from: 'url' }]);
    const many = parseMatchRequest({ type: 'match', listings: Array.from({ length: MAX_QUERIES + 5 }, () => wechat) })!;
    expect(many.listings).toHaveLength(MAX_QUERIES);
  });

  test("the page's check of the answer: one finding per listing asked, or nothing", () => {
    const answer = answerMatch({ type: 'match', listings: [wechat] }, index);
    expect(parseMatchResult(answer, 1)).toEqual(answer);
    expect(parseMatchResult(answer, 2)).toBeUndefined();
    expect(parseMatchResult('junk', 1)).toBeUndefined();
  });
});

describe("the UI's words come from the background's browser.i18n", () => {
  const catalogue = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
  /** browser.i18n.getMessage as the browsers do it, over the English catalogue. */
  const getMessage = (key: string, subs?: string | string[]): string => {
    const m = catalogue[key];
    if (!m) return '';
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    const sub = (s: string) => s.replace(/\$(\d)/g, (_, d: string) => list[Number(d) - 1] ?? '');
    return m.message.replace(/\$([a-z0-9_]+)\$/gi, (_, name: string) => sub(m.placeholders?.[name.toLowerCase()]?.content ?? ''));
  };
  const api = { getMessage, getUILanguage: () => 'en' };

  test('every key the content UI names is sent', () => {
    const used = new Set<string>();
    for (const f of readdirSync('extension/content').filter((n) => n.endsWith('.ts'))) {
      for (const m of readFileSync(`extension/content/${f}`, 'utf8').matchAll(/\bt\((?:[^'`)]*\? )?'([a-zA-Z_]+)'(?: : '([a-zA-Z_]+)')?/g)) {
        used.add(m[1]!);
        if (m[2]) used.add(m[2]);
      }
    }
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((k) => !(CONTENT_UI_KEYS as readonly string[]).includes(k))).toEqual([]);
    for (const k of CONTENT_UI_KEYS) expect(catalogue[k], k).toBeDefined();
  });

  test('the words with their substitutions are what browser.i18n gives', () => {
    const answer = parsePageStart(JSON.parse(JSON.stringify(pageStartAnswer(api))))!;
    const t = translator(answeredI18n(answer));
    const direct = translator(api);
    for (const [key, subs] of [
      ['badge_label', ['TikTok', 'Not allowed on your work devices']],
      ['banner_meta', ['2026-12-02', '2026-11-01']],
      ['badge_for_you', [3]],
      ['banner_details', undefined],
      ['extName', undefined],
    ] as const) {
      expect(t(key, subs as never), key).toBe(direct(key, subs as never));
      expect(t(key, subs as never)).not.toMatch(/[\ue000-\ue008]/);
    }
    expect(answeredI18n(answer).getMessage('@@bidi_dir')).toBe('ltr');
  });

  test('the first message is recognised by its type only; a junk answer leaves the page alone', () => {
    expect(isPageStart(PAGE_START)).toBe(true);
    expect(isPageStart({ type: 'match' })).toBe(false);
    expect(parsePageStart(undefined)).toBeUndefined();
    expect(parsePageStart({ lang: 'en', dir: 'up', messages: {} })).toBeUndefined();
  });
});

describe('descriptions travel packed: each distinct one once', () => {
  test('1,000 cards of one app: one description on the wire, every key gets it back', async () => {
    const { describeFindings } = await import('../../src/match/wording');
    const { describingAt } = await import('../../extension/shared/describing');
    const { packDescriptions, parseDescriptions } = await import('../../extension/shared/messages');
    const findings = Array.from({ length: 1000 }, (_, i) => ({ entityId: 'app-camscanner', tier: 1 as const, evidence: ['Google Play package id com.intsig.camscanner in a link on the page'], role: 'card' as const, name: 'CamScanner', key: `card-${i}` }));
    const described = { ...describeFindings(findings, describingAt('2026-12-02')), dismissed: [] };
    const packed = packDescriptions(described);
    expect(packed.words).toHaveLength(1);
    const wire = JSON.stringify(packed);
    expect(wire.length).toBeLessThan(JSON.stringify(described).length / 20);
    expect(parseDescriptions(JSON.parse(wire))).toEqual(parseDescriptions(JSON.parse(JSON.stringify(described))));
  });
});

describe('an in-page move is said to the background', () => {
  test("'navigated' carries the new address only; anything else is refused", async () => {
    const { parseContentMessage } = await import('../../extension/shared/messages');
    expect(parseContentMessage({ type: 'navigated', url: 'https://play.google.com/store/apps/details?id=a' })).toEqual({ type: 'navigated', url: 'https://play.google.com/store/apps/details?id=a' });
    expect(parseContentMessage({ type: 'navigated' })).toBeNull();
    expect(parseContentMessage({ type: 'navigated', url: 'x'.repeat(5000) })).toBeNull();
  });
});
