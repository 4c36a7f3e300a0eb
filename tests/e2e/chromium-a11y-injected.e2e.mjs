// What the content script injects, checked by axe-core in Debian's Chromium
// (dist/chrome): the banner collapsed and expanded (one per verdict colour the
// data gives on a Play listing) and the badges of a Play list page, in light and
// dark, with no serious or critical violation. The banner and badges live in
// closed shadow roots, which axe cannot enter; the product keeps them closed.
// The test alone reaches them the way devtools does (CDP's pierced DOM, each
// root resolved to an object in the page's main world) and gives each of our
// hosts an own `shadowRoot` getter returning it (exposeOurShadowRoots), then runs
// axe on our hosts only. A deliberate contrast break injected into our root must
// be reported, so the check cannot silently look at nothing.
// Then the banner on a right-to-left page, at 1280 and 400 px.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromiumForFile, clickInBanner, exposeOurShadowRoots, inBanner, inOurShadowRoots } from './chromium-harness.mjs';
import { axeReport, axeSummary, seriousOnly } from './a11y-probe.mjs';
import { play, playListing, requireBuild } from './pages.mjs';

requireBuild();
const h = chromiumForFile();

const { tiktok: TIKTOK, camscanner: CAMSCANNER, home: HOME } = play;
// Related to WPS Office, not named itself: "related", information only.
const WPS_PDF = playListing('cn.wps.pdf', 'WPS PDF - PDF Reader, Editor', 'WPS SOFTWARE PTE. LTD.');
// On 2021-07-01 only the revoked Executive Order 13971 named WPS Office: history only.
const WPS = playListing('cn.wps.moffice_eng', 'WPS Office-PDF,Word,Sheet,PPT', 'WPS SOFTWARE PTE. LTD.');
// Our own imitation of a Softonic download page that shows an app's name and no developer
// or store id: a name-only match, the "possible match" verdict.
const NAME_ONLY = {
  url: 'https://wechat.en.softonic.com/android',
  body: () => '<!doctype html><html lang="en"><head><title>WeChat for Android - Download</title></head><body><main><h1>WeChat</h1><p>Free download for Android.</p></main></body></html>',
};

/** Who reads (storage.local `profiles`; null: never chosen) and the status date (storage.session `asOfDate`; null: today). */
async function setReader(profiles, asOf = null) {
  await h.worker().evaluate(
    async ([profiles, asOf]) => {
      await (profiles === null ? chrome.storage.local.remove('profiles') : chrome.storage.local.set({ profiles }));
      await (asOf === null ? chrome.storage.session.remove('asOfDate') : chrome.storage.session.set({ asOfDate: asOf }));
    },
    [profiles, asOf],
  );
  await new Promise((r) => setTimeout(r, 150)); // the background reads them again on the change
}

const HOST = (kind) => `[data-covered-apps="${kind}"]`;
/** Is an axe node in one of our shadow roots? axe names it [host selector, selector in the root]. */
const inOurRoot = (kind, node) => Array.isArray(node.target[0]) && node.target[0].length > 1 && node.target[0][0].includes(HOST(kind));

/**
 * axe-core on our hosts of one kind only, their closed roots made visible to it
 * (test only). Asserts that it really looked inside them (rules passed on nodes
 * in our roots, contrast measured there) and returns its report.
 */
async function axeOnOurUi(page, kind) {
  assert.ok((await exposeOurShadowRoots(page, kind)) >= 1, `no ${kind} on the page`);
  const report = await axeReport(page, { include: [HOST(kind)] }, { fromHtml: true });
  const inside = report.passes.reduce((n, p) => n + p.shadowNodes, 0);
  assert.ok(inside > 0, `axe checked nothing inside our ${kind}`);
  assert.ok(
    report.passes.some((p) => p.id === 'color-contrast' && p.shadowNodes > 0) || report.violations.some((v) => v.id === 'color-contrast'),
    `axe measured no contrast inside our ${kind}: ${JSON.stringify(report.incomplete)}`,
  );
  return report;
}

/** The report's serious and critical violations, each with where (for the assertion's message). */
const serious = (report) => seriousOnly(report.violations).map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => `${JSON.stringify(n.target)}: ${n.summary}`) }));

/**
 * The sanity check: text inside our root made low-contrast (grey on grey, 1.2:1;
 * a style injected into the root by the test, removed after) must come out as a
 * color-contrast violation located in our root.
 */
async function assertContrastBreakIsSeen(page, kind, selector) {
  const inject = (root, { selector, on }) => {
    if (on) {
      const s = document.createElement('style');
      s.setAttribute('data-test', 'contrast-break');
      s.textContent = `${selector} { color: #777 !important; background: #888 !important; }`;
      root.append(s);
    } else root.querySelector('style[data-test="contrast-break"]')?.remove();
  };
  await inOurShadowRoots(page, kind, inject, { selector, on: true });
  try {
    const report = await axeReport(page, { include: [HOST(kind)] }, { fromHtml: true });
    const contrast = report.violations.find((v) => v.id === 'color-contrast');
    assert.ok(contrast, `the contrast break in our ${kind} (${selector}) was not reported: ${JSON.stringify(report.violations)}`);
    assert.ok(
      contrast.nodes.some((n) => inOurRoot(kind, n)),
      `the contrast violation is not located in our ${kind}: ${JSON.stringify(contrast.nodes)}`,
    );
  } finally {
    await inOurShadowRoots(page, kind, inject, { selector, on: false });
  }
}

const expanded = (page) => inBanner(page, (root) => !root.querySelector('.more').hidden && root.querySelector('.more').getBoundingClientRect().height > 0);

async function openWithBanner({ url, body }) {
  const page = await h.open(url, body());
  await h.reportFor(url);
  await page.waitForSelector(HOST('banner'), { state: 'attached' });
  return page;
}

describe('axe-core on the banner: collapsed and expanded, each verdict colour, light and dark', () => {
  after(() => setReader(null));

  const banners = [
    ['restricted for you (TikTok, US federal)', TIKTOK, ['government:US'], null, 'restricted-for-you'],
    ['restricted elsewhere (CamScanner, neutral)', CAMSCANNER, [], null, 'restricted-elsewhere'],
    ['related, information (WPS PDF, neutral)', WPS_PDF, [], null, 'related-info'],
    ['history only (WPS Office on 2021-07-01)', WPS, [], '2021-07-01', 'history-only'],
    ['possible match (a download page naming WeChat, no developer shown)', NAME_ONLY, [], null, 'possible-match'],
    ['compact, list page (Play home, neutral)', HOME, [], null, 'restricted-elsewhere'],
  ];
  for (const [what, target, profiles, asOf, verdict] of banners) {
    test(what, async (t) => {
      await setReader(profiles, asOf);
      const page = await openWithBanner(target);
      assert.equal(await inBanner(page, (root) => root.querySelector('section').className), `bar ${verdict}`, 'the verdict this case is for');
      for (const colorScheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme });
        if (await expanded(page)) await clickInBanner(page, 'button.toggle');
        assert.equal(await expanded(page), false);
        const collapsed = await axeOnOurUi(page, 'banner');
        assert.deepEqual(serious(collapsed), [], `${what}, collapsed, ${colorScheme}`);
        t.diagnostic(`axe, banner ${verdict} collapsed, ${colorScheme}: ${axeSummary(collapsed)}`);
        await clickInBanner(page, 'button.toggle');
        assert.equal(await expanded(page), true);
        const open = await axeOnOurUi(page, 'banner');
        assert.deepEqual(serious(open), [], `${what}, expanded, ${colorScheme}`);
        t.diagnostic(`axe, banner ${verdict} expanded, ${colorScheme}: ${axeSummary(open)}`);
      }
      await page.close();
    });
  }

  test('the check sees our banner: a contrast break in its root is reported, collapsed and expanded, light and dark', async () => {
    await setReader([]);
    const page = await openWithBanner(CAMSCANNER);
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      if (await expanded(page)) await clickInBanner(page, 'button.toggle');
      await exposeOurShadowRoots(page, 'banner');
      await assertContrastBreakIsSeen(page, 'banner', '.verdict');
      await clickInBanner(page, 'button.toggle');
      await assertContrastBreakIsSeen(page, 'banner', 'li');
      // and without the break, clean again
      assert.deepEqual(serious(await axeOnOurUi(page, 'banner')), []);
    }
    await page.close();
  });

  test('expanded, the measures scroll inside the banner: that list is reachable with the keyboard and named', async () => {
    await setReader(['government:US']);
    const page = await openWithBanner(TIKTOK);
    if (!(await expanded(page))) await clickInBanner(page, 'button.toggle');
    const more = await inBanner(page, (root) => {
      const m = root.querySelector('.more');
      return { scrolls: m.scrollHeight > m.clientHeight, tabIndex: m.tabIndex, role: m.getAttribute('role'), name: m.getAttribute('aria-label') };
    });
    assert.equal(more.scrolls, true, 'TikTok’s measure lines outgrow the banner: it scrolls');
    assert.equal(more.tabIndex, 0);
    assert.equal(more.role, 'group');
    assert.match(more.name, /^The measures behind this verdict for TikTok/);
    // From the dismiss button, Tab reaches the list; the arrow key scrolls it.
    await inBanner(page, (root) => root.querySelector('.close').focus());
    await page.keyboard.press('Tab');
    assert.equal(await inBanner(page, (root) => root.activeElement?.className), 'more');
    await page.keyboard.press('ArrowDown');
    let scrolled = 0;
    for (let i = 0; i < 50 && !scrolled; i++) {
      scrolled = await inBanner(page, (root) => root.querySelector('.more').scrollTop);
      if (!scrolled) await page.waitForTimeout(50); // scrolling may be animated: wait for it to start
    }
    assert.ok(scrolled > 0, 'the arrow key scrolled the measures');
    await page.close();
  });
});

describe('axe-core on the badges of a Play list page, light and dark', () => {
  after(() => setReader(null));

  for (const [who, profiles] of [
    ['neutral', []],
    ['US federal', ['government:US']],
  ]) {
    test(`badges, ${who}`, async (t) => {
      await setReader(profiles);
      const page = await h.open(HOME.url, HOME.body());
      await h.reportFor(HOME.url);
      await page.waitForSelector(HOST('badge'), { state: 'attached' });
      const verdicts = await inOurShadowRoots(page, 'badge', (root) => root.querySelector('.badge').className);
      for (const colorScheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme });
        const report = await axeOnOurUi(page, 'badge');
        assert.deepEqual(serious(report), [], `badges (${who}), ${colorScheme}`);
        const contrast = report.passes.find((p) => p.id === 'color-contrast');
        assert.equal(contrast?.shadowNodes, verdicts.length, 'the contrast of every badge was measured');
        t.diagnostic(`axe, ${verdicts.length} badges (${[...new Set(verdicts)].join(', ')}), ${who}, ${colorScheme}: ${axeSummary(report)}`);
        await assertContrastBreakIsSeen(page, 'badge', '.badge');
      }
      // Label in name: each badge's accessible name starts with the words it shows.
      for (const b of await inOurShadowRoots(page, 'badge', (root) => {
        const e = root.querySelector('.badge');
        return { text: e.textContent, name: e.getAttribute('aria-label') };
      }))
        assert.ok(b.name.startsWith(`${b.text} — `), JSON.stringify(b));
      await page.close();
    });
  }
});

describe('the banner on a right-to-left page (html dir=rtl lang=ar)', () => {
  after(() => setReader(null));

  test('keeps its own language and direction, is not clipped at 1280 or 400 px, collapsed or expanded, and passes axe', async (t) => {
    await setReader([]);
    const url = `${CAMSCANNER.url}&hl=ar`;
    const page = await openWithBanner({ url, body: () => CAMSCANNER.body().replace(/<html[^>]*>/, '<html lang="ar" dir="rtl">') });
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).direction), 'rtl');
    const uiLanguage = await h.worker().evaluate(() => chrome.i18n.getUILanguage());
    const host = await page.evaluate((sel) => {
      const e = document.querySelector(sel);
      return { lang: e.lang, dir: e.dir };
    }, HOST('banner'));
    assert.deepEqual(host, { lang: uiLanguage, dir: 'ltr' }, 'the host sets our language and direction');
    const layout = () =>
      inBanner(page, (root) => {
        const box = (e) => {
          const r = e.getBoundingClientRect();
          return { x: r.x, y: r.y, right: r.right, bottom: r.bottom };
        };
        const bar = root.querySelector('section');
        return {
          vw: innerWidth,
          vh: innerHeight,
          direction: getComputedStyle(bar).direction,
          bar: box(bar),
          parts: [...root.querySelectorAll('.verdict, button, .more:not([hidden])')].map((e) => ({ what: e.className, ...box(e) })),
        };
      });
    for (const width of [1280, 400]) {
      await page.setViewportSize({ width, height: 900 });
      for (const open of [false, true]) {
        if ((await expanded(page)) !== open) await clickInBanner(page, 'button.toggle');
        const l = await layout();
        const where = `${width} px, ${open ? 'expanded' : 'collapsed'}: ${JSON.stringify(l)}`;
        assert.equal(l.direction, 'ltr', where);
        assert.ok(l.bar.x >= 0 && l.bar.right <= l.vw && l.bar.y >= 0 && l.bar.bottom <= l.vh, `the banner is inside the viewport at ${where}`);
        for (const p of l.parts) assert.ok(p.x >= l.bar.x && p.right <= l.bar.right && p.y >= l.bar.y && p.bottom <= l.bar.bottom, `${p.what} inside the banner at ${where}`);
        const buttons = l.parts.filter((p) => /toggle|details|close/.test(p.what));
        assert.equal(buttons.length, 3);
        for (let i = 0; i < buttons.length; i++) for (let j = i + 1; j < buttons.length; j++) assert.ok(buttons[i].right <= buttons[j].x || buttons[j].right <= buttons[i].x, `buttons apart at ${where}`);
        const [w, ht] = [l.bar.right - l.bar.x, l.bar.bottom - l.bar.y];
        t.diagnostic(`banner (CamScanner, neutral) on an RTL page, ${width} × ${l.vh}, ${open ? 'expanded' : 'collapsed'}: ${Math.round(w)} × ${Math.round(ht)} px, ${((100 * w * ht) / (l.vw * l.vh)).toFixed(1)}% of the window`);
        const report = await axeOnOurUi(page, 'banner');
        assert.deepEqual(serious(report), [], where);
        t.diagnostic(`axe, banner on an RTL page, ${width} px, ${open ? 'expanded' : 'collapsed'}: ${axeSummary(report)}`);
      }
    }
    await page.close();
  });
});
