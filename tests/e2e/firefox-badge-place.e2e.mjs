// Issue 11: card badges cover nothing that matters, in firefox-esr too (the
// placement reads boxes in a ResizeObserver's report, created through the
// page's window as the content script sees it). The real Play list captures,
// with the icons missing (as captured) and with them served (1 px images
// scaled as the page's styles say): every badge inside its card, over none of
// its images and not over its title.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchFirefox } from './firefox-harness.mjs';
import { PNG_1PX, readCaptured, requireBuild } from './pages.mjs';
import { LISTS, assertPlaced, badgeGeometry, describePlaces, tenFrames } from './badge-geometry.mjs';

requireBuild();
let h;
before(async () => {
  h = await launchFirefox();
});
after(() => h?.close());

async function openPlaced(url, body, names) {
  const page = await h.open(url, body);
  await page.waitForFunction((n) => document.querySelectorAll('[data-covered-apps="badge"]').length === n, { timeout: 15000 }, names.length);
  // The cards' images load now, even those lazily loaded out of view (the carousel's far end).
  const cardImages = () => [...document.querySelectorAll('[data-covered-apps="badge"]')].flatMap((host) => [...host.parentElement.querySelectorAll('img')]);
  await page.evaluate(`(${cardImages})().forEach((i) => (i.loading = 'eager'))`);
  await page.waitForFunction(`(${cardImages})().every((i) => i.complete)`, { timeout: 15000 });
  await tenFrames(page);
  return page;
}

describe('card badges on the real Play list captures (Firefox)', () => {
  for (const [url, capture, names] of LISTS) {
    test(`${capture}: icons missing, then served — every badge inside its card, over no image and not over the title`, async () => {
      const body = readCaptured(capture);
      let page = await openPlaced(url, body, names);
      const missing = await badgeGeometry(page, names);
      assert.equal(missing.length, names.length);
      assertPlaced(missing, 'icons missing');
      await page.close();

      for (const [, src] of body.matchAll(/<img[^>]* src="(https:\/\/play-lh\.googleusercontent\.com\/[^"]+)"/g)) h.serve(src.replaceAll('&amp;', '&'), PNG_1PX, 'image/png');
      page = await openPlaced(url, body, names);
      const served = await badgeGeometry(page, names);
      assert.ok(served.some((g, i) => g.card.height !== missing[i].card.height), 'the icons changed the cards');
      assertPlaced(served, 'icons served');
      console.log(`# ${capture} (Firefox): ${describePlaces(served)}`);
      await page.close();
    });
  }
});
