// npm run screenshots: the extension's surfaces, light and dark, at 1280 px and
// 400 px wide, to docs/screenshots/ (the README shows them). Builds first unless
// --no-build. Pages are served locally at their real URLs from the repository's
// captures, as in the e2e tests: nothing is fetched.
//   banner-collapsed, banner-expanded: a covered app's Google Play page (TikTok)
//   list-badges: the Google Play home capture (covered cards badged)
//   popup: the popup for the TikTok page (summary first), and with one app's details open
//   options: the options page
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

if (!process.argv.includes('--no-build')) execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
const { launchChromium, inBanner, centreInBanner } = await import('../tests/e2e/chromium-harness.mjs');
const { playListingFromCapture, readCaptured, realCaptures } = await import('../tests/e2e/pages.mjs');

const out = resolve('docs', 'screenshots');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const WIDTHS = [1280, 400];
const HEIGHT = { 1280: 800, 400: 800 };
const SCHEMES = ['light', 'dark'];

const tiktok = {
  url: 'https://play.google.com/store/apps/details?id=com.zhiliaoapp.musically',
  body: playListingFromCapture({ pkg: 'com.zhiliaoapp.musically', name: 'TikTok - Videos, Shop &amp; LIVE', developer: 'TikTok Pte. Ltd.' }),
};
const [homeUrl, homeFile] = realCaptures.find(([, file]) => file.includes('store_apps_home'));
const list = { url: homeUrl, body: readCaptured(homeFile) };

const h = await launchChromium();
h.serve(tiktok.url, tiktok.body);
h.serve(list.url, list.body);
const shot = (page, name) => page.screenshot({ path: join(out, `${name}.png`) });

try {
  for (const scheme of SCHEMES) {
    for (const width of WIDTHS) {
      const tag = `${scheme}-${width}`;
      const page = await h.context.newPage();
      await page.setViewportSize({ width, height: HEIGHT[width] });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(tiktok.url, { waitUntil: 'domcontentloaded' });
      const { tabId } = await h.reportFor(tiktok.url);
      await page.waitForSelector('[data-covered-apps="banner"]', { state: 'attached' });
      await page.waitForTimeout(300);
      await shot(page, `banner-collapsed-${tag}`);
      // Expanded: the banner's own expand control, when it has one (a collapsed banner's aria-expanded="false").
      const expander = await inBanner(page, (root) => !!root.querySelector('[aria-expanded="false"]'));
      if (expander) {
        const at = await centreInBanner(page, '[aria-expanded="false"]');
        await page.mouse.click(at.x, at.y);
        await page.waitForTimeout(200);
      }
      await shot(page, `banner-expanded-${tag}`);

      const listPage = await h.context.newPage();
      await listPage.setViewportSize({ width, height: HEIGHT[width] });
      await listPage.emulateMedia({ colorScheme: scheme });
      await listPage.goto(list.url, { waitUntil: 'domcontentloaded' });
      await h.reportFor(list.url);
      await listPage.waitForSelector('[data-covered-apps="badge"]', { state: 'attached' });
      // The first badged card in view.
      await listPage.evaluate(() => document.querySelector('[data-covered-apps="badge"]')?.scrollIntoView({ block: 'center' }));
      await listPage.waitForTimeout(300);
      await shot(listPage, `list-badges-${tag}`);
      await listPage.close();

      // The popup is at most 800 × 600 in a browser; at 1280 it is shown at its own width.
      const popup = await h.context.newPage();
      await popup.setViewportSize({ width: width === 400 ? 400 : 560, height: 600 });
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.goto(`chrome-extension://${h.extensionId}/extension/popup/index.html?tabId=${tabId}`);
      await popup.waitForSelector('#summary, #no-findings');
      if (await popup.locator('#who-done').count()) {
        await shot(popup, `popup-first-use-${tag}`);
        await popup.locator('#who-done').click(); // the neutral view from here on
        await popup.locator('#who-first-use').waitFor({ state: 'detached' });
      }
      await shot(popup, `popup-${tag}`);
      await popup.locator('details.app-details > summary').first().click();
      await popup.locator('details.app-details').first().scrollIntoViewIfNeeded();
      await shot(popup, `popup-details-${tag}`);
      await popup.close();
      await page.close();

      const options = await h.context.newPage();
      await options.setViewportSize({ width, height: HEIGHT[width] });
      await options.emulateMedia({ colorScheme: scheme });
      await options.goto(`chrome-extension://${h.extensionId}/extension/options/index.html`);
      await options.waitForFunction(() => !document.querySelector('#any-site')?.disabled);
      await shot(options, `options-${tag}`);
      await options.close();
    }
  }
} finally {
  await h.close();
}
const files = readdirSync(out).sort();
const kb = files.reduce((n, f) => n + statSync(join(out, f)).size, 0) / 1024;
console.log(`${files.length} screenshots in docs/screenshots/ (${kb.toFixed(0)} KB)`);
