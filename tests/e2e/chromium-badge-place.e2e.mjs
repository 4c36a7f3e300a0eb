// Issue 11: card badges cover nothing that matters. On the real Play list
// captures every badge is inside its card, never over the card's images nor
// its title, with the icons missing (as captured) and with them loaded (the
// cards grow, the badges follow). Debian's Chromium, the built extension.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromiumForFile } from './chromium-harness.mjs';
import { PNG_1PX, readCaptured, requireBuild } from './pages.mjs';
import { LISTS, assertPlaced, badgeGeometry, describePlaces, tenFrames } from './badge-geometry.mjs';

requireBuild();
const h = chromiumForFile({}, async (h) => {
  // A federal employee's badges (the words do not change where they go).
  await h.worker().evaluate(() => chrome.storage.local.set({ profiles: ['government:US'] }));
});

/** Waits until every badge is drawn, then ten frames. */
async function settled(page, count) {
  await page.waitForFunction((n) => document.querySelectorAll('[data-covered-apps="badge"]').length === n, count);
  await tenFrames(page);
}

describe('card badges on the real Play list captures', () => {
  for (const [url, capture, shown] of LISTS) {
    test(`${capture}: icons missing, then loaded — every badge inside its card, over no image and not over the title`, async () => {
      const { page, report } = await h.openReported(url, readCaptured(capture));
      const names = report.findings.filter((f) => f.role === 'card' && f.tier <= 3).map((f) => f.name);
      assert.deepEqual([...names].sort(), [...shown].sort(), 'the covered cards reported, by the names they show');
      await settled(page, names.length);
      const missing = await badgeGeometry(page, names);
      assertPlaced(missing, 'icons missing');

      // The same page with its images (a 1 px image scaled as the page's styles say): the cards grow, the badges follow.
      await page.route('https://play-lh.googleusercontent.com/**', (route) => route.fulfill({ status: 200, contentType: 'image/png', body: PNG_1PX }));
      await page.evaluate(() => {
        for (const img of document.querySelectorAll('img')) {
          img.loading = 'eager';
          img.src = img.src; // fetch it again, now that the request is answered
        }
      });
      await page.waitForFunction(() => [...document.querySelectorAll('[data-covered-apps="badge"]')].every((host) => [...host.parentElement.querySelectorAll('img')].every((i) => i.complete)));
      await settled(page, names.length);
      const loaded = await badgeGeometry(page, names);
      assert.ok(loaded.some((g, i) => g.card.height !== missing[i].card.height), 'the loaded icons changed the cards');
      assertPlaced(loaded, 'icons loaded');
      console.log(`# ${capture}: ${describePlaces(loaded)}`);
      await page.screenshot({ path: `/tmp/vd/badges-${capture.split('/')[1]}.png` }).catch(() => {});
      await page.close();
    });
  }
});
