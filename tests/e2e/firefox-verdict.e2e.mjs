// The verdict for the reader in firefox-esr, with the profile set by enterprise
// policy (policies.json → 3rdparty.Extensions → storage.managed), as an
// organization would set it: the managed profile decides the banner and badges.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launchFirefox, inBanner, inOurShadowRoots } from './firefox-harness.mjs';
import { TIKTOK, playListingFromCapture, readCaptured, requireBuild } from './pages.mjs';

requireBuild();
const ID = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')).browser_specific_settings.gecko.id;
const policyFor = (profiles) => ({ '3rdparty': { Extensions: { [ID]: { profiles } } } });

const CAMSCANNER = { pkg: 'com.intsig.camscanner', name: 'CamScanner - PDF Scanner App', developer: 'INTSIG Information Co.,Ltd' };
const HOME = 'https://play.google.com/store/apps?hl=en_US';

async function verdictOn(h, app) {
  const page = await h.open(`https://play.google.com/store/apps/details?id=${app.pkg}`, playListingFromCapture(app));
  await page.waitForSelector('[data-covered-apps="banner"]', { timeout: 15000 });
  const v = await inBanner(page, (root) => ({ verdict: root.querySelector('section').className.replace(/^bar /, ''), text: root.querySelector('.verdict').textContent }));
  await page.close();
  return v;
}

describe('a policy sets the profile: Texas state employees', () => {
  let h;
  before(async () => {
    h = await launchFirefox({ policies: policyFor(['government:US-TX']) });
  });
  after(() => h?.close());

  test('TikTok and CamScanner are both restricted for them', async () => {
    for (const app of [TIKTOK, CAMSCANNER]) {
      const v = await verdictOn(h, app);
      assert.equal(v.verdict, 'restricted-for-you', app.name);
      assert.match(v.text, /^Not allowed on your work devices — Texas prohibited technologies list \(Texas government devices\)/);
    }
  });
});

describe('a policy sets the profile: US federal employees', () => {
  let h;
  before(async () => {
    h = await launchFirefox({ policies: policyFor(['government:US']) });
  });
  after(() => h?.close());

  test('TikTok is restricted for them, CamScanner is not; the list page badges say the same', async () => {
    const tiktok = await verdictOn(h, TIKTOK);
    assert.equal(tiktok.verdict, 'restricted-for-you');
    assert.match(tiktok.text, /^Not allowed on your work devices — No TikTok on Government Devices Act \(federal devices\)/);
    const cam = await verdictOn(h, CAMSCANNER);
    assert.equal(cam.verdict, 'restricted-elsewhere');
    assert.match(cam.text, /^Restricted for others, not for you — /);

    const page = await h.open(HOME, readCaptured('google-play/store_apps_home_en_US.html'));
    await page.waitForSelector('[data-covered-apps="badge"]', { timeout: 15000 });
    const badges = await inOurShadowRoots(page, 'badge', (root) => {
      const b = root.querySelector('.badge');
      return { verdict: b.className.replace(/^badge /, ''), name: b.getAttribute('aria-label'), tag: b.tagName };
    });
    const of = (name) => badges.find((b) => b.name.includes(name));
    assert.equal(of('TikTok').verdict, 'restricted-for-you');
    assert.equal(of('CamScanner').verdict, 'restricted-elsewhere');
    assert.ok(badges.every((b) => b.tag === 'BUTTON'), 'badges are buttons (focusable, activatable)');
    await page.close();
  });
});

describe('no policy: the neutral view', () => {
  let h;
  before(async () => {
    h = await launchFirefox();
  });
  after(() => h?.close());

  test('nothing is said to bind the reader', async () => {
    for (const app of [TIKTOK, CAMSCANNER]) {
      const v = await verdictOn(h, app);
      assert.equal(v.verdict, 'restricted-elsewhere');
      assert.match(v.text, /^Restricted for some audiences — /);
    }
  });
});
