// Where our card badges are, for both browsers' e2e tests: every badge's box
// against its card's (the element the badge is drawn in), the card's images
// (those drawn) and its title (the leaf element whose whole text is the app's
// name as the list shows it). page.evaluate(fn, arg) is the same call in
// Playwright and in puppeteer.
import assert from 'node:assert/strict';

/** The real Play list captures with covered cards: URL, capture, and the names their covered cards show. */
export const LISTS = [
  ['https://play.google.com/store/apps?hl=en_US', 'google-play/store_apps_home_en_US.html', ['TikTok', 'AliExpress - Shopping App', 'TikTok Lite - Faster TikTok', 'CamScanner- scanner, PDF maker']],
  ['https://play.google.com/store/apps/collection/cluster?gsr=similar', 'google-play/collection_cluster_similar-to-translate_en.html', ['WeChat']],
];

/** Lets the page draw ten frames (badges are placed in the frame after they are drawn, or after a card's size changes). */
export const tenFrames = (page) =>
  page.evaluate(
    () =>
      new Promise((done) => {
        let frames = 10;
        const next = () => (--frames ? requestAnimationFrame(next) : done());
        requestAnimationFrame(next);
      }),
  );

/** Every badge: its box, its card's, the card's drawn images' and its title's (found by `names`). */
export const badgeGeometry = (page, names) =>
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

/** Each badge inside its card, no wider, over none of its images and not over its title. */
export function assertPlaced(geo, what) {
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

/** One line per badge: its size and place in its card. */
export const describePlaces = (geo) =>
  geo.map((g) => `${g.name} ${Math.round(g.badge.width)}×${Math.round(g.badge.height)} at (${Math.round(g.badge.x - g.card.x)}, ${Math.round(g.badge.y - g.card.y)}) in a ${Math.round(g.card.width)}×${Math.round(g.card.height)} card`).join('; ');
