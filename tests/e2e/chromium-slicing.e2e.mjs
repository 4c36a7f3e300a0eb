// The built extension (dist/chrome) in Debian's Chromium on the pages whose scan
// runs over many short tasks (extension/content/slices.ts): 10,000 anchors and a
// 10 MB text node. The scan, spread out, still ends with the right findings and
// draws its badges and banner. Behaviour only: its tasks' lengths are measured
// in `npm run bench` (section 6).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromiumForFile, badgeTexts, bannerText } from './chromium-harness.mjs';
import { playListingFromCapture, requireBuild } from './pages.mjs';

requireBuild();
const h = chromiumForFile();

const flagged = (report) => new Set(report.findings.filter((f) => f.tier <= 3).map((f) => f.entityId));

/** Waits until the report for `url` holds what `ok` wants (the scan reports as it goes). */
async function reportWhen(url, ok, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const r = await h.reportFor(url, { timeout });
    if (ok(r.report) || Date.now() > deadline) return r;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('a scan spread over many tasks ends with the right findings', () => {
  test('10,000 anchors: every tenth to CamScanner, one to WeChat near the end of what is read; both reported and badged, with the list banner', async () => {
    const url = 'https://play.google.com/store/search?q=slicing&c=apps';
    const anchors = Array.from({ length: 10000 }, (_, i) => {
      const pkg = i === 2990 ? 'com.tencent.mm' : i % 10 === 0 ? 'com.intsig.camscanner' : `com.example.app${i}`;
      return `<a href="/store/apps/details?id=${pkg}">App ${i}</a>`;
    });
    const page = await h.open(url, `<!doctype html><html><head><title>Search</title></head><body>${anchors.join('')}</body></html>`);
    const { report } = await reportWhen(url, (r) => flagged(r).has('app-wechat'));
    assert.deepEqual([...flagged(report)].sort(), ['app-camscanner', 'app-wechat']);
    // CamScanner's first link is a card (the adapter's walk), WeChat's a link (the store-link walk, past the 500 cards).
    const roles = Object.fromEntries(report.findings.filter((f) => f.tier <= 3).map((f) => [f.entityId, f.role]));
    assert.deepEqual(roles, { 'app-camscanner': 'card', 'app-wechat': 'link' });
    await page.waitForFunction(() => document.querySelectorAll('[data-covered-apps="badge"]').length >= 2, null, { timeout: 15_000 });
    assert.equal((await badgeTexts(page)).length, 2);
    await page.waitForSelector('[data-covered-apps="banner"]', { state: 'attached', timeout: 15_000 });
    assert.match(await bannerText(page), /listings? on this page/);
    await page.close();
  });

  test('a 10 MB text node on a covered listing: the banner comes, and the mentions in the text budget are counted exactly across text windows', async () => {
    const url = 'https://play.google.com/store/apps/details?id=com.intsig.camscanner&slicing=text';
    // The node is the body's first text, so the 300,000-character text budget goes to it:
    // "lorem ipsum dolor WeChat sit amet " is 34 characters, "WeChat" ends at 24 in each, 8,823 whole ones fit.
    const big = `<script>const p = document.createElement('p'); p.hidden = true; p.textContent = 'lorem ipsum dolor WeChat sit amet '.repeat(300000); document.body.prepend(p);</script>`;
    const body = playListingFromCapture({ pkg: 'com.intsig.camscanner', name: 'CamScanner - PDF Scanner App', developer: 'INTSIG Information Co.,Ltd' }).replace(
      /<body([^>]*)>/,
      (m) => `${m}${big}`,
    );
    const page = await h.open(url, body);
    await page.waitForSelector('[data-covered-apps="banner"]', { state: 'attached', timeout: 30_000 });
    assert.match(await bannerText(page), /CamScanner/);
    const { report } = await reportWhen(url, (r) => r.findings.some((f) => f.key === 'mention:app-wechat'));
    assert.ok(flagged(report).has('app-camscanner'));
    const mention = report.findings.find((f) => f.key === 'mention:app-wechat');
    assert.ok(mention, 'the WeChat mentions are reported');
    assert.equal(mention.tier, 4);
    assert.match(mention.evidence[0], /^name "WeChat" mentioned in the page text \(8823 times\)$/);
    await page.close();
  });
});
