// The verdict for the person reading, in the built extension (dist/chrome) in
// Debian's Chromium: per profile on real-capture listings, the banner's geometry,
// keyboard use, and badges. Profiles are set as the options page sets them
// (storage.local `profiles`, profile keys).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromiumForFile, bannerText, inBanner, inOurShadowRoots } from './chromium-harness.mjs';
import { TIKTOK, playListingFromCapture, readCaptured, requireBuild } from './pages.mjs';

requireBuild();
const h = chromiumForFile();

const CAMSCANNER = { pkg: 'com.intsig.camscanner', name: 'CamScanner - PDF Scanner App', developer: 'INTSIG Information Co.,Ltd' };
const detailUrl = (app) => `https://play.google.com/store/apps/details?id=${app.pkg}`;
const HOME = 'https://play.google.com/store/apps?hl=en_US';
const HOME_CAPTURE = 'google-play/store_apps_home_en_US.html';

const PROFILES = {
  neutral: [],
  'US federal': ['government:US'],
  Texas: ['government:US-TX'],
  journalist: ['journalist'],
};

async function setProfiles(keys) {
  await h.worker().evaluate(async (keys) => {
    if (keys === null) await chrome.storage.local.remove('profiles');
    else await chrome.storage.local.set({ profiles: keys });
  }, keys);
  // the background reads them again on the change
  await new Promise((r) => setTimeout(r, 150));
}

/**
 * Ticks a profile row in the options page and picks its region, as a reader does; returns
 * the region's name as shown, once storage holds exactly that profile (the background reads it on the change).
 */
async function chooseInOptions(row, region) {
  await setProfiles([]); // none of these: the options page starts from no profile
  const options = await h.context.newPage();
  await options.goto(`chrome-extension://${h.extensionId}/extension/options/index.html`);
  await options.locator(`#profile-${row}`).check();
  await options.locator(`#profile-${row}-region`).selectOption(region);
  const shown = (await options.locator(`#profile-${row}-region option:checked`).textContent()).trim();
  const want = JSON.stringify([`${row}:${region}`]);
  const stored = async () => JSON.stringify((await h.worker().evaluate(() => chrome.storage.local.get('profiles'))).profiles);
  const deadline = Date.now() + 5000;
  while ((await stored()) !== want && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  assert.equal(await stored(), want);
  await options.close();
  await new Promise((r) => setTimeout(r, 150));
  return shown;
}

const openListing = (url, body) => h.openReported(url, body);

async function openDetail(app) {
  const r = await openListing(detailUrl(app), playListingFromCapture(app));
  await r.page.waitForSelector('[data-covered-apps="banner"]', { state: 'attached' });
  return r;
}

/** The banner's verdict: its class, its one line, and the text of its measure lines. */
const bannerVerdict = (page) =>
  inBanner(page, (root) => ({
    verdict: root.querySelector('section').className.replace(/^bar /, ''),
    text: root.querySelector('.verdict').textContent,
    lines: [...root.querySelectorAll('li')].map((li) => ({ text: li.textContent, effect: li.className })),
  }));

/** Badges: class (verdict), text and accessible name. */
const badges = (page) =>
  inOurShadowRoots(page, 'badge', (root) => {
    const b = root.querySelector('.badge');
    return { verdict: b.className.replace(/^badge /, ''), text: b.textContent, name: b.getAttribute('aria-label') };
  });

const badgeFor = (list, name) => list.find((b) => b.name.includes(name));

describe('verdicts per profile on real-capture listings', () => {
  after(() => setProfiles(null));

  test('US federal: TikTok is restricted for you, CamScanner is not', async () => {
    await setProfiles(PROFILES['US federal']);
    const tiktok = await openDetail(TIKTOK);
    const v = await bannerVerdict(tiktok.page);
    assert.equal(v.verdict, 'restricted-for-you');
    assert.match(v.text, /^Not allowed on your work devices — No TikTok on Government Devices Act \(federal devices\)/);
    assert.match(v.lines[0].text, /No TikTok on Government Devices Act.*applies to you$/, 'the measure that binds you comes first');
    assert.equal(tiktok.badge, '1');
    await tiktok.page.close();

    const cam = await openDetail(CAMSCANNER);
    const c = await bannerVerdict(cam.page);
    assert.equal(c.verdict, 'restricted-elsewhere');
    assert.match(c.text, /^Restricted for others, not for you — .*Texas/);
    assert.ok(!c.lines.some((l) => /applies to you/.test(l.text)));
    assert.equal(cam.badge, 'i', 'nothing on the page restricts you: the toolbar shows no count');
    await cam.page.close();

    const home = await openListing(HOME, readCaptured(HOME_CAPTURE));
    await home.page.waitForSelector('[data-covered-apps="badge"]', { state: 'attached' });
    const b = await badges(home.page);
    assert.equal(badgeFor(b, 'TikTok').verdict, 'restricted-for-you');
    assert.match(badgeFor(b, 'TikTok').text, /^For you · \d+$/);
    assert.equal(badgeFor(b, 'CamScanner').verdict, 'restricted-elsewhere');
    assert.equal(badgeFor(b, 'CamScanner').text, 'For others');
    // the toolbar counts the apps restricted for you, each once (TikTok; TikTok Lite is a build of it)
    assert.ok(!b.some((x) => x.name.includes('CamScanner') && x.verdict === 'restricted-for-you'));
    assert.equal(home.badge, String(b.filter((x) => x.verdict === 'restricted-for-you').length));
    await home.page.close();
  });

  test("the Department of Defense's procurement, chosen in options: AliExpress (Alibaba on the 1260H list, §805 in force) is not allowed in your procurement; CamScanner is not for you", async () => {
    assert.match(await chooseInOptions('procurement', 'US-DOD'), /Department of Defense/);

    const aliexpress = await openDetail({ pkg: 'com.alibaba.aliexpresshd', name: 'AliExpress - Shopping App', developer: 'Alibaba Mobile' });
    const v = await bannerVerdict(aliexpress.page);
    assert.equal(v.verdict, 'restricted-for-you');
    assert.equal(v.text, 'Not allowed in your procurement — DoD Section 1260H list and NDAA FY2024 §805 (Department of Defense contracting)');
    assert.match(v.lines[0].text, /DoD Section 1260H list.*applies to you$/);
    assert.equal(aliexpress.badge, '1');
    await aliexpress.page.close();

    const cam = await openDetail(CAMSCANNER);
    const c = await bannerVerdict(cam.page);
    assert.equal(c.verdict, 'restricted-elsewhere');
    assert.equal(cam.badge, 'i');
    await cam.page.close();
  });

  test("a government outside the US, chosen in options (the Czech Republic): DeepSeek is not allowed on your work devices, TikTok is not restricted for you", async () => {
    assert.equal(await chooseInOptions('government', 'CZ'), 'Czech Republic');

    const deepseek = await openDetail({ pkg: 'com.deepseek.chat', name: 'DeepSeek - AI Assistant', developer: 'Hangzhou DeepSeek Artificial Intelligence Co., Ltd.' });
    const v = await bannerVerdict(deepseek.page);
    assert.equal(v.verdict, 'restricted-for-you');
    assert.equal(v.text, 'Not allowed on your work devices — Czech state-administration DeepSeek ban (the Czech Republic government devices)');
    assert.match(v.lines[0].text, /Czech government's state-administration DeepSeek ban \(July 9, 2025\).*applies to you$/);
    assert.equal(deepseek.badge, '1');
    await deepseek.page.close();

    const tiktok = await openDetail(TIKTOK);
    const t = await bannerVerdict(tiktok.page);
    assert.notEqual(t.verdict, 'restricted-for-you');
    assert.ok(!t.lines.some((l) => /applies to you/.test(l.text)));
    await tiktok.page.close();
  });

  test('Texas: both are restricted for you', async () => {
    await setProfiles(PROFILES.Texas);
    for (const app of [TIKTOK, CAMSCANNER]) {
      const { page, badge } = await openDetail(app);
      const v = await bannerVerdict(page);
      assert.equal(v.verdict, 'restricted-for-you', app.name);
      assert.match(v.text, /^Not allowed on your work devices — Texas prohibited technologies list \(Texas government devices\)/);
      assert.equal(badge, '1');
      await page.close();
    }
    const home = await openListing(HOME, readCaptured(HOME_CAPTURE));
    await home.page.waitForSelector('[data-covered-apps="badge"]', { state: 'attached' });
    const b = await badges(home.page);
    assert.equal(badgeFor(b, 'TikTok').verdict, 'restricted-for-you');
    assert.equal(badgeFor(b, 'CamScanner').verdict, 'restricted-for-you');
    await home.page.close();
  });

  test('journalist: everything — every measure line, history included, and nothing said to bind them', async () => {
    await setProfiles(PROFILES.journalist);
    const cam = await openDetail(CAMSCANNER);
    const v = await bannerVerdict(cam.page);
    assert.equal(v.verdict, 'restricted-elsewhere');
    assert.match(v.text, /^Restricted for some audiences — /);
    assert.ok(v.lines.some((l) => l.effect === 'not-in-force' && /Executive Order 13971/.test(l.text)), 'history is listed');
    assert.ok(v.lines.some((l) => l.effect === 'restricts' && /Texas/.test(l.text)));
    assert.equal(cam.badge, '1', 'every restriction counts');
    await cam.page.close();
    const tiktok = await openDetail(TIKTOK);
    assert.match((await bannerVerdict(tiktok.page)).text, /^Restricted for some audiences — federal devices; /);
    await tiktok.page.close();
  });

  test('neutral (nothing chosen): implies nothing about the reader', async () => {
    await setProfiles(null);
    for (const app of [TIKTOK, CAMSCANNER]) {
      const { page } = await openDetail(app);
      const v = await bannerVerdict(page);
      assert.equal(v.verdict, 'restricted-elsewhere');
      assert.doesNotMatch(v.text, /\byou(r)?\b/i);
      assert.ok(!v.lines.some((l) => /applies to you/.test(l.text)));
      await page.close();
    }
    const home = await openListing(HOME, readCaptured(HOME_CAPTURE));
    await home.page.waitForSelector('[data-covered-apps="badge"]', { state: 'attached' });
    for (const b of await badges(home.page)) assert.doesNotMatch(b.text, /you/i);
    await home.page.close();
  });
});

/** Our banner's box (the section), in CSS pixels of the viewport. */
const bannerBox = (page) =>
  inBanner(page, (root) => {
    const r = root.querySelector('section').getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height, right: r.right, bottom: r.bottom };
  });

/** The page's first focusable element that is drawn, and its box. */
const firstFocusable = (page) =>
  page.evaluate(() => {
    for (const e of document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')) {
      if (e.closest('[data-covered-apps]') || e.tabIndex < 0) continue;
      const r = e.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) return { tag: e.tagName, x: r.x, y: r.y, right: r.right, bottom: r.bottom };
    }
    return null;
  });

const overlaps = (a, b) => a.x < b.right && b.x < a.right && a.y < b.bottom && b.y < a.bottom;

describe('the banner: geometry, keyboard, language and direction', () => {
  before(() => setProfiles(PROFILES['US federal']));
  after(() => setProfiles(null));

  test('collapsed: one line ≤ 48 px at 1280 px, ≤ 15% of a 400 px window and at 200% zoom, over no first control', async () => {
    const { page } = await openDetail(TIKTOK);
    const share = async () => {
      const box = await bannerBox(page);
      const vp = await page.evaluate(() => ({ w: innerWidth, h: innerHeight }));
      return { box, share: (box.width * box.height) / (vp.w * vp.h), vp };
    };
    await page.waitForTimeout(100);
    const wide = await share();
    assert.ok(wide.box.height <= 48, `collapsed height at 1280 px: ${wide.box.height}`);
    assert.ok(wide.box.bottom <= wide.vp.h && wide.box.right <= wide.vp.w && wide.box.x >= 0, 'inside the viewport');
    const first = await firstFocusable(page);
    assert.ok(first, 'the page has a focusable element');
    assert.ok(!overlaps(wide.box, first), `no overlap with the first focusable page element (${first.tag})`);
    await page.screenshot({ path: '/tmp/vd/banner-1280.png' });

    await page.setViewportSize({ width: 400, height: 900 });
    await page.waitForTimeout(100);
    const narrow = await share();
    assert.ok(narrow.share <= 0.15, `share of a 400 px window: ${(narrow.share * 100).toFixed(1)}%`);
    assert.ok(narrow.box.height <= 48, `collapsed height at 400 px: ${narrow.box.height}`);
    assert.ok(!overlaps(narrow.box, await firstFocusable(page)));
    await page.screenshot({ path: '/tmp/vd/banner-400.png' });

    // 200% zoom: the CSS viewport is half the window's pixels in each direction (1280×900 at 2×).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 640, height: 450, deviceScaleFactor: 2, mobile: false });
    await page.waitForTimeout(100);
    const zoomed = await share();
    assert.ok(zoomed.share <= 0.15, `share at 200% zoom: ${(zoomed.share * 100).toFixed(1)}%`);
    assert.ok(!overlaps(zoomed.box, await firstFocusable(page)));
    await page.screenshot({ path: '/tmp/vd/banner-zoom.png' });
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 400, height: 450, deviceScaleFactor: 2, mobile: false });
    await page.waitForTimeout(100);
    const both = await share();
    assert.ok(both.share <= 0.15, `share of a 400 px window at 200% zoom: ${(both.share * 100).toFixed(1)}%`);
    console.log(
      `# banner geometry: ${wide.box.width}×${wide.box.height} at 1280×900 (${(wide.share * 100).toFixed(1)}%), ` +
        `${narrow.box.width}×${narrow.box.height} at 400×900 (${(narrow.share * 100).toFixed(1)}%), ` +
        `${zoomed.box.width}×${zoomed.box.height} at 200% (${(zoomed.share * 100).toFixed(1)}%), ${(both.share * 100).toFixed(1)}% at 400 px and 200%`,
    );
    await cdp.detach();
    await page.close();
  });

  test('keyboard: reach the banner, expand, collapse with Escape, dismiss', async () => {
    const { page } = await openDetail(TIKTOK);
    // The banner comes last in the document: from the top, Shift+Tab reaches its last button.
    await page.evaluate(() => document.activeElement?.blur());
    const focused = () =>
      inBanner(page, (root) => {
        const a = root.activeElement;
        return a ? { cls: a.className, name: a.getAttribute('aria-label'), expanded: a.getAttribute('aria-expanded') } : null;
      });
    await page.keyboard.press('Shift+Tab');
    let f = await focused();
    assert.equal(f?.cls, 'close');
    assert.match(f.name, /^Dismiss the Covered Apps notice about TikTok .* for this browser session$/);
    await page.keyboard.press('Shift+Tab');
    f = await focused();
    assert.equal(f.cls, 'details');
    assert.match(f.name, /^Open the Covered Apps details for TikTok/);
    await page.keyboard.press('Shift+Tab');
    f = await focused();
    assert.equal(f.cls, 'toggle');
    assert.equal(f.expanded, 'false');
    const moreShown = () => inBanner(page, (root) => !root.querySelector('.more').hidden && root.querySelector('.more').getBoundingClientRect().height > 0);
    assert.equal(await moreShown(), false, 'drawn collapsed');
    await page.keyboard.press('Enter');
    assert.equal((await focused()).expanded, 'true');
    assert.equal(await moreShown(), true);
    // expanded: the measure lines, in force and binding you first, each styled by its own status
    const lines = await inBanner(page, (root) => [...root.querySelectorAll('li')].map((li) => li.className));
    assert.equal(lines[0], 'restricts');
    assert.deepEqual(lines, [...lines].sort((a, b) => ['restricts', 'not-in-force', 'related'].indexOf(a) - ['restricts', 'not-in-force', 'related'].indexOf(b)));
    const expandedBox = await bannerBox(page);
    assert.ok(expandedBox.y >= 0, 'expanded, it stays inside the viewport');
    await page.screenshot({ path: '/tmp/vd/banner-expanded.png' });
    await page.keyboard.press('Escape');
    assert.equal(await moreShown(), false, 'Escape collapses');
    f = await focused();
    assert.equal(f.cls, 'toggle', 'the focus stays on the toggle');
    assert.equal(f.expanded, 'false');
    // a live region announces the verdict, politely, once
    const live = await inBanner(page, (root) => {
      const r = root.querySelector('[aria-live]');
      return { polite: r.getAttribute('aria-live'), text: r.textContent };
    });
    assert.equal(live.polite, 'polite');
    assert.match(live.text, /^Covered Apps: Not allowed on your work devices/);
    // dismiss with the keyboard
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal((await focused()).cls, 'close');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.querySelector('[data-covered-apps="banner"]'));
    assert.equal(await bannerText(page), null);
    await h.worker().evaluate(() => chrome.storage.session.remove('dismissed'));
    await page.close();
  });

  test('an RTL page in another language: our host keeps our language and direction, nothing clipped', async () => {
    const body = playListingFromCapture(CAMSCANNER).replace(/<html[^>]*>/, '<html lang="ar" dir="rtl" style="direction: rtl">');
    const url = `${detailUrl(CAMSCANNER)}&hl=ar`;
    const { page } = await openListing(url, body);
    await page.waitForSelector('[data-covered-apps="banner"]', { state: 'attached' });
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    const host = await page.evaluate(() => {
      const e = document.querySelector('[data-covered-apps="banner"]');
      return { lang: e.lang, dir: e.dir };
    });
    assert.deepEqual(host, { lang: 'en-US', dir: 'ltr' });
    const inside = await inBanner(page, (root) => {
      const s = root.querySelector('section');
      const v = root.querySelector('.verdict');
      const box = (r) => ({ x: r.x, right: r.right, y: r.y, bottom: r.bottom });
      return { dir: getComputedStyle(s).direction, lang: s.lang, text: box(v.getBoundingClientRect()), bar: box(s.getBoundingClientRect()), vw: innerWidth };
    });
    assert.equal(inside.dir, 'ltr');
    assert.ok(inside.bar.x >= 0 && inside.bar.right <= inside.vw, `the bar is inside the viewport: ${JSON.stringify(inside)}`);
    assert.ok(inside.text.x >= inside.bar.x && inside.text.right <= inside.bar.right, 'its text is not clipped out of the bar');
    await page.close();
  });
});

describe('badges: compact, focusable, they open the details for their listing', () => {
  before(() => setProfiles(PROFILES['US federal']));
  after(() => setProfiles(null));

  test('an icon-height pill inside its card, reached with Tab, Enter opens the details for that listing', async () => {
    const { page, tabId } = await openListing(HOME, readCaptured(HOME_CAPTURE));
    await page.waitForSelector('[data-covered-apps="badge"]', { state: 'attached' });
    // geometry: every badge is 16–20 px tall, narrower than its card, and covers neither the card's icon nor its title
    const geo = await page.evaluate(() =>
      [...document.querySelectorAll('[data-covered-apps="badge"]')].map((host) => {
        const card = host.parentElement;
        const r = host.getBoundingClientRect();
        const c = card.getBoundingClientRect();
        const img = card.querySelector('img')?.getBoundingClientRect();
        return { badge: { x: r.x, y: r.y, right: r.right, bottom: r.bottom, h: r.height, w: r.width }, card: { w: c.width }, img: img && { x: img.x, y: img.y, right: img.right, bottom: img.bottom } };
      }),
    );
    assert.ok(geo.length >= 2);
    for (const g of geo) {
      assert.ok(g.badge.h >= 14 && g.badge.h <= 20, `icon height: ${g.badge.h}`);
      assert.ok(g.badge.w <= g.card.w, `narrower than its card: ${g.badge.w} ≤ ${g.card.w}`);
    }
    console.log(`# badges: ${geo.map((g) => `${Math.round(g.badge.w)}×${Math.round(g.badge.h)} on a ${Math.round(g.card.w)} px card`).join('; ')}`);
    await page.screenshot({ path: '/tmp/vd/badges.png' });

    // Tab through the page until a badge has the focus (at most 400 presses).
    let name;
    for (let i = 0; i < 400 && !name; i++) {
      await page.keyboard.press('Tab');
      name = await page.evaluate(() => (document.activeElement?.getAttribute('data-covered-apps') === 'badge' ? 'badge' : undefined));
    }
    assert.equal(name, 'badge', 'a badge is reached with Tab');
    const focusedBadge = await inOurShadowRoots(page, 'badge', (root) => (root.activeElement ? root.activeElement.getAttribute('aria-label') : null));
    const label = focusedBadge.find(Boolean);
    assert.match(label, /^.+ — Covered Apps, .+: .+\. Open details$/);
    const before = await h.worker().evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['POPUP', 'TAB'] })).filter((c) => c.documentUrl?.includes('/extension/popup/')).length);
    await page.keyboard.press('Enter');
    let opened = before;
    for (let i = 0; i < 50 && opened === before; i++) {
      await page.waitForTimeout(100);
      opened = await h.worker().evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['POPUP', 'TAB'] })).filter((c) => c.documentUrl?.includes('/extension/popup/')).length);
    }
    assert.equal(opened, before + 1, 'the details opened');
    const focus = await h.worker().evaluate(async () => (await chrome.storage.session.get('popupFocus')).popupFocus);
    assert.equal(focus.tabId, tabId);
    assert.match(focus.key, /^google-play:/, 'for that listing');
    assert.ok(label.includes(focus.key.includes('zhiliaoapp') || focus.key.includes('tiktok') ? 'TikTok' : ''), 'the listing whose badge was activated');
    await page.close();
  });
});
