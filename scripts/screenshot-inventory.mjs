// npm run screenshots:inventory — docs/screenshots/inventory.png: the inventory check
// page (built extension, Debian's Chromium) on tests/fixtures/inventory/devices.csv,
// for the README's procurement walkthrough. Needs `npm run build` first.
import { mkdirSync } from 'node:fs';
import { launchChromium } from '../tests/e2e/chromium-harness.mjs';
import { requireBuild } from '../tests/e2e/pages.mjs';

requireBuild();
const h = await launchChromium();
try {
  const page = await h.context.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`chrome-extension://${h.extensionId}/extension/inventory/index.html`);
  await page.locator('#inventory-file').setInputFiles('tests/fixtures/inventory/devices.csv');
  await page.locator('#inventory-date').fill('2026-11-01');
  await page.locator('#inventory-check').click();
  await page.locator('#inventory-verdict').selectOption('flagged');
  mkdirSync('docs/screenshots', { recursive: true });
  await page.screenshot({ path: 'docs/screenshots/inventory.png', fullPage: true });
  console.log('wrote docs/screenshots/inventory.png');
} finally {
  await h.close();
}
