// Issue 11: the verdict follows the reader. Pages already open when the reader
// changes "Who are you?" on the options page redraw their banner (verdict,
// colour, the announcement), their card badges and the toolbar count, without
// a reload. Debian's Chromium, the built extension (dist/chrome), real
// captures: a Play detail page turned into TikTok's listing, and the Play home.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromiumForFile, inBanner, inOurShadowRoots, clickInBanner } from './chromium-harness.mjs';
import { TIKTOK, playListingFromCapture, readCaptured, requireBuild } from './pages.mjs';

requireBuild();
const h = chromiumForFile();

const DETAIL = `https://play.google.com/store/apps/details?id=${TIKTOK.pkg}`;
const HOME = 'https://play.google.com/store/apps?hl=en_US';

const bannerState = (page) =>
  inBanner(page, (root) => ({
    verdict: root.querySelector('section').className.replace(/^bar /, '').replace(/ expanded$/, ''),
    expanded: root.querySelector('.toggle').getAttribute('aria-expanded'),
    text: root.querySelector('.verdict').textContent,
    live: root.querySelector('[aria-live]').textContent,
    colour: getComputedStyle(root.querySelector('section')).borderTopColor,
  }));

const badges = (page) =>
  inOurShadowRoots(page, 'badge', (root) => {
    const b = root.querySelector('.badge');
    return { verdict: b.className.replace(/^badge /, ''), text: b.textContent, name: b.getAttribute('aria-label') };
  });

const toolbar = (tabId) => h.worker().evaluate((tabId) => chrome.action.getBadgeText({ tabId }), tabId);

/** Polls `read` until `ok(value)` holds (or 10 s pass), and returns the last value read. */
async function until(read, ok) {
  let v;
  for (let i = 0; i < 100; i++) {
    v = await read();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  return v;
}

/** A mark in the page's own world: a reload would lose it. */
const mark = (page) => page.evaluate(() => (window.__coveredAppsTestMark = 'not reloaded'));
const marked = (page) => page.evaluate(() => window.__coveredAppsTestMark);

describe('a profile chosen while pages are open: their verdicts follow, without a reload', () => {
  test('neutral → US federal → the public in the US: the TikTok banner, the home page badges and both toolbar counts follow', async () => {
    assert.equal(await h.worker().evaluate(async () => (await chrome.storage.local.get('profiles')).profiles), undefined, 'the neutral view to start');
    const detail = await h.openReported(DETAIL, playListingFromCapture(TIKTOK));
    await detail.page.waitForSelector('[data-covered-apps="banner"]', { state: 'attached' });
    const home = await h.openReported(HOME, readCaptured('google-play/store_apps_home_en_US.html'));
    await home.page.waitForSelector('[data-covered-apps="badge"]', { state: 'attached' });
    await mark(detail.page);
    await mark(home.page);

    // Neutral: nothing says the reader is bound; every restriction counts.
    const neutral = await bannerState(detail.page);
    assert.equal(neutral.verdict, 'restricted-elsewhere');
    assert.match(neutral.text, /^Restricted for some audiences — /);
    assert.equal(detail.badge, '1');
    const neutralBadges = await badges(home.page);
    const tiktokBadge = (list) => list.find((b) => /— Covered Apps, TikTok\b/.test(b.name) && !/Lite/.test(b.name));
    assert.match(tiktokBadge(neutralBadges).text, /^In force · \d+$/);
    assert.ok(Number(home.badge) >= 2, `neutral toolbar count on the home page: ${home.badge}`);
    // The reader expands the banner: it stays expanded across the redraw.
    await clickInBanner(detail.page, '.toggle');
    assert.equal((await bannerState(detail.page)).expanded, 'true');

    // Options: "Who are you?" → US federal employee or contractor.
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/extension/options/index.html`);
    await options.locator('#profile-federal').check();

    const federal = await until(() => bannerState(detail.page), (v) => v.verdict === 'restricted-for-you');
    assert.equal(federal.verdict, 'restricted-for-you', 'the open banner says restricted for you');
    assert.match(federal.text, /^Not allowed on your work devices — No TikTok on Government Devices Act \(federal devices\)/);
    assert.notEqual(federal.colour, neutral.colour, 'its colour follows the verdict');
    assert.equal(federal.expanded, 'true', 'still expanded');
    assert.match(await until(() => bannerState(detail.page).then((v) => v.live), (t) => /Not allowed/.test(t)), /^Covered Apps: Not allowed on your work devices/, 'the new verdict is announced');
    assert.equal(await toolbar(detail.tabId), '1');
    const fedBadges = await until(() => badges(home.page), (l) => tiktokBadge(l)?.verdict === 'restricted-for-you');
    assert.match(tiktokBadge(fedBadges).text, /^For you · \d+$/);
    const camFed = fedBadges.find((b) => /CamScanner/.test(b.name));
    assert.equal(camFed.verdict, 'restricted-elsewhere');
    assert.equal(camFed.text, 'For others');
    assert.equal(fedBadges.length, neutralBadges.length, 'one badge per card, redrawn in place');
    const forYou = fedBadges.filter((b) => b.verdict === 'restricted-for-you').length;
    assert.equal(await until(() => toolbar(home.tabId), (t) => t === String(forYou)), String(forYou), 'the home toolbar counts what restricts a federal employee');

    // A profile that does not bind TikTok: the public in the US.
    await options.locator('#profile-federal').uncheck();
    await options.locator('#profile-public').check();
    assert.deepEqual(await h.worker().evaluate(async () => (await chrome.storage.local.get('profiles')).profiles), ['public:US']);
    // (Unticking saved the neutral view for a moment: wait for the words of the public's verdict.)
    const pub = await until(() => bannerState(detail.page), (v) => /^Restricted for others/.test(v.text));
    assert.equal(pub.verdict, 'restricted-elsewhere');
    assert.match(pub.text, /^Restricted for others, not for you — /);
    assert.notEqual(pub.colour, federal.colour);
    assert.equal(await until(() => toolbar(detail.tabId), (t) => t === 'i'), 'i', 'nothing on the page restricts the reader: no count');
    const pubBadges = await until(() => badges(home.page), (l) => tiktokBadge(l)?.text === 'For others');
    assert.equal(tiktokBadge(pubBadges).text, 'For others');
    const pubForYou = pubBadges.filter((b) => b.verdict === 'restricted-for-you').length;
    const expected = pubForYou ? String(pubForYou) : 'i';
    assert.equal(await until(() => toolbar(home.tabId), (t) => t === expected), expected);

    // Back to the neutral view ("none of these"): the first words again.
    await options.locator('#profile-public').uncheck();
    const back = await until(() => bannerState(detail.page), (v) => /^Restricted for some audiences/.test(v.text));
    assert.equal(back.text, neutral.text);
    assert.equal(await until(() => toolbar(detail.tabId), (t) => t === '1'), '1');
    assert.deepEqual(
      (await until(() => badges(home.page), (l) => tiktokBadge(l)?.text === tiktokBadge(neutralBadges).text)).map((b) => b.text).sort(),
      neutralBadges.map((b) => b.text).sort(),
    );

    // No reload, no navigation: the same documents all along.
    assert.equal(await marked(detail.page), 'not reloaded');
    assert.equal(await marked(home.page), 'not reloaded');
    await options.close();
    await detail.page.close();
    await home.page.close();
    await h.worker().evaluate(() => chrome.storage.local.remove('profiles'));
  });
});
