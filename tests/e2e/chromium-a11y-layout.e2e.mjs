// The popup and options pages at 200% zoom and in a right-to-left UI language, in
// Debian's Chromium (dist/chrome): every control a reader can reach stays inside
// the viewport's width (no sideways scrolling, no clipped control) and overlaps no
// other, and axe-core finds no serious or critical violation.
//
// 200% zoom, as Chromium does it: browser zoom makes a CSS pixel two device
// pixels, so the layout viewport in CSS pixels is the window's size halved and
// devicePixelRatio is 2; media queries and layout see the smaller viewport.
// Emulation.setDeviceMetricsOverride({ width/2, height/2, deviceScaleFactor: 2 })
// gives exactly that. CSS `zoom: 2` on the page would not: the viewport and media
// queries would stay those of 100%. Chromium sizes a popup window to its content,
// at most 800 × 600 (window pixels); at 200% our popup (400 CSS px wide at 100%)
// asks for 800 and gets it: 400 × 300 CSS px. The options page is a tab: a
// 1280 × 900 window at 200% is 640 × 450 CSS px, and the narrowest width WCAG's
// reflow asks for (1.4.10: 320 CSS px, a 1280 px window at 400%) is checked too.
//
// Right to left: we ship en and zh_CN (both left to right), so an RTL UI language
// is imitated. Before the page's scripts run, the test makes chrome.i18n answer as
// in an Arabic browser ('@@bidi_dir' → 'rtl', '@@ui_locale' → 'ar',
// getUILanguage() → 'ar'); the messages themselves stay English (no Arabic
// catalogue). The page's own code then sets its dir and lang from those answers.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromiumForFile } from './chromium-harness.mjs';
import { axeReport, axeSummary, controlGeometry, geometryProblems, seriousOnly } from './a11y-probe.mjs';
import { play, requireBuild } from './pages.mjs';

requireBuild();
const h = chromiumForFile();

const { tiktok: TIKTOK, camscanner: CAMSCANNER, home: HOME } = play;
const ELSEWHERE = { url: 'https://example.org/', body: () => '<!doctype html><title>Elsewhere</title><p>Nothing to see</p>' };

/** Opens a page in a tab; its tab id. */
async function tabFor({ url, body }) {
  const page = await h.open(url, body());
  const tabId = await h.worker().evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, url);
  return { page, tabId };
}

/** Makes chrome.i18n answer as in a browser whose UI language is Arabic (see the header), before the page's scripts. */
const imitateRtlUiLanguage = () => {
  const i18n = chrome.i18n;
  const getMessage = i18n.getMessage.bind(i18n);
  const answers = { '@@bidi_dir': 'rtl', '@@bidi_reversed_dir': 'ltr', '@@bidi_start_edge': 'right', '@@bidi_end_edge': 'left', '@@ui_locale': 'ar' };
  Object.defineProperty(i18n, 'getMessage', { configurable: true, value: (name, ...rest) => answers[name] ?? getMessage(name, ...rest) });
  Object.defineProperty(i18n, 'getUILanguage', { configurable: true, value: () => 'ar' });
};

/**
 * An extension page in a window of `window` pixels at `zoom` (1 or 2), optionally
 * in an imitated RTL UI language; waits for `ready` (a selector).
 */
async function extensionPage(path, { window, zoom = 1, rtl = false, ready }) {
  const page = await h.context.newPage();
  if (rtl) await page.addInitScript(imitateRtlUiLanguage);
  const cdp = await h.context.newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: window.width / zoom, height: window.height / zoom, deviceScaleFactor: zoom, mobile: false });
  await page.goto(`chrome-extension://${h.extensionId}/extension/${path}`);
  await page.waitForSelector(ready);
  const seen = await page.evaluate(() => ({ width: innerWidth, dpr: devicePixelRatio, dir: document.documentElement.dir, lang: document.documentElement.lang }));
  assert.equal(seen.width, window.width / zoom, 'the CSS viewport is the window halved at 200%');
  assert.equal(seen.dpr, zoom);
  if (rtl) assert.deepEqual({ dir: seen.dir, lang: seen.lang }, { dir: 'rtl', lang: 'ar' }, 'the page sets dir and lang from the UI language');
  else assert.equal(seen.dir, 'ltr');
  return page;
}

const POPUP_READY = '#summary, #no-findings, #unsupported, #who-first-use, [role=alert]';
// The popup window at its largest (Chromium's cap, 800 × 600), which our popup fills at 200%.
const POPUP_WINDOW = { width: 800, height: 600 };
// The popup window at 100% (the other a11y tests' size).
const POPUP_WINDOW_1X = { width: 400, height: 600 };

/** Opens every closed disclosure, nested ones too. */
async function openAllDisclosures(page) {
  for (let round = 0; round < 4; round++) {
    const closed = await page.locator('details:not([open]) > summary').all();
    if (!closed.length) return;
    for (const s of closed) if (await s.isVisible()) await s.click();
  }
}

async function assertLaidOut(page, what) {
  const geometry = await controlGeometry(page);
  assert.ok(geometry.controls.length > 0, `${what}: no control found`);
  assert.deepEqual(geometryProblems(geometry), [], `${what}: ${geometry.controls.length} controls in ${geometry.width} px`);
  const report = await axeReport(page);
  console.log(`# axe, ${what}: ${axeSummary(report)}`);
  assert.deepEqual(seriousOnly(report.violations), [], `${what}: axe-core ${JSON.stringify(report.violations)}`);
  return geometry.controls.length;
}

const MODES = [
  { name: '200% zoom', window: POPUP_WINDOW, zoom: 2, rtl: false },
  { name: 'right to left', window: POPUP_WINDOW_1X, zoom: 1, rtl: true },
  { name: 'right to left at 200% zoom', window: POPUP_WINDOW, zoom: 2, rtl: true },
];

describe('the popup at 200% zoom and right to left: every control inside the width, none overlapping, axe clean', () => {
  after(() => h.worker().evaluate(() => chrome.storage.local.remove('profiles')));

  for (const mode of MODES) {
    test(mode.name, async (t) => {
      const counts = {};
      const popupFor = (tabId) => extensionPage(`popup/index.html?tabId=${tabId}`, { ...mode, ready: POPUP_READY });

      // First use: the "Who are you?" chooser (nothing chosen yet).
      await h.worker().evaluate(() => chrome.storage.local.remove('profiles'));
      const cam = await tabFor(CAMSCANNER);
      let popup = await popupFor(cam.tabId);
      await popup.locator('#who-first-use').waitFor();
      counts['first use'] = await assertLaidOut(popup, `${mode.name}: first-use chooser`);
      await popup.close();
      await h.worker().evaluate(() => chrome.storage.local.set({ profiles: ['government:US'] }));

      for (const [what, target] of [
        ['TikTok', TIKTOK],
        ['Play home (list page)', HOME],
      ]) {
        const { page, tabId } = await tabFor(target);
        await h.reportFor(target.url);
        popup = await popupFor(tabId);
        await popup.locator('#summary').waitFor();
        counts[what] = await assertLaidOut(popup, `${mode.name}: ${what}`);
        await openAllDisclosures(popup);
        counts[`${what}, every disclosure open`] = await assertLaidOut(popup, `${mode.name}: ${what}, every disclosure open`);
        if (mode.rtl) {
          // Logical properties: a row's accent border is at the inline start, which is the right in RTL.
          const border = await popup.locator('#apps article.finding').first().evaluate((e) => ({ right: getComputedStyle(e).borderRightWidth, left: getComputedStyle(e).borderLeftWidth }));
          assert.deepEqual(border, { right: '4px', left: '0px' }, 'the accent border is at the inline start (right)');
        }
        await popup.close();
        await page.close();
      }

      // An unsupported page, its lists open, and a look-up with results.
      h.serve(ELSEWHERE.url, ELSEWHERE.body());
      const other = await tabFor(ELSEWHERE);
      popup = await popupFor(other.tabId);
      await popup.locator('#unsupported').waitFor();
      await openAllDisclosures(popup);
      counts.unsupported = await assertLaidOut(popup, `${mode.name}: unsupported page`);
      await popup.fill('#lookup-input', 'Tencent');
      await popup.locator('#lookup-list article').first().waitFor();
      await openAllDisclosures(popup);
      counts['look-up'] = await assertLaidOut(popup, `${mode.name}: look-up results, every disclosure open`);
      await popup.close();
      await other.page.close();
      await cam.page.close();
      t.diagnostic(`${mode.name}: controls checked per state ${JSON.stringify(counts)}`);
    });
  }
});

describe('the options page at 200% zoom, at the reflow width, and right to left', () => {
  for (const [what, options] of [
    ['200% zoom in a 1280 × 900 window (640 CSS px)', { window: { width: 1280, height: 900 }, zoom: 2 }],
    ['320 CSS px wide (WCAG reflow; a 640 px window at 200%)', { window: { width: 640, height: 900 }, zoom: 2 }],
    ['right to left', { window: { width: 1280, height: 900 }, rtl: true }],
    ['right to left at 320 CSS px', { window: { width: 640, height: 900 }, zoom: 2, rtl: true }],
  ]) {
    test(what, async (t) => {
      const page = await extensionPage('options/index.html', { ...options, ready: '#any-site' });
      await page.waitForFunction(() => !document.querySelector('#any-site').disabled);
      await openAllDisclosures(page);
      const n = await assertLaidOut(page, `options, ${what}`);
      t.diagnostic(`options, ${what}: ${n} controls checked`);
      await page.close();
    });
  }
});
