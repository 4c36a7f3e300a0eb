// The page-side scanner on a small Play detail page (DOM from linkedom): the
// order of its messages and how often it draws. What it draws is checked in
// real browsers (tests/e2e); here, the protocol with the background.
import { describe, expect, test } from 'vitest';
import { parseHTML } from 'linkedom';
import { dataset } from '../../src/data/dataset';
import { compileIndex, toMatchIndex } from '../../src/match/compile';
import { describeFindings } from '../../src/match/wording';
import { googlePlay } from '../../src/sites/google-play';
import { localMatcher } from '../../src/match/answer-match';
import { PageScanner, urlListing } from '../../extension/content/scanner';
import { packDescriptions, type Descriptions, type FindingPayload } from '../../extension/shared/messages';

const compiled = compileIndex(dataset);
const index = toMatchIndex(compiled);
const URL_ = 'https://play.google.com/store/apps/details?id=com.intsig.camscanner&hl=en';

// A detail page of a covered app with a "similar apps" card for another covered app.
const PAGE = `<!doctype html><html><head><title>CamScanner</title></head><body>
<header><h1><span itemprop="name">CamScanner - PDF Scanner App</span></h1>
<div><a href="/store/apps/dev?id=7907302180590353069"><span>INTSIG Information Co.,Ltd</span></a></div></header>
<main><p>Scan documents with your phone.</p>
<section><h2>Similar apps</h2>
<div class="card"><a href="/store/apps/details?id=com.tencent.mm"><div><span>WeChat</span></div><div><span>WeChat Tech</span></div></a></div>
<div class="card"><a href="/store/apps/details?id=com.example.notes"><div><span>Notes</span></div><div><span>Example Inc</span></div></a></div>
</section></main></body></html>`;

function setup() {
  const { document } = parseHTML(PAGE);
  Object.defineProperty(document, 'location', { value: new URL(URL_) });
  const sent: FindingPayload[][] = [];
  const partial: boolean[] = [];
  const answers: ((d: Descriptions) => void)[] = [];
  const scanner = new PageScanner(document as unknown as Document, localMatcher(index), googlePlay, {
    onFindings(findings, isPartial) {
      sent.push(findings);
      partial.push(isPartial === true);
      return new Promise<Descriptions>((resolve) => answers.push(resolve));
    },
    onDetails() {},
    onDismiss() {},
  });
  const answer = (i: number) => answers[i]!({ ...describeFindings(sent[i]!, compiled), dismissed: [] });
  return { document, scanner, sent, partial, answer };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('PageScanner', () => {
  test("the page's own covered listing goes to the background before the rest of the page is scanned", () => {
    const { scanner, sent, partial } = setup();
    scanner.fullScan(new URL(URL_));
    expect(sent).toHaveLength(2);
    expect(partial).toEqual([true, false]); // only the full list is stored and counted by the background
    expect(sent[0]!.map((f) => [f.entityId, f.role])).toEqual([['app-camscanner', 'main']]);
    // the second message has everything: the main listing and the WeChat card
    expect(sent[1]!.map((f) => f.entityId).sort()).toEqual(['app-camscanner', 'app-wechat']);
  });

  test('draws the banner on the first answer and leaves it in place when a later answer says the same', async () => {
    const { document, scanner, answer } = setup();
    scanner.fullScan(new URL(URL_));
    answer(0);
    await flush();
    const first = document.querySelector('[data-covered-apps="banner"]');
    expect(first).not.toBeNull();
    answer(1);
    await flush();
    const banners = document.querySelectorAll('[data-covered-apps="banner"]');
    expect(banners).toHaveLength(1);
    expect(banners[0]).toBe(first); // not torn down and rebuilt
    // the card got its badge from the second answer
    expect(document.querySelectorAll('[data-covered-apps="badge"]')).toHaveLength(1);
  });

  test("a matcher that answers with the words (the background, for the page's own listing): the banner needs no findings message before it", async () => {
    const { document } = parseHTML(PAGE);
    Object.defineProperty(document, 'location', { value: new URL(URL_) });
    const sent: boolean[] = [];
    const asked: { keys: (string | undefined)[]; describe?: true }[] = [];
    const local = localMatcher(index);
    // As the background does it (extension/background/main.ts): the answer, and with describe the words for what is flagged.
    const matcher = {
      match: async (listings: Parameters<typeof local.match>[0], text?: string, describe?: true) => {
        asked.push({ keys: listings.map((l) => l.key), describe });
        const answer = local.match(listings, text);
        if (!describe) return answer;
        const flagged = answer.found.flatMap((f, i) => (f && f.tier <= 3 ? [{ ...f, role: listings[i]!.role, name: listings[i]!.name, key: listings[i]!.key! }] : []));
        return { ...answer, described: packDescriptions({ ...describeFindings(flagged, compiled), dismissed: [] }) };
      },
    };
    const scanner = new PageScanner(document as unknown as Document, matcher, googlePlay, {
      onFindings(_f, isPartial) {
        sent.push(isPartial === true);
        return new Promise<Descriptions>(() => {}); // never answered: whatever is drawn came with the match answer
      },
      onDetails() {},
      onDismiss() {},
    });
    await scanner.fullScan(new URL(URL_));
    await new Promise((r) => setTimeout(r, 300)); // the throttled full list
    expect(asked[0]).toEqual({ keys: ['google-play:com.intsig.camscanner'], describe: true });
    expect(asked.slice(1).every((a) => a.describe === undefined && a.keys.every((k) => k === undefined))).toBe(true);
    expect(document.querySelectorAll('[data-covered-apps="banner"]')).toHaveLength(1);
    expect(sent).toEqual([false]); // no partial message: only the full list, for the report
  });

  test("the page's address alone: a detail page's store id, asked with its key; nothing for a list page", () => {
    expect(urlListing(googlePlay, new URL(URL_))).toEqual({
      role: 'main',
      ids: [{ platform: 'google-play', value: 'com.intsig.camscanner', from: 'url' }],
      key: 'google-play:com.intsig.camscanner',
    });
    expect(urlListing(googlePlay, new URL('https://play.google.com/store/search?q=scanner&c=apps'))).toBeUndefined();
    expect(urlListing(googlePlay, new URL('https://play.google.com/store/apps/dev?id=7907302180590353069'))).toBeUndefined();
  });

  test("an answer about the page's address, in before the scan: the banner is drawn before the page is read, then the page's own listing replaces it", async () => {
    const { document } = parseHTML(PAGE);
    Object.defineProperty(document, 'location', { value: new URL(URL_) });
    const local = localMatcher(index);
    const describe = (listings: Parameters<typeof local.match>[0], answer: ReturnType<typeof local.match>) => {
      const flagged = answer.found.flatMap((f, i) => (f && f.tier <= 3 ? [{ ...f, role: listings[i]!.role, name: listings[i]!.name, developer: listings[i]!.developer, key: listings[i]!.key! }] : []));
      return packDescriptions({ ...describeFindings(flagged, compiled), dismissed: [] });
    };
    const byUrlQuery = urlListing(googlePlay, new URL(URL_))!;
    const byUrlAnswer = local.match([byUrlQuery]);
    const byUrl = { query: byUrlQuery, result: { ...byUrlAnswer, described: describe([byUrlQuery], byUrlAnswer) } };
    const asked: { n: number; describe?: true }[] = [];
    const sent: FindingPayload[][] = [];
    const answers: ((d: Descriptions) => void)[] = [];
    const matcher = {
      match: async (listings: Parameters<typeof local.match>[0], text?: string, d?: true) => (asked.push({ n: listings.length, describe: d }), local.match(listings, text)),
    };
    const scanner = new PageScanner(document as unknown as Document, matcher, googlePlay, {
      onFindings(findings) {
        sent.push(findings);
        return new Promise<Descriptions>((resolve) => answers.push(resolve));
      },
      onDetails() {},
      onDismiss() {},
    });
    const scanned = scanner.fullScan(new URL(URL_), byUrl);
    // Drawn in the call, from the address's answer: no question asked yet, the page not yet read.
    const banner = document.querySelector('[data-covered-apps="banner"]');
    expect(banner).not.toBeNull();
    await scanned;
    await new Promise((r) => setTimeout(r, 300));
    // No question ahead for the page's own listing: it went with the rest of the page, without words asked.
    expect(asked.every((a) => a.describe === undefined)).toBe(true);
    // One main finding, the one read from the page (its name and developer), with the card's.
    expect(sent).toHaveLength(1);
    const main = sent[0]!.filter((f) => f.role === 'main');
    expect(main).toEqual([expect.objectContaining({ entityId: 'app-camscanner', name: 'CamScanner - PDF Scanner App', developer: 'INTSIG Information Co.,Ltd' })]);
    expect(sent[0]!.map((f) => f.entityId).sort()).toEqual(['app-camscanner', 'app-wechat']);
    // The words for the page's own listing redraw the banner's contents in place: the same host.
    answers[0]!({ ...describeFindings(sent[0]!, compiled), dismissed: [] });
    await flush();
    expect(document.querySelectorAll('[data-covered-apps="banner"]')).toHaveLength(1);
    expect(document.querySelector('[data-covered-apps="banner"]')).toBe(banner);
  });

  test("an answer about the address that flags nothing draws nothing: the scan asks about the page's own listing as before", async () => {
    const { document } = parseHTML(PAGE.replace('com.intsig.camscanner', 'com.example.scanner'));
    const url = 'https://play.google.com/store/apps/details?id=com.example.scanner&hl=en';
    Object.defineProperty(document, 'location', { value: new URL(url) });
    const local = localMatcher(index);
    const asked: (true | undefined)[] = [];
    const matcher = { match: async (listings: Parameters<typeof local.match>[0], text?: string, d?: true) => (asked.push(d), local.match(listings, text)) };
    const scanner = new PageScanner(document as unknown as Document, matcher, googlePlay, { onFindings: () => undefined, onDetails() {}, onDismiss() {} });
    const query = urlListing(googlePlay, new URL(url))!;
    const byUrl = { query, result: local.match([query]) };
    expect(byUrl.result.found).toEqual([null]);
    scanner.fullScan(new URL(url), byUrl);
    expect(document.querySelector('[data-covered-apps="banner"]')).toBeNull();
    await new Promise((r) => setTimeout(r, 50));
    expect(asked[0]).toBe(true);
  });

  test('a card the page re-renders is answered from memory: the matcher is asked about it once', async () => {
    const { document } = parseHTML(PAGE);
    Object.defineProperty(document, 'location', { value: new URL(URL_) });
    const local = localMatcher(index);
    let asked = 0;
    const matcher = { match: async (listings: Parameters<typeof local.match>[0], text?: string) => ((asked += listings.length), local.match(listings, text)) };
    const scanner = new PageScanner(document as unknown as Document, matcher, googlePlay, { onFindings: () => undefined, onDetails() {}, onDismiss() {} }, { drawUi: false });
    await scanner.fullScan(new URL(URL_));
    const before = asked;
    for (let i = 0; i < 3; i++) {
      const card = document.querySelector('.card')!;
      const again = card.cloneNode(true) as Element;
      card.replaceWith(again);
      scanner.scanAdded([again]);
      scanner.prune();
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(asked).toBe(before);
    expect(scanner.payloads().map((p) => p.entityId).sort()).toEqual(['app-camscanner', 'app-wechat']);
  });

  test('a banner the page removed is put back at once, not on the next answer, and only once', async () => {
    const { document, scanner, answer } = setup();
    scanner.fullScan(new URL(URL_));
    answer(0);
    await flush();
    document.querySelector('[data-covered-apps="banner"]')!.remove();
    await flush();
    expect(document.querySelectorAll('[data-covered-apps="banner"]')).toHaveLength(1);
    const restored = document.querySelector('[data-covered-apps="banner"]');
    answer(1);
    await flush();
    expect(document.querySelectorAll('[data-covered-apps="banner"]')).toHaveLength(1);
    expect(document.querySelector('[data-covered-apps="banner"]')).toBe(restored);
  });

  test('when the rest of the page adds nothing, the full list still follows the partial one', () => {
    const { document, scanner, sent, partial } = setup();
    for (const card of document.querySelectorAll('.card')) card.remove();
    scanner.fullScan(new URL(URL_));
    expect(partial).toEqual([true, false]);
    expect(sent[1]!.map((f) => f.entityId)).toEqual(['app-camscanner']);
  });

  test('a clean detail page sends nothing early (nor late)', () => {
    const { document, scanner, sent } = setup();
    for (const a of document.querySelectorAll('a')) a.setAttribute('href', '/store/apps/details?id=com.example.other');
    document.querySelector('h1 span')!.textContent = 'Other App';
    document.querySelector('header a span')!.textContent = 'Other Developer';
    for (const span of document.querySelectorAll('.card span')) span.textContent = 'Some app';
    const url = new URL('https://play.google.com/store/apps/details?id=com.example.clean');
    scanner.fullScan(url);
    expect(sent).toHaveLength(0); // nothing found, nothing sent (main.ts reports the empty page itself)
  });

  test('a page about an innocent app: a covered card or link on it gets its badge, never a page banner', async () => {
    const { document, scanner, sent, answer } = setup();
    document.querySelector('h1 span')!.textContent = 'Other App';
    document.querySelector('header a')!.setAttribute('href', '/store/apps/dev?id=123');
    document.querySelector('header a span')!.textContent = 'Other Developer';
    const url = new URL('https://play.google.com/store/apps/details?id=com.example.clean');
    scanner.fullScan(url);
    expect(sent.at(-1)!.map((f) => [f.entityId, f.role, f.tier])).toEqual([['app-wechat', 'card', 1]]);
    answer(sent.length - 1);
    await flush();
    expect(document.querySelectorAll('[data-covered-apps="badge"]')).toHaveLength(1);
    expect(document.querySelector('[data-covered-apps="banner"]')).toBeNull();
    // The same findings on a list page do get the compact banner.
    const list = setup();
    list.scanner.fullScan(new URL('https://play.google.com/store/search?q=chat&c=apps'));
    list.answer(list.sent.length - 1);
    await flush();
    expect(list.document.querySelector('[data-covered-apps="banner"]')).not.toBeNull();
  });

  test("marker attributes the page writes neither hide it from the scan nor make its elements ours", async () => {
    const { document, scanner, sent, answer } = setup();
    document.documentElement.setAttribute('data-covered-apps', 'banner');
    document.querySelector('.card')!.setAttribute('data-covered-apps-card', '');
    const decoy = document.createElement('div');
    decoy.setAttribute('data-covered-apps', 'banner');
    document.body.append(decoy);
    scanner.fullScan(new URL(URL_));
    answer(sent.length - 1);
    await flush();
    expect(sent.at(-1)!.map((f) => f.entityId).sort()).toEqual(['app-camscanner', 'app-wechat']);
    expect(document.querySelectorAll('div[data-covered-apps="banner"]')).toHaveLength(2); // ours and the decoy
    expect(document.querySelectorAll('[data-covered-apps="badge"]')).toHaveLength(1);
    scanner.reset(); // a new page: our UI goes, the page's elements stay
    expect(Array.from(document.querySelectorAll('div[data-covered-apps="banner"]'))).toEqual([decoy]);
    expect(document.documentElement.isConnected).toBe(true);
  });
});

describe('PageScanner on pages that churn', () => {
  const LIST_URL = 'https://play.google.com/store/search?q=intsig&c=apps';
  function listPage() {
    const { document } = parseHTML('<!doctype html><html><body><main id="results"></main></body></html>');
    Object.defineProperty(document, 'location', { value: new URL(LIST_URL) });
    const sent: { findings: FindingPayload[]; total?: number }[] = [];
    const scanner = new PageScanner(document as unknown as Document, localMatcher(index), googlePlay, {
      onFindings(findings, _partial, total) {
        sent.push({ findings, total });
        return Promise.resolve({ ...describeFindings(findings, compiled), dismissed: [] });
      },
      onDetails() {},
      onDismiss() {},
    });
    const results = document.getElementById('results')!;
    // An app by a covered developer: a finding of its own per package (tier 2).
    const card = (i: number) => {
      const div = document.createElement('div');
      const a = document.createElement('a');
      a.setAttribute('href', `/store/apps/details?id=com.intsig.app${i}`);
      a.setAttribute('aria-label', `Tool ${i}`);
      const name = document.createElement('div');
      name.textContent = `Tool ${i}`;
      const dev = document.createElement('div');
      dev.textContent = 'INTSIG Information Co.,Ltd';
      div.append(a, name, dev);
      results.append(div);
      return div;
    };
    return { document, scanner, sent, results, card };
  }
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

  test('a card re-rendered again and again (same findings) sends nothing more, and keeps its badge', async () => {
    const { document, scanner, sent, card } = listPage();
    card(1);
    scanner.fullScan(new URL(LIST_URL));
    expect(sent).toHaveLength(1);
    await wait(0);
    for (let i = 0; i < 50; i++) {
      const old = document.querySelector('#results > div')!;
      old.remove();
      const fresh = card(1);
      scanner.prune();
      scanner.scanAdded([fresh]);
    }
    await wait(300);
    expect(sent).toHaveLength(1);
    expect(document.querySelectorAll('[data-covered-apps="badge"]')).toHaveLength(1);
  });

  test('changes in quick succession: at most one message per 250 ms, the last state always sent', async () => {
    const { scanner, sent, card } = listPage();
    const started = performance.now();
    scanner.fullScan(new URL(LIST_URL));
    for (let i = 0; i < 40; i++) {
      scanner.scanAdded([card(i)]);
      await wait(10);
    }
    // 40 changes over ~0.4 s (longer on a busy machine): the leading message, then one per 250 ms, then the trailing one.
    const changing = performance.now() - started;
    await wait(300);
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(sent.length).toBeLessThanOrEqual(2 + Math.ceil(changing / 250));
    expect(sent.length).toBeLessThan(40);
    expect(sent.at(-1)!.findings.filter((f) => f.tier <= 3)).toHaveLength(40);
  });

  test('past the per-message cap: waiting cards are sent first, every card gets its badge, the count covers all', async () => {
    const { document, scanner, sent, card } = listPage();
    scanner.fullScan(new URL(LIST_URL));
    // Infinite scroll: 1,500 cards arrive (the first scan of a page reads at most 500 cards).
    scanner.scanAdded(Array.from({ length: 1500 }, (_, i) => card(i)));
    expect(sent[0]!.findings).toHaveLength(500);
    expect(sent[0]!.total).toBe(1500);
    await wait(1000); // three messages of 500, one per 250 ms
    expect(document.querySelectorAll('[data-covered-apps="badge"]')).toHaveLength(1500);
  });

  test('removed cards are let go: their findings leave the next message', async () => {
    const { document, scanner, sent, card } = listPage();
    for (let i = 0; i < 30; i++) card(i);
    scanner.fullScan(new URL(LIST_URL));
    await wait(0);
    for (const div of Array.from(document.querySelectorAll('#results > div')).slice(5)) div.remove();
    scanner.prune();
    await wait(300);
    expect(scanner.payloads()).toHaveLength(5);
    expect(sent.at(-1)!.findings).toHaveLength(5);
    expect(sent.at(-1)!.total).toBe(5);
  });
});
