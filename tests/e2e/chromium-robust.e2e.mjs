// The built extension (dist/chrome) in Debian's Chromium on hostile and churning
// pages, across navigation, a stopped service worker, corrupt storage and a
// browser restart. Behaviour only: timings are in `npm run bench`.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumForFile, launchChromium, badgeTexts, bannerText } from './chromium-harness.mjs';
import { playListingFromCapture, requireBuild } from './pages.mjs';

requireBuild();
const hostile = readFileSync(new URL('../fixtures/dynamic/hostile.html', import.meta.url), 'utf8');
const h = chromiumForFile();

const open = (url, body) => h.open(url, body);

/** The popup for a tab: its summary line (or the "nothing checked" line) and the findings it lists. */
async function popupFor(context, extensionId, tabId) {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/extension/popup/index.html?tabId=${tabId}`);
  await popup.waitForSelector('#summary, #no-findings, main > p');
  const summary = await popup.locator('#summary, #no-findings, main > p').first().textContent();
  const listed = await popup.locator('article.finding').count();
  const counted = (await popup.locator('#restricted-count').count()) ? (await popup.locator('#restricted-count').textContent()).replace(/^.*: /, '') : '';
  await popup.close();
  return { summary, listed, counted };
}

const toolbar = (tabId) => h.worker().evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

describe('bad input never drops a report', () => {
  test('a detail page with a 600-character <h1> and a card with a 600-character aria-label: every finding is reported, the shortening counted', async () => {
    const url = 'https://play.google.com/store/apps/details?id=com.intsig.camscanner';
    const longName = 'CamScanner ' + 'x'.repeat(589);
    const card = `<div><a href="/store/apps/details?id=com.tencent.mm" aria-label="WeChat ${'y'.repeat(593)}"><div>WeChat ${'y'.repeat(593)}</div><div>WeChat Tech</div></a></div>`;
    const body = playListingFromCapture({ pkg: 'com.intsig.camscanner', name: longName, developer: 'INTSIG Information Co.,Ltd' }).replace('</body>', `${card}</body>`);
    const page = await open(url, body);
    const { report, badge, tabId } = await h.reportFor(url);
    const ids = new Set(report.findings.filter((f) => f.tier <= 3).map((f) => f.entityId));
    assert.ok(ids.has('app-camscanner') && ids.has('app-wechat'), [...ids].join(', '));
    assert.ok(report.truncated >= 1, `truncated: ${report.truncated}`);
    assert.ok(report.findings.every((f) => (f.name ?? '').length <= 500));
    assert.equal(badge, String(report.findings.filter((f) => f.tier <= 3).length));
    await page.waitForSelector('[data-covered-apps="banner"]', { state: 'attached' });
    assert.match(await bannerText(page), /is named in US Executive Order 13971/);
    assert.match((await popupFor(h.context, h.extensionId, tabId)).summary, /named, or made by a company named, in a measure in force/);
    await page.close();
  });
});

describe('pages that churn', () => {
  test('3,000 covered cards, then most removed: badges follow, the toolbar count equals the badges shown and the popup', async () => {
    const url = 'https://play.google.com/store/search?q=intsig&c=apps';
    const page = await open(url, hostile);
    const { tabId } = await h.reportFor(url);
    assert.equal(await page.evaluate(() => window.hostile.append(3000)), 3000);
    await page.waitForFunction(() => document.querySelectorAll('[data-covered-apps="badge"]').length === 3000, null, { timeout: 30000 });
    // 3,000 different apps by a named company: more than one message carries (500), so the
    // toolbar gives the count it has seen as a lower bound, and the popup says the same.
    await waitFor(async () => (await toolbar(tabId)) === '500+', 'toolbar 500+');
    const many = await popupFor(h.context, h.extensionId, tabId);
    assert.match(many.summary, /The page shows 3000 flagged listings; the first 200 are shown here/);
    assert.equal(many.counted, '500+');

    // Past 3,000, new cards still get a badge and the count still moves.
    await page.evaluate(() => window.hostile.append(10, 5000));
    await page.waitForFunction(() => document.querySelectorAll('[data-covered-apps="badge"]').length === 3010, null, { timeout: 15000 });
    await waitFor(async () => (await h.reportFor(url)).report.total === 3010, 'page total 3010');
    assert.equal(await toolbar(tabId), '500+');

    assert.equal(await page.evaluate(() => window.hostile.keep(40)), 40);
    await waitFor(async () => (await toolbar(tabId)) === '40', 'toolbar 40 after removal');
    const shown = (await badgeTexts(page)).length;
    assert.equal(shown, 40);
    const { summary, listed, counted } = await popupFor(h.context, h.extensionId, tabId);
    assert.match(summary, /^40 listings on this page are named/);
    assert.equal(listed, 40);
    assert.equal(counted, '40', 'the popup counts as the toolbar does');
    // The removed cards (with our badges in them) are let go: after a collection the
    // page holds about what 40 cards need, not the 3,010 cards' subtrees.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { nodes } = await cdp.send('Memory.getDOMCounters');
    await cdp.detach();
    assert.ok(nodes < 5000, `DOM nodes still held after removing all but 40 cards: ${nodes}`);
    await page.close();
  });

  test('a page re-rendering its badged cards for 3 s sends no new findings (storage written at most a few times)', async () => {
    const url = 'https://play.google.com/store/search?q=rerender&c=apps';
    const page = await open(url, hostile);
    const { tabId } = await h.reportFor(url);
    await page.evaluate(() => window.hostile.append(20));
    await page.waitForFunction(() => document.querySelectorAll('[data-covered-apps="badge"]').length === 20);
    await waitFor(async () => (await toolbar(tabId)) === '20', 'toolbar 20');
    // Count the background's writes of this tab's report from now on.
    await h.worker().evaluate((key) => {
      globalThis.__writes = 0;
      chrome.storage.onChanged.addListener((changes, area) => {
        if (area === 'session' && key in changes) globalThis.__writes++;
      });
    }, `tab:${tabId}`);
    await page.evaluate(() => window.hostile.rerender(50, 3000));
    await page.waitForTimeout(600);
    const writes = await h.worker().evaluate(() => globalThis.__writes);
    assert.ok(writes <= 3, `${writes} report writes while re-rendering`);
    assert.equal((await badgeTexts(page)).length, 20, 'every re-rendered card has its badge back');
    assert.equal(await toolbar(tabId), '20');
    await page.close();
  });
});

describe('navigation', () => {
  test('a tab that moves from a covered store page to a site we do not cover forgets the old findings', async () => {
    const url = 'https://play.google.com/store/apps/details?id=com.intsig.camscanner';
    const page = await open(url, playListingFromCapture({ pkg: 'com.intsig.camscanner', name: 'CamScanner', developer: 'INTSIG Information Co.,Ltd' }));
    const { tabId, badge } = await h.reportFor(url);
    assert.equal(badge, '1');
    h.serve('https://example.org/', '<!doctype html><title>Elsewhere</title><p>Nothing to see</p>');
    await page.goto('https://example.org/', { waitUntil: 'load' });
    await waitFor(async () => (await toolbar(tabId)) === '', 'toolbar cleared');
    const { summary, listed } = await popupFor(h.context, h.extensionId, tabId);
    assert.match(summary, /Nothing was checked on this tab/);
    assert.equal(listed, 0);
    await page.close();
  });
});

describe('the service worker and storage', () => {
  /** Stops the extension's service worker as the browser does when idle (its DevTools target closed). */
  async function stopServiceWorker(b) {
    await b.worker().evaluate(() => {
      globalThis.__beforeStop = true;
    });
    const cdp = await b.context.browser().newBrowserCDPSession();
    const workers = async () => (await cdp.send('Target.getTargets')).targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${b.extensionId}/`));
    for (const t of await workers()) await cdp.send('Target.closeTarget', { targetId: t.targetId });
    await waitFor(async () => (await workers()).length === 0, 'the service worker to stop');
    await cdp.detach();
  }
  /** True once a new worker (not the stopped one) runs. */
  const freshWorker = (b) => b.worker().evaluate(() => globalThis.__beforeStop === undefined);

  test('stopped mid-session: the popup still shows the tab’s findings and the toolbar count is still right', async () => {
    const url = 'https://play.google.com/store/search?q=stop&c=apps';
    const page = await open(url, hostile);
    const { tabId } = await h.reportFor(url);
    await page.evaluate(() => window.hostile.append(12));
    await waitFor(async () => (await toolbar(tabId)) === '12', 'toolbar 12');
    await stopServiceWorker(h);
    // The popup wakes a new worker, which answers from storage.session.
    const { summary, listed } = await popupFor(h.context, h.extensionId, tabId);
    assert.match(summary, /^12 listings on this page are named/);
    assert.equal(listed, 12);
    await waitFor(() => freshWorker(h), 'a new worker');
    assert.equal(await toolbar(tabId), '12');
    // And the page keeps being followed by the new worker.
    await page.evaluate(() => window.hostile.append(3, 100));
    await waitFor(async () => (await toolbar(tabId)) === '15', 'toolbar 15 after the restart of the worker');
    await page.close();
  });

  test('corrupt and foreign values: defaults for the broken part only, valid settings kept, a notice in options; kept across a browser restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'covered-apps-restart-'));
    let b;
    try {
      b = await launchChromium({ userDataDir: dir });
      await b.worker().evaluate(async () => {
        await chrome.storage.local.set({ schemaVersion: 99, anySite: 'yes', someoneElses: { keep: true } });
        await chrome.storage.session.set({ dismissed: 'oops', 'tab:999999': '{"url":"https://pla' });
      });
      await stopServiceWorker(b);
      const options = await b.context.newPage();
      await options.goto(`chrome-extension://${b.extensionId}/extension/options/index.html`);
      const notice = options.locator('#storage-notice');
      await notice.waitFor();
      const text = await notice.textContent();
      assert.match(text, /could not be read/);
      assert.match(text, /"Check any site" \(back to off\)/);
      assert.match(text, /storage version/);
      assert.match(text, /dismissed banners/);
      assert.match(text, /findings of 1 tab/);
      assert.equal(await options.locator('#any-site').isChecked(), false);
      await waitFor(() => freshWorker(b), 'a new worker');
      const stored = await b.worker().evaluate(async () => ({ local: await chrome.storage.local.get(null), session: await chrome.storage.session.get(null) }));
      assert.deepEqual(stored.local.someoneElses, { keep: true }, 'a value that is not ours is left alone');
      assert.equal(stored.local.schemaVersion, 3, "the current storage layout (storage-schema.ts SCHEMA_VERSION)");
      assert.equal('anySite' in stored.local, false);
      assert.deepEqual(stored.session.dismissed, []);
      assert.equal('tab:999999' in stored.session, false);
      await b.close();

      // Restart with the same profile: the repaired layout and the notice are kept (until the user reads it).
      b = await launchChromium({ userDataDir: dir });
      const again = await b.context.newPage();
      await again.goto(`chrome-extension://${b.extensionId}/extension/options/index.html`);
      await again.locator('#storage-notice').waitFor();
      await again.locator('#storage-notice button').click();
      await again.waitForFunction(() => !document.querySelector('#storage-notice'));
      const local = await b.worker().evaluate(() => chrome.storage.local.get(null));
      assert.equal(local.schemaVersion, 3);
      assert.deepEqual(local.someoneElses, { keep: true });
      assert.equal('storageNotice' in local, false);
      await b.close();
      b = undefined;
    } finally {
      // A failed assertion must not leave a browser running (the test process would never end).
      await b?.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

async function waitFor(check, what, timeout = 10000) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await check();
      if (last === true) return;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what} (last: ${last})`);
}
