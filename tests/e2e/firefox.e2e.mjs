// The built extension (dist/firefox) in Debian's firefox-esr over WebDriver BiDi.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launchFirefox, bannerLook, bannerText, badgeCount, centreInBanner, clickInBanner, inBanner, shadowModes } from './firefox-harness.mjs';
import { HIDING, NAMED_ELEMENTS, SHOWN, STRICT_CSP, assertBannerUnderStrictCsp, hostilePage, hostileUrl, whatThePageShows } from './hostile-pages.mjs';
import { cleanCaptures, ownCases, playListingFromCapture, readCaptured, requireBuild } from './pages.mjs';

requireBuild();
let h;
before(async () => {
  h = await launchFirefox();
});
after(async () => {
  await h?.close();
});

const open = (url, body) => h.open(url, body);

/** Waits until the content script has scanned (it marks nothing on clean pages, so wait a beat). */
async function settle(page, ms = 700) {
  await new Promise((r) => setTimeout(r, ms));
  return page;
}

/**
 * Proves the content script is alive on a page we found clean: a covered
 * store link appended later (as infinite scroll would) must get a badge.
 */
async function assertAliveAfterCleanScan(page, pkg = 'com.intsig.camscanner') {
  await page.evaluate((pkg) => {
    const card = document.createElement('div');
    const a = document.createElement('a');
    a.href = `https://play.google.com/store/apps/details?id=${pkg}`;
    a.textContent = 'CamScanner';
    card.append(a);
    document.body.append(card);
  }, pkg);
  await page.waitForSelector('[data-covered-apps="badge"]', { timeout: 10000 });
}

describe('Firefox', () => {
  test('a covered Google Play listing (built from a real capture) gets the banner', async () => {
    const page = await open(
      'https://play.google.com/store/apps/details?id=com.intsig.camscanner',
      playListingFromCapture({ pkg: 'com.intsig.camscanner', name: 'CamScanner - PDF Scanner App', developer: 'INTSIG Information Co.,Ltd' }),
    );
    await page.waitForSelector('[data-covered-apps="banner"]', { timeout: 10000 });
    const text = await bannerText(page);
    assert.match(text, /CamScanner is named in US Executive Order 13971 \(Jan 5, 2021\) — never implemented; revoked June 9, 2021/);
    assert.match(text, /Google Play package id com\.intsig\.camscanner in the URL/);
    assert.equal(await page.$eval('h1', (e) => e.textContent), 'CamScanner - PDF Scanner App');
    await page.close();
  });

  for (const [url, file] of cleanCaptures.slice(0, 3)) {
    test(`clean real capture stays untouched: ${file}`, async () => {
      const page = await settle(await open(url, readCaptured(file)));
      assert.equal(await page.evaluate(() => document.querySelectorAll('[data-covered-apps]').length), 0);
      await assertAliveAfterCleanScan(page);
      await page.close();
    });
  }

  // Apple, APKMirror and a vendor site (own fixtures), when their adapters are registered.
  for (const c of ownCases().filter((c) => ['apple-app-store', 'apkmirror', 'vendor', 'google-play'].includes(c.site))) {
    test(`${c.site}: ${c.file} (${c.covered.length ? 'covered' : 'clean'})`, async () => {
      const page = await open(c.url, c.body);
      if (c.covered.length === 0) {
        await settle(page);
        assert.equal(await page.evaluate(() => document.querySelectorAll('[data-covered-apps]').length), 0);
        await assertAliveAfterCleanScan(page);
      } else {
        await page.waitForSelector('[data-covered-apps]', { timeout: 10000 });
        assert.ok((await bannerText(page)) !== null || (await badgeCount(page)) > 0);
        if (c.banner === false) assert.equal(await bannerText(page), null, 'a page about an innocent app: badge only, no page banner');
      }
      await page.close();
    });
  }
});

describe('Firefox: dynamic pages (tests/fixtures/dynamic/play-spa.html)', () => {
  const spa = readFileSync(new URL('../fixtures/dynamic/play-spa.html', import.meta.url), 'utf8');
  test('infinite scroll badges and history-API navigation', async () => {
    const page = await open('https://play.google.com/store/search?q=office&c=apps', spa);
    await page.evaluate(() => window.playDemo.scroll(5, 20, 100));
    await page.waitForFunction(() => document.querySelectorAll('[data-covered-apps="badge"]').length === 2, { timeout: 10000 });
    await page.evaluate(() => window.playDemo.goto('/store/apps/details?id=com.intsig.camscanner', 'CamScanner - PDF Scanner App', 'com.intsig.camscanner', 'INTSIG Information Co.,Ltd'));
    await page.waitForSelector('[data-covered-apps="banner"]', { timeout: 10000 });
    assert.match(await bannerText(page), /CamScanner is named in US Executive Order 13971/);
    await page.evaluate(() => window.playDemo.goto('/store/apps/details?id=com.mojang.minecraftpe', 'Minecraft', 'com.mojang.minecraftpe', 'Mojang'));
    await page.waitForFunction(() => !document.querySelector('[data-covered-apps]'), { timeout: 10000 });
    await page.close();
  });
});

describe("Firefox: hostile pages, the page's own script goes after the banner (tests/e2e/hostile-pages.mjs)", () => {
  const openHostile = (attack, spec) => open(hostileUrl(attack), hostilePage(spec));
  const banner = (page) => page.waitForSelector('[data-covered-apps="banner"]', { timeout: 10000 });

  // A content script runs in its own sandbox, under the extension's policy, not the page's: a page's policy must not stop or unstyle it.
  test("a page whose Content-Security-Policy allows no script or style but its own (nothing inline) still gets its banner, styled", async () => {
    const url = hostileUrl('csp');
    h.serve(url, hostilePage({}), undefined, { 'content-security-policy': STRICT_CSP });
    const page = await h.newPage();
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    // (Computed styles only: Firefox gives our sheet the extension's principal, so its rules are not readable from the page's realm.)
    await assertBannerUnderStrictCsp(page, { waitBanner: banner, bannerText, bannerLook });
    await page.close();
  });

  test('page elements named "browser" and "chrome" (before and after our script) do not silence it; the banner is in a closed root', async () => {
    const page = await openHostile('named', {
      html: NAMED_ELEMENTS,
      script: `onBanner(() => {
        document.body.insertAdjacentHTML('beforeend', ${JSON.stringify(NAMED_ELEMENTS)});
        attack.done = true;
      });`,
    });
    await banner(page);
    assert.match(await bannerText(page), /CamScanner \(INTSIG/);
    assert.equal(await page.evaluate(() => document.querySelector('[data-covered-apps="banner"]').shadowRoot), null);
    await page.waitForFunction(() => window.attack.done, { timeout: 10000 });
    // A card added after the named elements gets its badge: its words came from the background.
    await assertAliveAfterCleanScan(page, 'com.tencent.mm');
    assert.deepEqual(await shadowModes(page), ['closed', 'closed'], 'banner and badge');
    await page.close();
  });

  for (const [how, spec] of Object.entries(HIDING)) {
    test(`hidden or covered by the page (${how}): the banner stays visible on top`, async () => {
      const page = await openHostile(`${how.replace(/\W+/g, '-')}`, spec);
      await banner(page);
      if (spec.script) await page.waitForFunction(() => window.attack.done, { timeout: 10000 });
      await settle(page, 200);
      const at = await centreInBanner(page, 'section');
      assert.deepEqual(await page.evaluate(whatThePageShows, at), SHOWN);
      await page.close();
    });
  }

  test('a page that keeps removing the banner: put back 10 times, then left alone', async () => {
    const page = await openHostile('remove-forever', {
      script: `attack.removed = 0; onBanner((host) => { attack.removed++; host.remove(); }, { every: true });`,
    });
    await page.waitForFunction(() => window.attack.removed > 0, { timeout: 10000 });
    await settle(page, 1000);
    assert.equal(await page.evaluate(() => window.attack.removed), 11, 'drawn once, put back 10 times');
    await page.close();
  });

  // Last: the dismissal lasts for the browser session (no other test here may expect this banner after it).
  test('scripted clicks do nothing; a real click on × dismisses for the session', async () => {
    const page = await openHostile('clicks', {
      script: `onBanner((host) => {
        for (let i = 0; i < 5; i++) {
          host.click();
          host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
          host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        }
        setTimeout(() => { document.elementFromPoint(innerWidth - 20, innerHeight - 20).click(); attack.done = true; }, 100);
      });`,
    });
    await banner(page);
    await page.waitForFunction(() => window.attack.done, { timeout: 10000 });
    // Even a script holding our buttons themselves (this test does, over BiDi) cannot click them.
    await inBanner(page, (root) => {
      for (const b of root.querySelectorAll('button')) b.click();
    });
    await settle(page, 500);
    assert.match(await bannerText(page), /CamScanner \(INTSIG/, 'not dismissed');
    await clickInBanner(page, 'button.close');
    await page.waitForFunction(() => !document.querySelector('[data-covered-apps="banner"]'), { timeout: 10000 });
    await page.reload({ waitUntil: 'domcontentloaded' });
    await settle(page, 1500);
    assert.equal(await bannerText(page), null, 'still dismissed after a reload');
    await page.close();
  });
});
