// npm run demo: install what is missing, build, then show the extension working.
// With a display: opens Chromium with the extension on demo pages (served
// locally at their real URLs). Without one: writes screenshots of the banner,
// list badges and popup to demo-output/ and prints how to load dist/chrome.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureBrowsers, ensureNodeModules } from './ensure-env.mjs';

ensureNodeModules();
ensureBrowsers();
execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });

const { launchChromium } = await import('../tests/e2e/chromium-harness.mjs');
const { playListingFromCapture, ownCases } = await import('../tests/e2e/pages.mjs');

const headed = !!process.env.DISPLAY && !process.env.CI;
const h = await launchChromium({ headless: !headed });
const demo = [
  {
    name: 'play-camscanner',
    url: 'https://play.google.com/store/apps/details?id=com.intsig.camscanner',
    body: playListingFromCapture({ pkg: 'com.intsig.camscanner', name: 'CamScanner - PDF Scanner App', developer: 'INTSIG Information Co.,Ltd' }),
  },
  {
    name: 'play-tiktok',
    url: 'https://play.google.com/store/apps/details?id=com.zhiliaoapp.musically',
    body: playListingFromCapture({ pkg: 'com.zhiliaoapp.musically', name: 'TikTok - Videos, Shop &amp; LIVE', developer: 'TikTok Pte. Ltd.' }),
  },
  ...ownCases()
    .filter((c) => c.covered.length > 0 && c.kind === 'list')
    .slice(0, 3)
    .map((c) => ({ name: `${c.site}-${c.file.replace(/\.html$/, '')}`, url: c.url, body: c.body })),
];
for (const d of demo) h.serve(d.url, d.body);

if (headed) {
  for (const d of demo) await (await h.context.newPage()).goto(d.url);
  console.log('Chromium is open with Covered Apps on the demo pages. Close the window to finish.');
  await new Promise((r) => h.context.on('close', r));
} else {
  const out = resolve('demo-output');
  mkdirSync(out, { recursive: true });
  for (const d of demo) {
    const page = await h.context.newPage();
    await page.goto(d.url, { waitUntil: 'domcontentloaded' });
    const { tabId } = await h.reportFor(d.url);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/${d.name}.png` });
    const popup = await h.context.newPage();
    await popup.setViewportSize({ width: 480, height: 900 });
    await popup.goto(`chrome-extension://${h.extensionId}/extension/popup/index.html?tabId=${tabId}`);
    await popup.waitForSelector('main');
    await popup.waitForTimeout(200);
    await popup.screenshot({ path: `${out}/${d.name}-popup.png`, fullPage: true });
    await popup.close();
    await page.close();
  }
  await h.close();
  console.log(`\nNo display: screenshots of the banner, badges and popup are in ${out}/`);
  console.log(`To use the extension: open chrome://extensions, turn on Developer mode, "Load unpacked" → ${resolve('dist/chrome')}`);
  console.log(`Firefox: about:debugging → This Firefox → "Load Temporary Add-on" → ${resolve('dist/firefox/manifest.json')}`);
}
