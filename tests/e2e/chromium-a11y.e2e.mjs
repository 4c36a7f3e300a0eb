// The popup and options pages in Debian's Chromium (dist/chrome): every popup state
// (loading, unsupported, supported and clean, findings on a detail page, a list page
// and a vendor page, the look-up) and the options page pass axe-core with no serious
// or critical violation, in light and dark; the popup is usable with the keyboard
// alone; one row per app; the first screen stays short; a dismissed banner comes back.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromiumForFile, bannerText, clickInBanner } from './chromium-harness.mjs';
import { axeReport, axeSummary, seriousOnly, wordCounts } from './a11y-probe.mjs';
import { ownCases, play, readCaptured, realCaptures, requireBuild } from './pages.mjs';

requireBuild();
const h = chromiumForFile();

const { tiktok, camscanner, home: listPage } = play;
const [minecraftUrl, minecraftFile] = realCaptures[0];
const cleanPage = { url: minecraftUrl, body: () => readCaptured(minecraftFile) };
const vendorCase = ownCases().find((c) => c.url === 'https://www.tiktok.com/download');
const vendorPage = { url: vendorCase.url, body: () => vendorCase.body };

/** Opens a page and waits for its report; returns the page and its tab id. */
async function openPage({ url, body }) {
  const page = await h.open(url, body());
  const { tabId } = await h.reportFor(url);
  return { page, tabId };
}

/** The popup for a tab, as a 400 × 600 page (the popup window's size), in a colour scheme. */
async function popupFor(tabId, { colorScheme = 'light', stall = false } = {}) {
  const popup = await h.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.emulateMedia({ colorScheme });
  if (stall) {
    // The background never answers: the popup shows what it is doing meanwhile.
    await popup.addInitScript(() => {
      const send = chrome.runtime.sendMessage.bind(chrome.runtime);
      chrome.runtime.sendMessage = (msg, ...rest) => (msg?.type === 'get-tab' ? new Promise(() => {}) : send(msg, ...rest));
    });
  }
  await popup.goto(`chrome-extension://${h.extensionId}/extension/popup/index.html${tabId === undefined ? '' : `?tabId=${tabId}`}`);
  await popup.waitForSelector(stall ? '#loading' : '#summary, #no-findings, #unsupported, [role=alert]');
  return popup;
}

async function assertAxeClean(page, what) {
  const report = await axeReport(page);
  console.log(`# axe, ${what}: ${axeSummary(report)}`);
  const violations = seriousOnly(report.violations);
  assert.deepEqual(violations, [], `${what}: ${JSON.stringify(violations, null, 1)}`);
}

describe('first use: "Who are you?"', () => {
  test('the chooser comes first, passes axe, and "Skip" keeps the neutral view; a federal profile then sees TikTok as restricted for them and CamScanner as not', async () => {
    const { page, tabId } = await openPage(camscanner);
    let popup = await popupFor(tabId);
    await popup.locator('#who-first-use').waitFor();
    await assertAxeClean(popup, 'first-use chooser');
    // Neutral until chosen: nothing says the reader is bound.
    assert.doesNotMatch(await popup.locator('#apps').textContent(), /Restricted for you|Not allowed on your/);
    await popup.locator('#who-done').click();
    await popup.locator('#who-first-use').waitFor({ state: 'detached' });
    assert.deepEqual(await h.worker().evaluate(async () => (await chrome.storage.local.get('profiles')).profiles), []);
    await popup.close();

    await h.worker().evaluate(() => chrome.storage.local.set({ profiles: ['government:US'] }));
    const other = await openPage(tiktok);
    popup = await popupFor(other.tabId);
    await popup.locator('#apps article[data-entity="app-tiktok"].restricted-for-you').waitFor();
    assert.match(await popup.locator('#apps article[data-entity="app-tiktok"] .chip').textContent(), /Restricted for you/);
    await popup.close();
    popup = await popupFor(tabId);
    await popup.locator('#apps article[data-entity="app-camscanner"].restricted-elsewhere').waitFor();
    assert.match(await popup.locator('#apps article[data-entity="app-camscanner"] .row-verdict').textContent(), /^Restricted for others, not for you/);
    await popup.close();
    await h.worker().evaluate(() => chrome.storage.local.set({ profiles: [] }));
    await other.page.close();
    await page.close();
  });
});

describe('popup states say what happened', () => {
  test('loading: a status while the tab report is read', async () => {
    const { page, tabId } = await openPage(tiktok);
    const popup = await popupFor(tabId, { stall: true });
    assert.match(await popup.locator('#loading').textContent(), /Reading this tab/);
    assert.equal(await popup.locator('#loading').getAttribute('role'), 'status');
    await popup.close();
    await page.close();
  });

  test('unsupported page: what the extension covers, the "check any site" option, and the look-up still works', async () => {
    h.serve('https://example.org/', '<!doctype html><title>Elsewhere</title><p>Nothing to see</p>');
    const page = await h.context.newPage();
    await page.goto('https://example.org/', { waitUntil: 'load' });
    const tabId = await h.worker().evaluate(async () => (await chrome.tabs.query({})).find((t) => t.url === 'https://example.org/')?.id);
    const popup = await popupFor(tabId);
    assert.match(await popup.locator('#unsupported').textContent(), /Nothing was checked on this tab: this page is not on a site Covered Apps checks/);
    const sites = await popup.locator('#supported-sites li').allTextContents();
    assert.ok(sites.includes('Google Play') && sites.length >= 15, sites.join(', '));
    assert.match(await popup.locator('#coverage').textContent(), /against \d+ government measures/);
    assert.equal(await popup.locator('#open-options').count(), 1);
    // Look-up by name, here too; look-alike exclusions win.
    await popup.fill('#lookup-input', 'VMate');
    await popup.locator('#lookup-list article[data-entity="app-vmate"]').waitFor();
    await popup.fill('#lookup-input', 'VidMate');
    await popup.locator('#lookup-lookalike').waitFor();
    assert.equal(await popup.locator('#lookup-list article[data-entity="app-vmate"]').count(), 0);
    assert.match(await popup.locator('#lookup-lookalike').textContent(), /“VidMate” is a look-alike, never taken for a covered app/);
    await popup.fill('#lookup-input', 'intsig');
    await popup.locator('#lookup-list article[data-entity="co-intsig"]').waitFor();
    await popup.close();
    await page.close();
  });

  test('supported and clean: checked against N measures, data as of a date', async () => {
    const { page, tabId } = await openPage(cleanPage);
    const popup = await popupFor(tabId);
    assert.match(await popup.locator('#no-findings').textContent(), /checked against \d+ measures, data as of \d{4}-\d{2}-\d{2}/);
    await popup.close();
    await page.close();
  });

  test('one row per app: TikTok shown several times on tiktok.com/download is one row', async () => {
    const { page, tabId } = await openPage(vendorPage);
    const { report } = await h.reportFor(vendorPage.url);
    const tiktokListings = report.findings.filter((f) => f.entityId === 'app-tiktok' && f.tier <= 3).length;
    const popup = await popupFor(tabId);
    assert.equal(await popup.locator('#apps > li > article.finding[data-entity="app-tiktok"]').count(), 1);
    assert.ok(tiktokListings > 1, `the vendor page lists TikTok ${tiktokListings} times`);
    assert.match(await popup.locator('#apps article.finding[data-entity="app-tiktok"]').textContent(), new RegExp(`Shown ${tiktokListings} times on this page`));
    // A mere mention of TikTok in the page's text is not a second row.
    assert.equal(await popup.locator('article.finding[data-entity="app-tiktok"]').count(), 1);
    await popup.close();
    await page.close();
  });

  test('summary first: chip, app, developer and the measures in force; details on demand; the first screen is short', async (t) => {
    const figures = {};
    for (const [name, target] of [
      ['TikTok', tiktok],
      ['CamScanner', camscanner],
      ['Play home (list page)', listPage],
    ]) {
      const { page, tabId } = await openPage(target);
      const popup = await popupFor(tabId);
      const rows = popup.locator('#apps > li > article.finding');
      assert.ok((await rows.count()) >= 1);
      const first = rows.first();
      assert.equal(await first.locator('.chip').count(), 1);
      assert.equal(await first.locator('details.app-details').getAttribute('open'), null, 'details closed at first');
      figures[name] = await wordCounts(popup);
      // Opening one app's details shows its measures.
      await first.locator('details.app-details > summary').click();
      assert.ok(await first.locator('section.measure').first().isVisible());
      await popup.close();
      await page.close();
    }
    t.diagnostic(`popup words (first 600 px / whole collapsed popup): ${JSON.stringify(figures)}`);
    for (const [name, f] of Object.entries(figures)) assert.ok(f.firstScreen <= 200, `${name}: ${f.firstScreen} words on the first screen`);
    assert.ok(figures.TikTok.total < 300, `TikTok popup ${figures.TikTok.total} words before any details are opened`);
  });
});

describe('axe-core: no serious or critical violation', () => {
  for (const colorScheme of ['light', 'dark']) {
    test(`popup in every state, ${colorScheme}`, async () => {
      const { page, tabId } = await openPage(tiktok);
      let popup = await popupFor(tabId, { colorScheme, stall: true });
      await assertAxeClean(popup, `loading (${colorScheme})`);
      await popup.close();
      popup = await popupFor(tabId, { colorScheme });
      await assertAxeClean(popup, `TikTok (${colorScheme})`);
      // Details and look-up open.
      for (const s of await popup.locator('summary').all()) await s.click();
      await popup.fill('#lookup-input', 'WeChat');
      await popup.locator('#lookup-list article').first().waitFor();
      await assertAxeClean(popup, `TikTok with every disclosure open and a look-up (${colorScheme})`);
      await popup.close();
      await page.close();
      for (const [what, target] of [
        ['list page', listPage],
        ['vendor page', vendorPage],
        ['clean page', cleanPage],
      ]) {
        const opened = await openPage(target);
        popup = await popupFor(opened.tabId, { colorScheme });
        await assertAxeClean(popup, `${what} (${colorScheme})`);
        await popup.close();
        await opened.page.close();
      }
      h.serve('https://example.org/', '<!doctype html><title>Elsewhere</title><p>Nothing to see</p>');
      const other = await h.context.newPage();
      await other.goto('https://example.org/', { waitUntil: 'load' });
      const otherId = await h.worker().evaluate(async () => (await chrome.tabs.query({})).find((t) => t.url === 'https://example.org/')?.id);
      popup = await popupFor(otherId, { colorScheme });
      for (const s of await popup.locator('summary').all()) await s.click();
      await assertAxeClean(popup, `unsupported (${colorScheme})`);
      await popup.close();
      await other.close();
    });

    test(`options, ${colorScheme}`, async () => {
      const options = await h.context.newPage();
      await options.emulateMedia({ colorScheme });
      await options.goto(`chrome-extension://${h.extensionId}/extension/options/index.html`);
      await options.waitForFunction(() => !document.querySelector('#any-site').disabled);
      await assertAxeClean(options, `options (${colorScheme})`);
      await options.close();
    });
  }
});

describe('keyboard only', () => {
  /** Presses Tab until `done(active)` or `max` presses; returns what was focused, in order. */
  async function tabUntil(page, done, max = 80) {
    const seen = [];
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      const a = await page.evaluate(() => {
        const el = document.activeElement;
        return { tag: el.tagName.toLowerCase(), id: el.id, text: (el.textContent ?? '').trim().slice(0, 60), inDetails: !!el.closest('details.app-details') };
      });
      seen.push(a);
      if (done(a)) return seen;
    }
    return seen;
  }

  test('the popup: reach every control, open an app’s details, look an app up', async () => {
    const { page, tabId } = await openPage(camscanner);
    const popup = await popupFor(tabId);
    const seen = await tabUntil(popup, (a) => a.id === 'lookup-input');
    assert.ok(seen.some((a) => a.tag === 'summary' && /^Details: CamScanner/.test(a.text)), JSON.stringify(seen));
    assert.equal(seen.at(-1).id, 'lookup-input', 'the look-up field is reachable');
    // Back to the app's details with Shift+Tab, open them with Enter.
    await popup.locator('details.app-details > summary').first().focus();
    await popup.keyboard.press('Enter');
    assert.equal(await popup.locator('details.app-details').first().getAttribute('open'), '');
    // Inside, the measure disclosures and source links are reachable too.
    const inside = await tabUntil(popup, (a) => a.tag === 'a' && a.inDetails, 10);
    assert.equal(inside.at(-1).tag, 'a');
    // Look-up: type, then Tab to the first result's details and open them.
    await popup.locator('#lookup-input').focus();
    await popup.keyboard.type('CamScanner');
    await popup.locator('#lookup-list article[data-entity="app-camscanner"]').waitFor();
    const toResult = await tabUntil(popup, (a) => a.tag === 'summary' && a.inDetails && /CamScanner/.test(a.text), 5);
    assert.match(toResult.at(-1).text, /Details: CamScanner/);
    await popup.keyboard.press('Space');
    assert.equal(await popup.locator('#lookup-list details.app-details').first().getAttribute('open'), '');
    await popup.close();
    await page.close();
  });

  test('a dismissed banner comes back from the popup (keyboard), for this tab’s listing', async () => {
    const { page, tabId } = await openPage(camscanner);
    await page.waitForSelector('[data-covered-apps="banner"]', { state: 'attached' });
    await clickInBanner(page, 'button[aria-label^="Dismiss"]');
    await page.waitForFunction(() => !document.querySelector('[data-covered-apps="banner"]'));
    const popup = await popupFor(tabId);
    await popup.locator('#restore-banner').waitFor();
    await popup.locator('#restore-banner').focus();
    await popup.keyboard.press('Enter');
    await popup.getByRole('status').filter({ hasText: 'The banner is back' }).waitFor();
    await page.waitForSelector('[data-covered-apps="banner"]', { state: 'attached', timeout: 10000 });
    assert.match(await bannerText(page), /CamScanner/);
    const dismissed = await h.worker().evaluate(async () => (await chrome.storage.session.get('dismissed')).dismissed ?? []);
    assert.ok(!dismissed.some((k) => k.includes('com.intsig.camscanner')), JSON.stringify(dismissed));
    // Without a dismissal there is no such button.
    const again = await popupFor(tabId);
    await again.waitForTimeout(300);
    assert.equal(await again.locator('#restore-banner').count(), 0);
    await again.close();
    await popup.close();
    await page.close();
  });
});
