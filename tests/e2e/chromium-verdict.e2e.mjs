// The verdict for the person reading, in the built extension (dist/chrome) in
// Debian's Chromium: per profile on real-capture listings, the banner's geometry,
// keyboard use, and badges. Profiles are set as the options page sets them
// (storage.local `profiles`, profile keys).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, bannerText, inBanner, inOurShadowRoots } from './chromium-harness.mjs';
import { playListingFromCapture, readCaptured, requireBuild } from './pages.mjs';

requireBuild();
let h;
before(async () => {
  h = await launchChromium();
});
after(async () => {
  await h?.close();
});

const TIKTOK = { pkg: 'com.zhiliaoapp.musically', name: 'TikTok', developer: 'TikTok Pte. Ltd.' };
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
