// Records (issue 12) in Debian's Chromium with the built extension: the status date
// (EO 13971 on 2021-02-01 vs 2021-07-01), copy citation (the clipboard's content),
// export JSON (the downloaded file), the printable report (its DOM), "not this app"
// (mark, reload: hidden; undo in Options), and the findings log (visit, browser
// restart with the same profile, CSV/JSON export, eviction past the bound, a corrupt
// entry skipped and counted).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, bannerText } from './chromium-harness.mjs';
import { playListingFromCapture, requireBuild } from './pages.mjs';

requireBuild();
const url = 'https://play.google.com/store/apps/details?id=com.intsig.camscanner';
const body = () => playListingFromCapture({ pkg: 'com.intsig.camscanner', name: 'CamScanner - PDF Scanner App', developer: 'INTSIG Information Co.,Ltd' });
const profile = mkdtempSync(join(tmpdir(), 'covered-apps-records-'));
let h;
before(async () => {
  h = await launchChromium({ userDataDir: profile });
});
after(async () => {
  await h?.close();
  rmSync(profile, { recursive: true, force: true });
});

async function open() {
  // One tab on the listing at a time (h.reportFor finds the report by the tab's address).
  for (const p of h.context.pages()) if (p.url() === url) await p.close();
  h.serve(url, body());
  const page = await h.context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const { tabId, report } = await h.reportFor(url);
  return { page, tabId, report };
}
const ext = (path) => `chrome-extension://${h.extensionId}/${path}`;

async function popupFor(tabId) {
  const popup = await h.context.newPage();
  await popup.goto(ext(`extension/popup/index.html?tabId=${tabId}`));
  await popup.locator('#record-actions details.record-finding[data-entity="app-camscanner"]').waitFor();
  return popup;
}

/** Picks the status date in the popup (a real click), and waits for the popup to come back with it. */
async function chooseDate(popup, day) {
  await popup.fill('#record-date', day);
  await Promise.all([popup.waitForEvent('load'), popup.click('#record-date-apply')]);
  await popup.locator('#record-asof', { hasText: `${day} (chosen)` }).waitFor();
  await popup.locator('article.finding[data-entity="app-camscanner"]').waitFor();
}

async function downloaded(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return readFileSync(await download.path(), 'utf8');
}

const eoSection = (popup) => popup.locator('article.finding[data-entity="app-camscanner"] section.measure', { hasText: 'US Executive Order 13971' });

describe('records in Chromium', () => {
  test('status on any date: EO 13971 on 2021-02-01 is signed, not yet implemented; on 2021-07-01 revoked; the banner follows', async () => {
    const { page, tabId } = await open();
    const popup = await popupFor(tabId);
    await chooseDate(popup, '2021-02-01');
    assert.match(await popup.locator('header .asof').textContent(), /Statuses as of 2021-02-01 \(chosen\)/);
    assert.equal((await eoSection(popup).locator('.status').textContent()).trim(), 'signed; not yet implemented');
    // Texas named CamScanner in 2023: not a line in 2021.
    assert.doesNotMatch(await popup.locator('article.finding[data-entity="app-camscanner"]').textContent(), /Texas/);
    // The banner of a page loaded now says the same.
    await page.reload({ waitUntil: 'domcontentloaded' });
    await h.reportFor(url);
    let text;
    for (let i = 0; i < 50 && !/signed; not yet implemented/.test(text ?? ''); i++) {
      text = await bannerText(page);
      await page.waitForTimeout(100);
    }
    assert.match(text, /US Executive Order 13971 \(Jan 5, 2021\) — signed; not yet implemented/);
    assert.match(text, /Status as of 2021-02-01/);

    await chooseDate(popup, '2021-07-01');
    assert.match(await eoSection(popup).locator('.status').textContent(), /revoked June 9, 2021/);
    await popup.close();
    await page.close();
  });

  test('copy citation per finding and per measure (plain text and Markdown): the clipboard holds it, with the chosen date', async () => {
    const { page, tabId } = await open();
    // Chromium grants no permission to an extension's origin from outside: the test
    // reads the (browser-wide) clipboard back from a web page it may read it on.
    await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://play.google.com' });
    const popup = await popupFor(tabId);
    await chooseDate(popup, '2021-07-01');
    await popup.locator('details.record-finding[data-entity="app-camscanner"] > summary').click();
    const readClipboard = async () => {
      await page.bringToFront();
      const text = await page.evaluate(() => navigator.clipboard.readText());
      await popup.bringToFront();
      return text;
    };
    /** Clicks a copy button (a real click) and returns what the clipboard then holds. */
    const copied = async (selector) => {
      await page.bringToFront();
      await page.evaluate(() => navigator.clipboard.writeText('(before)'));
      await popup.bringToFront();
      await popup.click(selector);
      await popup.locator('#record-message', { hasText: 'Copied' }).waitFor();
      for (let i = 0; i < 50; i++) {
        const text = await readClipboard();
        if (text !== '(before)') return text;
        await popup.waitForTimeout(100);
      }
      throw new Error('nothing copied');
    };
    const plain = await copied('button[data-copy="google-play:com.intsig.camscanner|us-eo-13971:plain"]');
    assert.match(plain, /^App: CamScanner - PDF Scanner App$/m);
    assert.match(plain, /^Developer: INTSIG Information Co\.,Ltd$/m);
    assert.match(plain, /^Store URL: https:\/\/play\.google\.com\/store\/apps\/details\?id=com\.intsig\.camscanner$/m);
    assert.match(plain, /^Measure: US Executive Order 13971 \(Jan 5, 2021\), 86 FR 1249; FR Doc\. 2021-00305/m);
    assert.match(plain, /^Status as of 2021-07-01 \(chosen date\): never implemented; revoked June 9, 2021 by EO 14034$/m);
    assert.match(plain, /^Primary source: https:\/\//m);
    assert.match(plain, /Checked \d{4}-\d{2}-\d{2}T[\d:.]+Z with Covered Apps 0\.1\.0; data version \d{4}-\d{2}-\d{2}/);
    assert.doesNotMatch(plain, /India/, 'one measure only');

    const md = await copied('button[data-copy="google-play:com.intsig.camscanner:markdown"]');
    assert.match(md, /^\*\*CamScanner - PDF Scanner App\*\* — INTSIG Information Co\.,Ltd$/m);
    assert.match(md, /- \*\*Measure:\*\* US Executive Order 13971/);
    assert.match(md, /- \*\*Measure:\*\* India/);
    assert.match(md, /- \*\*Status as of 2021-07-01 \(chosen date\):\*\*/);
    await popup.close();
    await page.close();
  });

  test('export: the JSON file and the printable report carry the page, time, versions, chosen date, findings and measures', async () => {
    const { page, tabId } = await open();
    const popup = await popupFor(tabId);
    await chooseDate(popup, '2021-07-01');
    const json = JSON.parse(await downloaded(popup, () => popup.click('#record-export-json')));
    assert.equal(json.schema, 'covered-apps/page-record');
    assert.equal(json.schemaVersion, 1);
    assert.equal(json.pageUrl, 'https://play.google.com/store/apps/details');
    assert.deepEqual(json.statusesAsOf, { date: '2021-07-01', chosen: true });
    assert.equal(json.extension.version, '0.1.0');
    assert.match(json.dataAsOf, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(Date.parse(json.checkedAt) > Date.now() - 600_000);
    const f = json.findings.find((x) => x.entityId === 'app-camscanner');
    assert.equal(f.tier, 1);
    assert.match(f.evidence.join(' '), /com\.intsig\.camscanner/);
    assert.ok(f.lines.some((l) => l.measureId === 'us-eo-13971' && l.status.code === 'revoked' && /revoked June 9, 2021/.test(l.sentence)));
    const eo = json.measures.find((m) => m.id === 'us-eo-13971');
    assert.equal(eo.citation, '86 FR 1249; FR Doc. 2021-00305');
    assert.match(eo.binds, /Secretary of Commerce/);
    assert.ok(eo.verbatim.length > 0 && eo.sources[0].kind === 'primary');

    const [report] = await Promise.all([h.context.waitForEvent('page'), popup.click('#record-open-report')]);
    await report.locator('#report-url').waitFor();
    assert.equal(await report.locator('#report-url').textContent(), 'https://play.google.com/store/apps/details');
    assert.equal(await report.locator('#report-asof').textContent(), '2021-07-01 (chosen date)');
    assert.match(await report.locator('#report-versions').textContent(), /Extension 0\.1\.0; data version \d{4}-\d{2}-\d{2}/);
    assert.match(await report.locator('#report-checked').textContent(), /^\d{4}-\d{2}-\d{2}T/);
    const finding = report.locator('section.finding[data-entity="app-camscanner"]');
    assert.match(await finding.textContent(), /Google Play package id com\.intsig\.camscanner in the URL/);
    assert.ok((await finding.locator('li.sentence').allTextContents()).some((s) => /US Executive Order 13971 \(Jan 5, 2021\) — never implemented; revoked June 9, 2021/.test(s)));
    const measure = report.locator('#measure-us-eo-13971');
    assert.match(await measure.textContent(), /Status as of 2021-07-01 \(chosen date\): never implemented; revoked/);
    assert.match(await measure.locator('blockquote').first().textContent(), /CamScanner/);
    // Prints cleanly: the buttons are not printed.
    await report.emulateMedia({ media: 'print' });
    assert.equal(await report.locator('.actions').isVisible(), false);
    await report.emulateMedia({ media: 'screen' });
    const again = JSON.parse(await downloaded(report, () => report.click('#report-download')));
    assert.deepEqual({ ...again, checkedAt: 0 }, { ...json, checkedAt: 0 });
    await report.close();

    // Back to today for the rest.
    await Promise.all([popup.waitForEvent('load'), popup.click('#record-date-today')]);
    await popup.locator('#record-asof', { hasText: '(today)' }).waitFor();
    await popup.close();
    await page.close();
  });

  test('"not this app": marked in the popup, hidden on the next visit, in the export, listed in Options with undo', async () => {
    let { page, tabId } = await open();
    const popup = await popupFor(tabId);
    await popup.locator('details.record-finding[data-entity="app-camscanner"] > summary').click();
    await popup.click('details.record-finding[data-entity="app-camscanner"] .record-not-this-app');
    await popup.locator('#record-message', { hasText: 'not this app' }).waitFor();
    await popup.close();
    await page.close();

    ({ page, tabId } = await open());
    const { report } = await h.reportFor(url);
    assert.ok(!report.findings.some((f) => f.entityId === 'app-camscanner'), 'left out of the report');
    assert.deepEqual(report.hidden.map((f) => f.entityId), ['app-camscanner']);
    await page.waitForTimeout(500);
    assert.equal(await bannerText(page), null, 'no banner');
    assert.equal(await h.worker().evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId), '');
    const p2 = await h.context.newPage();
    await p2.goto(ext(`extension/popup/index.html?tabId=${tabId}`));
    await p2.locator('#record-export-json').waitFor();
    const json = JSON.parse(await downloaded(p2, () => p2.click('#record-export-json')));
    assert.deepEqual(json.notThisApp.map((m) => [m.entityId, m.key, m.url]), [['app-camscanner', 'google-play:com.intsig.camscanner', 'https://play.google.com/store/apps/details']]);
    await p2.close();

    const options = await h.context.newPage();
    await options.goto(ext('extension/options/index.html'));
    const item = options.locator('#not-this-app-list li[data-mark="app-camscanner@google-play:com.intsig.camscanner"]');
    assert.match(await item.textContent(), /CamScanner - PDF Scanner App \(google-play:com\.intsig\.camscanner\)/);
    await item.locator('button').click();
    await options.locator('#not-this-app-none').waitFor();
    await options.close();
    await page.reload({ waitUntil: 'domcontentloaded' });
    let text = null;
    for (let i = 0; i < 50 && !text; i++) {
      text = await bannerText(page);
      await page.waitForTimeout(100);
    }
    assert.match(text, /CamScanner/, 'flagged again after undo');
    await page.close();
  });

  test('findings log: off by default; on, a visit is logged, survives a browser restart, exports as CSV and JSON, evicts the oldest past 5,000, skips a corrupt entry', async () => {
    const logPage = async () => {
      const p = await h.context.newPage();
      await p.goto(ext('extension/log/index.html'));
      await p.locator('#log-count').waitFor();
      return p;
    };
    // Off by default: a visit leaves no entry.
    let { page } = await open();
    await page.close();
    let log = await logPage();
    assert.equal(await log.locator('#findings-log-enabled').isChecked(), false);
    assert.match(await log.locator('#log-count').textContent(), /^0 of 0 visits$/);
    assert.match(await log.locator('#findings-log-about').textContent(), /latest 5,000 visits; past that, the oldest are removed first/);
    await log.click('#findings-log-enabled');
    await log.close();

    ({ page } = await open());
    log = await logPage();
    await log.locator('#log-count', { hasText: '1 of 1 visits' }).waitFor();
    assert.match(await log.locator('tr.log-entry').first().textContent(), /CamScanner.*restricted by a measure in force.*US Executive Order 13971/);
    await log.close();
    await page.close();

    // Browser restart, same profile: the log and the setting are still there.
    await h.close();
    h = await launchChromium({ userDataDir: profile });
    log = await logPage();
    await log.locator('#log-count', { hasText: '1 of 1 visits' }).waitFor();
    assert.equal(await log.locator('#findings-log-enabled').isChecked(), true);
    const csv = await downloaded(log, () => log.click('#log-export-csv'));
    const lines = csv.trim().split('\r\n');
    assert.equal(lines[0], 'time,url,app,entity,tier,verdict,measures,statuses_as_of,chosen_date,data_version');
    assert.equal(lines.length, 2);
    assert.match(lines[1], /https:\/\/play\.google\.com\/store\/apps\/details,"CamScanner \(INTSIG Information Co\.,Ltd\)",app-camscanner,1,restricts,.*US Executive Order 13971 \(Jan 5, 2021\): never implemented/);
    const json = JSON.parse(await downloaded(log, () => log.click('#log-export-json')));
    assert.equal(json.schema, 'covered-apps/findings-log');
    assert.equal(json.entries.length, 1);
    // Search.
    await log.fill('#log-search', 'no such thing');
    await log.locator('#log-count', { hasText: '0 of 1 visits' }).waitFor();
    await log.fill('#log-search', 'camscanner');
    await log.locator('#log-count', { hasText: '1 of 1 visits' }).waitFor();
    await log.close();

    // 5,000 stored entries, one of them corrupt (a foreign build's), then a visit.
    const [real] = json.entries;
    await h.worker().evaluate((entry) => {
      const old = Array.from({ length: 4999 }, (_, i) => ({ ...entry, at: new Date(Date.UTC(2020, 0, 1, 0, i)).toISOString(), url: `https://old.example/${i}` }));
      old.splice(10, 1, { v: 2, from: 'another build', apps: 'not a list' });
      return chrome.storage.local.set({ findingsLog: [...old, entry] });
    }, real);
    ({ page } = await open());
    log = await logPage();
    await log.locator('#log-count', { hasText: '4999 of 4999 visits' }).waitFor();
    assert.match(await log.locator('#log-skipped').textContent(), /^1 stored entries could not be read/);
    const stored = await h.worker().evaluate(async () => (await chrome.storage.local.get('findingsLog')).findingsLog);
    assert.equal(stored.length, 5000, 'bounded');
    assert.equal(stored[0].url, 'https://old.example/1', 'the oldest went first');
    assert.equal(stored.at(-1).url, 'https://play.google.com/store/apps/details');
    // Clear: two clicks.
    await log.click('#log-clear');
    await log.locator('#log-clear', { hasText: 'Click again' }).waitFor();
    await log.click('#log-clear');
    await log.locator('#log-empty').waitFor();
    assert.equal(await h.worker().evaluate(async () => (await chrome.storage.local.get('findingsLog')).findingsLog), undefined);
    await log.close();
    await page.close();
  });
});
