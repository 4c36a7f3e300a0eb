// The content script's scan in slices (extension/content/slices.ts): spread
// over many tasks, with the page running between them, it finds exactly what
// the same scan finds in one go, on every real capture and on the hostile
// pages; a name across the edge of a text window is counted once; the page's
// own listing still goes out first. How long a slice takes is measured in
// `npm run bench` (section 6), not here.
import { describe, expect, test } from 'vitest';
import { parseHTML } from 'linkedom';
import { dataset } from '../../src/data/dataset';
import { compileIndex, toMatchIndex } from '../../src/match/compile';
import { googlePlay } from '../../src/sites/google-play';
import { appleAppStore } from '../../src/sites/apple-app-store';
import { collectListings } from '../../src/sites/steps';
import type { SiteAdapter } from '../../src/sites/types';
import { localMatcher } from '../../src/match/answer-match';
import { PageScanner } from '../../extension/content/scanner';
import { textMentionSteps } from '../../extension/content/count-mentions';
import { OVERLAP, WINDOW } from '../../src/match/mention-counter';
import { inOneGo, timeSlices, type Slices } from '../../extension/content/slices';
import type { FindingPayload } from '../../extension/shared/messages';
import { readCapturedFixture } from '../fixtures-path';
import { runSteps } from '../../src/sites/steps';
import { readSoftwareApplications } from '../../src/sites/json-ld';

const compiled = compileIndex(dataset);
const index = toMatchIndex(compiled);

/** Every real capture, at its URL, with the adapter the extension runs there. */
const CAPTURES: [string, string, SiteAdapter][] = [
  ['google-play/details_com.mojang.minecraftpe_en.html', 'https://play.google.com/store/apps/details?id=com.mojang.minecraftpe&hl=en', googlePlay],
  ['google-play/details_com.google.android.apps.translate_en.html', 'https://play.google.com/store/apps/details?id=com.google.android.apps.translate&hl=en', googlePlay],
  ['google-play/details_com.google.android.apps.translate_en_capture2.html', 'https://play.google.com/store/apps/details?id=com.google.android.apps.translate&hl=en', googlePlay],
  ['google-play/details_com.adex77.WhereAmI_en.html', 'https://play.google.com/store/apps/details?id=com.adex77.WhereAmI&hl=en', googlePlay],
  ['google-play/datasafety_com.google.android.apps.translate_en.html', 'https://play.google.com/store/apps/datasafety?id=com.google.android.apps.translate&hl=en', googlePlay],
  ['google-play/dev_5700313618786177705_GoogleLLC_en.html', 'https://play.google.com/store/apps/dev?id=5700313618786177705&hl=en', googlePlay],
  ['google-play/developer_Mojang_en.html', 'https://play.google.com/store/apps/developer?id=Mojang&hl=en', googlePlay],
  ['google-play/search_panda_en.html', 'https://play.google.com/store/search?q=panda&c=apps', googlePlay],
  ['google-play/search_where-am-i_en.html', 'https://play.google.com/store/search?q=where%20am%20i&c=apps', googlePlay],
  ['google-play/collection_cluster_similar-to-translate_en.html', 'https://play.google.com/store/apps/collection/cluster?gsr=similar', googlePlay],
  ['google-play/store_apps_home_en_US.html', 'https://play.google.com/store/apps?hl=en_US', googlePlay],
  ['google-play/notfound_404_minimal.html', 'https://play.google.com/store/apps/details?id=com.example.gone', googlePlay],
  ['google-play-legacy/2015_search_test_en.html', 'https://play.google.com/store/search?q=test&c=apps', googlePlay],
  ['google-play-legacy/2018_details_org.zooper.zwpro_de.html', 'https://play.google.com/store/apps/details?id=org.zooper.zwpro&hl=de', googlePlay],
  ['google-play-legacy/2019_details_com.facebook.katana_en.html', 'https://play.google.com/store/apps/details?id=com.facebook.katana', googlePlay],
  ['google-play-legacy/2019_details_com.instagram.android_zh.html', 'https://play.google.com/store/apps/details?id=com.instagram.android&hl=zh', googlePlay],
  ['google-play-legacy/2019_details_com.instagram.igtv_en.html', 'https://play.google.com/store/apps/details?id=com.instagram.igtv', googlePlay],
  ['google-play-legacy/2019_details_com.mojang.minecraftpe_en.html', 'https://play.google.com/store/apps/details?id=com.mojang.minecraftpe', googlePlay],
  ['google-play-legacy/2019_details_com.trixi.bike.stunts.driving_en.html', 'https://play.google.com/store/apps/details?id=com.trixi.bike.stunts.driving', googlePlay],
  ['google-play-legacy/2019_search_unicorns_en.html', 'https://play.google.com/store/search?q=unicorns&c=apps', googlePlay],
  ['google-play-legacy/2019_store_apps_home_en.html', 'https://play.google.com/store/apps', googlePlay],
  ['google-play-legacy/2021_details_runner.dunzo.com.dunzo_runner_en_US.html', 'https://play.google.com/store/apps/details?id=runner.dunzo.com.dunzo_runner', googlePlay],
  ['apple-app-store/us_app_netflix_id363590051.html', 'https://apps.apple.com/us/app/netflix/id363590051', appleAppStore],
  ['apple-app-store/vn_app_sony-bao-hanh-dien-tu_id1193542964.html', 'https://apps.apple.com/vn/app/sony-bao-hanh-dien-tu/id1193542964', appleAppStore],
];

const SEARCH = 'https://play.google.com/store/search?q=hostile&c=apps';
const DETAIL = 'https://play.google.com/store/apps/details?id=com.intsig.camscanner';
/** The hostile pages of `npm run bench`, as markup, with the fewest tasks their scan must take in slices of one step. */
const HOSTILE: [string, string, string, number][] = [
  [
    '10,000 anchors (covered and other)',
    SEARCH,
    Array.from({ length: 10000 }, (_, i) => `<a href="/store/apps/details?id=${i % 10 === 0 ? 'com.intsig.camscanner' : 'com.example.app' + i}">App ${i}</a>`).join(''),
    // one per anchor the store-link walk reads (3,000) and per card (500)
    3500,
  ],
  [
    'a 10 MB text node',
    SEARCH,
    `<p hidden>${'lorem ipsum dolor WeChat sit amet '.repeat(300000)}</p><a href="/store/apps/details?id=com.intsig.camscanner">CamScanner</a>`,
    // 300,000 characters read (the text budget), one task per window of text
    Math.floor(300_000 / WINDOW),
  ],
  [
    '3,000 cards by a covered company',
    SEARCH,
    Array.from(
      { length: 3000 },
      (_, i) => `<div class="card"><a href="/store/apps/details?id=com.example.tool${i}" aria-label="Example Tool ${i}"></a><div>Example Tool ${i}</div><div>Tencent Technology (Shenzhen) Company Limited</div></div>`,
    ).join(''),
    3000,
  ],
  [
    'a covered detail page with 5,000 other links after it',
    DETAIL,
    `<h1><span itemprop="name">CamScanner - PDF Scanner App</span></h1>${Array.from({ length: 5000 }, (_, i) => `<a href="/store/apps/details?id=com.example.app${i}">App ${i} — Share on WeChat</a>`).join('')}`,
    5000,
  ],
];

function load(html: string, url: string): Document {
  const { document } = parseHTML(html.startsWith('<!') ? html : `<!doctype html><html><head></head><body>${html}</body></html>`);
  Object.defineProperty(document, 'location', { value: new URL(url) });
  return document as unknown as Document;
}

/** A full scan with these slices, run to its end: what it sent, in order, and its findings. */
async function scan(doc: Document, url: string, adapter: SiteAdapter, slices: Slices) {
  const sent: { findings: FindingPayload[]; partial: boolean }[] = [];
  const scanner = new PageScanner(doc, localMatcher(index), adapter, { onFindings: (findings, partial) => void sent.push({ findings, partial: partial === true }), onDetails() {}, onDismiss() {} }, { slices, drawUi: false });
  const finished = await scanner.fullScan(new URL(url));
  // the throttled last message
  await new Promise((r) => setTimeout(r, 300));
  return { finished, sent, findings: scanner.payloads() };
}

/** Slices of one step each, counted: every step boundary is a new task (Node's setImmediate: after timers and I/O). */
function everyStep() {
  const counts = { pauses: 0 };
  const slices: Slices = { begin() {}, due: () => true, pause: () => new Promise((r) => setImmediate(r)).then(() => void counts.pauses++) };
  return { slices, counts };
}

describe('the scan in slices finds what the scan in one go finds', () => {
  test.each(CAPTURES)('real capture %s', async (file, url, adapter) => {
    const html = readCapturedFixture(file);
    const whole = await scan(load(html, url), url, adapter, inOneGo);
    // The production slicer with no time at all: every step in a task of its own.
    const sliced = await scan(load(html, url), url, adapter, timeSlices(0));
    expect(sliced.finished).toBe(true);
    expect(sliced.findings).toEqual(whole.findings);
    expect(sliced.sent.at(-1)).toEqual(whole.sent.at(-1));
    expect(sliced.sent[0]?.partial).toEqual(whole.sent[0]?.partial);
    // and the adapter's walk in steps is its extract()
    if (adapter.extractSteps) {
      const doc = load(html, url);
      expect(collectListings(adapter.extractSteps(doc, new URL(url)))).toEqual(adapter.extract(doc, new URL(url)));
    }
  }, 60_000);

  test.each(HOSTILE)('hostile page: %s', async (_name, url, html, minTasks) => {
    const whole = await scan(load(html, url), url, googlePlay, inOneGo);
    const { slices, counts } = everyStep();
    const sliced = await scan(load(html, url), url, googlePlay, slices);
    expect(sliced.findings).toEqual(whole.findings);
    expect(sliced.sent.at(-1)).toEqual(whole.sent.at(-1));
    expect(whole.findings.length).toBeGreaterThan(0);
    // spread over many tasks: at least one per anchor or card the walks look at, per window of text
    expect(counts.pauses).toBeGreaterThanOrEqual(minTasks);
  }, 120_000);
});

describe('in slices', () => {
  test("a detail page's own covered listing goes out in the first slice, before the rest of the page is read", async () => {
    const [, url, html] = HOSTILE[3]!;
    const sent: boolean[] = [];
    const { slices, counts } = everyStep();
    const scanner = new PageScanner(load(html, url), localMatcher(index), googlePlay, { onFindings: (_f, partial) => void sent.push(partial === true), onDetails() {}, onDismiss() {} }, { slices });
    const done = scanner.fullScan(new URL(url));
    expect(counts.pauses).toBe(0);
    expect(sent).toEqual([true]); // already sent, synchronously, in the first slice
    expect(scanner.payloads().map((p) => [p.entityId, p.role])).toEqual([['app-camscanner', 'main']]);
    expect(scanner.idle).toBe(false);
    await done;
    expect(scanner.idle).toBe(true);
    expect(counts.pauses).toBeGreaterThan(3000);
  });

  test('the page runs between slices; a new page state drops the scan under way (it resolves false, sends nothing more)', async () => {
    const [, url, html] = HOSTILE[0]!;
    const sent: FindingPayload[][] = [];
    const { slices } = everyStep();
    const doc = load(html, url);
    const scanner = new PageScanner(doc, localMatcher(index), googlePlay, { onFindings: (f) => void sent.push(f), onDetails() {}, onDismiss() {} }, { slices });
    let pageTicks = 0;
    const ticker = setInterval(() => pageTicks++, 0);
    const first = scanner.fullScan(new URL(url));
    await new Promise((r) => setTimeout(r, 20));
    expect(scanner.idle).toBe(false);
    expect(pageTicks).toBeGreaterThan(0);
    // In-page navigation to a clean page: the old scan is dropped.
    for (const a of Array.from(doc.querySelectorAll('a'))) a.remove();
    const second = scanner.fullScan(new URL('https://play.google.com/store/search?q=other&c=apps'));
    expect(await first).toBe(false);
    expect(await second).toBe(true);
    clearInterval(ticker);
    await new Promise((r) => setTimeout(r, 300));
    expect(sent).toEqual([]);
    expect(scanner.payloads()).toEqual([]);
  });

  test('a card re-rendered while scans are queued: added, then pruned, in that order (no change, no message)', async () => {
    const html = HOSTILE[2]![2].split('</div></div>').slice(0, 40).join('</div></div>') + '</div></div>';
    const doc = load(html, SEARCH);
    const sent: FindingPayload[][] = [];
    const { slices } = everyStep();
    const scanner = new PageScanner(doc, localMatcher(index), googlePlay, { onFindings: (f) => void sent.push(f), onDetails() {}, onDismiss() {} }, { slices });
    await scanner.fullScan(new URL(SEARCH));
    await new Promise((r) => setTimeout(r, 300));
    const before = sent.length;
    expect(before).toBeGreaterThan(0);
    const old = doc.querySelector('.card')!;
    const copy = old.cloneNode(true) as Element;
    old.replaceWith(copy);
    scanner.scanAdded([copy]);
    scanner.prune();
    await new Promise((r) => setTimeout(r, 300));
    expect(sent.length).toBe(before);
  });
});

describe('text mentions in windows', () => {
  const wechat = compiled.entities.findIndex((e) => e.id === 'app-wechat');
  const qq = compiled.entities.findIndex((e) => e.id === 'app-tencent-qq');

  function counts(text: string, window: number) {
    const { document } = parseHTML(`<!doctype html><html><body><p></p></body></html>`);
    document.querySelector('p')!.textContent = text;
    const names = new Map<number, string>();
    const found = runSteps(textMentionSteps(document.body, index, names, window));
    return { found: Object.fromEntries(found), names: Object.fromEntries(names) };
  }

  test('every name is shorter than half the overlap (so one across a window edge is whole in the next window)', () => {
    const longest = Math.max(...Object.keys(compiled.names).map((n) => n.length));
    expect(longest).toBeLessThan(OVERLAP / 2);
  });

  test('a name at every offset across a window edge is found once, as in one window (ASCII and text that needs folding)', () => {
    for (const window of [WINDOW, 1024]) {
      for (const filler of ['x', 'a ', 'é ']) {
        for (let shift = -12; shift <= 4; shift++) {
          const head = filler.repeat(Math.ceil((window + shift) / filler.length)).slice(0, window + shift);
          // "WeChat" straddles the edge at `window` for some shifts; "Tencent QQ" right after it; "WeChatty" is no mention.
          const text = `${head} WeChat Tencent   QQ WeChatty ${filler.repeat(40)} WeChat.`;
          const one = counts(text, Number.POSITIVE_INFINITY);
          const windowed = counts(text, window);
          expect(windowed, `window ${window}, filler "${filler}", shift ${shift}`).toEqual(one);
          expect(one.found[wechat]).toBe(2);
          expect(one.found[qq]).toBe(1);
        }
      }
    }
  });

  test('a long text over many windows: the same counts and spellings as in one window', () => {
    const text = Array.from({ length: 4000 }, (_, i) => (i % 7 === 0 ? 'Share on WeChat · ' : i % 11 === 0 ? 'TENCENT QQ, ' : 'lorem ipsum dolor ')).join('');
    expect(counts(text, 1024)).toEqual(counts(text, Number.POSITIVE_INFINITY));
    expect(counts(text, WINDOW)).toEqual(counts(text, Number.POSITIVE_INFINITY));
  });
});

describe('JSON-LD on a hostile page', () => {
  const ld = (name: string, pad = 0) => `<script type="application/ld+json">{"@type":"SoftwareApplication","name":"${name}","description":"${'x'.repeat(pad)}"}</script>`;
  test('a huge block is not parsed (the parse would run in one go); ordinary ones are, up to a total', () => {
    const doc = load(`${ld('Huge', 1_000_000)}${ld('CamScanner')}`, DETAIL);
    expect(readSoftwareApplications(doc).map((a) => a.name)).toEqual(['CamScanner']);
    const many = load(Array.from({ length: 10 }, (_, i) => ld(`App ${i}`, 90_000)).join(''), DETAIL);
    expect(readSoftwareApplications(many).map((a) => a.name)).toEqual(['App 0', 'App 1', 'App 2', 'App 3']);
  });
});
