// The page-side scanner on a small Play detail page (DOM from linkedom): the
// order of its messages and how often it draws. What it draws is checked in
// real browsers (tests/e2e); here, the protocol with the background.
import { describe, expect, test } from 'vitest';
import { parseHTML } from 'linkedom';
import { dataset } from '../../src/data/dataset';
import { compileIndex, toMatchIndex } from '../../src/match/compile';
import { describeFindings } from '../../src/match/wording';
import { googlePlay } from '../../src/sites/google-play';
import { PageScanner } from '../../extension/content/scanner';
import type { Descriptions, FindingPayload } from '../../extension/shared/messages';

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
  const scanner = new PageScanner(document as unknown as Document, index, googlePlay, {
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
});
