// Screenshots for the README's journalist walkthrough (docs/screenshots/records-*.png):
// the built extension in Debian's Chromium on a CamScanner listing (made from a real
// capture), the popup with statuses as of Feb 1, 2021, and the printable report.
// Run after `npm run build`: node scripts/screenshots-records.mjs
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../tests/e2e/chromium-harness.mjs';
import { playListingFromCapture, requireBuild } from '../tests/e2e/pages.mjs';

requireBuild();
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'screenshots');
mkdirSync(out, { recursive: true });
const url = 'https://play.google.com/store/apps/details?id=com.intsig.camscanner';
const h = await launchChromium();
try {
  h.serve(url, playListingFromCapture({ pkg: 'com.intsig.camscanner', name: 'CamScanner - PDF Scanner App', developer: 'INTSIG Information Co.,Ltd' }));
  const page = await h.context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const { tabId } = await h.reportFor(url);
  const popup = await h.context.newPage();
  await popup.setViewportSize({ width: 560, height: 1100 });
  await popup.goto(`chrome-extension://${h.extensionId}/extension/popup/index.html?tabId=${tabId}`);
  await popup.locator('#record-date').waitFor();
  await popup.fill('#record-date', '2021-02-01');
  await Promise.all([popup.waitForEvent('load'), popup.click('#record-date-apply')]);
  await popup.locator('#record-asof', { hasText: '2021-02-01 (chosen)' }).waitFor();
  await popup.locator('details.record-finding > summary').first().click();
  await popup.screenshot({ path: join(out, 'records-popup-2021-02-01.png'), fullPage: true });
  const [report] = await Promise.all([h.context.waitForEvent('page'), popup.click('#record-open-report')]);
  await report.setViewportSize({ width: 900, height: 1200 });
  await report.locator('#measure-us-eo-13971').waitFor();
  await report.screenshot({ path: join(out, 'records-report-2021-02-01.png') });
  console.log(`wrote ${join(out, 'records-popup-2021-02-01.png')} and records-report-2021-02-01.png`);
} finally {
  await h.close();
}
