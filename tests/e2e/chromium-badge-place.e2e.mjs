// Issue 11: card badges cover nothing that matters. On the real Play list
// captures every badge is inside its card, never over the card's images nor
// its title, with the icons missing (as captured) and with them loaded (the
// cards grow, the badges follow). Debian's Chromium, the built extension.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium } from './chromium-harness.mjs';
import { PNG_1PX, readCaptured, requireBuild } from './pages.mjs';

requireBuild();
let h;
before(async () => {
  h = await launchChromium();
  // A federal employee's badges (the words do not change where they go).
  await h.worker().evaluate(() => chrome.storage.local.set({ profiles: ['government:US'] }));
});
after(async () => {
  await h?.close();
});

const LISTS = [
  ['https://play.google.com/store/apps?hl=en_US', 'google-play/store_apps_home_en_US.html', 4],
  ['https://play.google.com/store/apps/collection/cluster?gsr=similar', 'google-play/collection_cluster_similar-to-translate_en.html', 1],
];

/** Waits until every badge is drawn and the page has drawn ten frames since (badges are placed in the frame after they are drawn, or after a card's size changes). */
async function settled(page, count) {
  await page.waitForFunction((n) => document.querySelectorAll('[data-covered-apps="badge"]').length === n, count);
  await page.evaluate(() => new Promise((done) => {
    let frames = 10;
    const next = () => (--frames ? requestAnimationFrame(next) : done());
    requestAnimationFrame(next);
  }));
}

/**
 * Every badge's box against its card's: the card (the element the badge is
 * drawn in), its images (those drawn), and its title (the element whose whole
 * text is the name the listing was reported with).
 */
const badgeGeometry = (page, names) =>
  page.evaluate((names) => {
    const box = (e) => {
      const r = e.getBoundingClientRect();
      return { x: r.left, y: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
    };
    return [...document.querySelectorAll('[data-covered-apps="badge"]')].map((host) => {
      const card = host.parentElement;
      const title = [...card.querySelectorAll('*')].find((e) => !e.firstElementChild && !e.closest('[data-covered-apps]') && names.includes(e.textContent.trim()));
      return {
        name: title?.textContent.trim(),
        badge: box(host),
        card: box(card),
        title: title && box(title),
        imgs: [...card.querySelectorAll('img')].map(box).filter((b) => b.width > 0 && b.height > 0),
      };
    });
  }, names);

const meets = (a, b) => a.x < b.right && b.x < a.right && a.y < b.bottom && b.y < a.bottom;
const within = (a, o) => a.x >= o.x && a.y >= o.y && a.right <= o.right && a.bottom <= o.bottom;

function assertPlaced(geo, what) {
  for (const g of geo) {
    const at = `${what}, ${g.name}: badge ${JSON.stringify(g.badge)}`;
    assert.ok(g.title, `${what}: the card's title is found (${JSON.stringify(g.badge)})`);
    assert.ok(g.imgs.length >= 1, `${at}: the card has an image drawn`);
    assert.ok(g.badge.width <= g.card.width, `${at}: no wider than its card (${g.card.width})`);
    assert.ok(within(g.badge, g.card), `${at}: inside its card ${JSON.stringify(g.card)}`);
    assert.ok(!meets(g.badge, g.title), `${at}: not over the title ${JSON.stringify(g.title)}`);
    for (const img of g.imgs) assert.ok(!meets(g.badge, img), `${at}: not over an image ${JSON.stringify(img)}`);
  }
}

describe('card badges on the real Play list captures', () => {
  for (const [url, capture, count] of LISTS) {
    test(`${capture}: icons missing, then loaded — every badge inside its card, over no image and not over the title`, async () => {
      const { page, report } = await h.openReported(url, readCaptured(capture));
      const names = report.findings.filter((f) => f.role === 'card' && f.tier <= 3).map((f) => f.name);
      await settled(page, count);
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
      await settled(page, count);
      const loaded = await badgeGeometry(page, names);
      assert.ok(loaded.some((g, i) => g.card.height !== missing[i].card.height), 'the loaded icons changed the cards');
      assertPlaced(loaded, 'icons loaded');
      console.log(`# ${capture}: ${loaded.map((g) => `${g.name} ${Math.round(g.badge.width)}×${Math.round(g.badge.height)} at (${Math.round(g.badge.x - g.card.x)}, ${Math.round(g.badge.y - g.card.y)}) in a ${Math.round(g.card.width)}×${Math.round(g.card.height)} card`).join('; ')}`);
      await page.screenshot({ path: `/tmp/vd/badges-${capture.split('/')[1]}.png` }).catch(() => {});
      await page.close();
    });
  }
});
