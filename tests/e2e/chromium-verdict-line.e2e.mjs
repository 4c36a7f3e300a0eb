// Issue 11: the banner's verdict line is whole. Expanded, it wraps and shows
// the whole sentence (nothing clipped at 640 or 400 px wide); collapsed, one
// line at most 48 px high, its full text kept in its title and its text (the
// accessibility tree). Debian's Chromium, the built extension (dist/chrome), a
// real Play detail capture turned into TikTok's listing.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromiumForFile, inBanner, clickInBanner } from './chromium-harness.mjs';
import { TIKTOK, playListingFromCapture, requireBuild } from './pages.mjs';

requireBuild();
const h = chromiumForFile({}, async (h) => {
  // The longest verdict line there is for TikTok: a federal employee's.
  await h.worker().evaluate(() => chrome.storage.local.set({ profiles: ['government:US'] }));
});

const DETAIL = `https://play.google.com/store/apps/details?id=${TIKTOK.pkg}`;

/** The verdict element's text, title and boxes (inside the closed shadow root). */
const verdictLine = (page) =>
  inBanner(page, (root) => {
    const v = root.querySelector('.verdict');
    const bar = root.querySelector('section').getBoundingClientRect();
    const r = v.getBoundingClientRect();
    return {
      text: v.textContent,
      title: v.title,
      scrollWidth: v.scrollWidth,
      clientWidth: v.clientWidth,
      scrollHeight: v.scrollHeight,
      clientHeight: v.clientHeight,
      height: r.height,
      lineHeight: parseFloat(getComputedStyle(v).lineHeight),
      inside: r.left >= bar.left && r.right <= bar.right && r.top >= bar.top && r.bottom <= bar.bottom,
      barHeight: bar.height,
      expanded: root.querySelector('.toggle').getAttribute('aria-expanded'),
    };
  });

describe("the banner's verdict line", () => {
  test('expanded at 640 and 400 px it wraps and shows the whole sentence; collapsed it is one line ≤ 48 px at 1280 px, its full text kept', async () => {
    const { page } = await h.openReported(DETAIL, playListingFromCapture(TIKTOK));
    await page.waitForSelector('[data-covered-apps="banner"]', { state: 'attached' });

    const wide = await verdictLine(page);
    assert.equal(wide.expanded, 'false', 'drawn collapsed');
    assert.match(wide.text, /^Not allowed on your work devices — No TikTok on Government Devices Act \(federal devices\)/);
    assert.ok(wide.barHeight <= 48, `collapsed at 1280 px: ${wide.barHeight} px high`);
    assert.ok(wide.height <= wide.lineHeight + 1, `collapsed: one line (${wide.height} px, line ${wide.lineHeight} px)`);
    assert.equal(wide.title, wide.text, 'collapsed, the full sentence stays in its title (and its text)');

    for (const width of [640, 400]) {
      await page.setViewportSize({ width, height: 900 });
      const collapsed = await verdictLine(page);
      assert.ok(collapsed.scrollWidth > collapsed.clientWidth, `collapsed at ${width} px the sentence does not fit one line (the check below is not empty)`);
      assert.equal(collapsed.title, collapsed.text);

      await clickInBanner(page, '.toggle');
      const open = await verdictLine(page);
      assert.equal(open.expanded, 'true');
      assert.equal(open.text, wide.text, 'the same sentence');
      assert.ok(open.scrollWidth <= open.clientWidth, `expanded at ${width} px nothing is cut sideways: scrollWidth ${open.scrollWidth} ≤ clientWidth ${open.clientWidth}`);
      assert.ok(open.scrollHeight <= open.clientHeight, `expanded at ${width} px nothing is cut below: ${open.scrollHeight} ≤ ${open.clientHeight}`);
      assert.ok(open.height > open.lineHeight * 1.5, `expanded at ${width} px it wraps (${open.height} px high)`);
      assert.ok(open.inside, 'inside the banner');
      console.log(`# verdict line at ${width} px: collapsed ${collapsed.clientWidth} of ${collapsed.scrollWidth} px shown; expanded ${Math.round(open.height)} px high (${Math.round(open.height / open.lineHeight)} lines)`);
      await page.screenshot({ path: `/tmp/vd/verdict-expanded-${width}.png` }).catch(() => {});
      await page.keyboard.press('Escape');
      // Escape acts only with the focus inside the banner: the toggle has it after the click.
      assert.equal((await verdictLine(page)).expanded, 'false', 'Escape collapses');
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    const again = await verdictLine(page);
    assert.ok(again.barHeight <= 48 && again.height <= again.lineHeight + 1, 'collapsed again: one line');
    await page.close();
  });
});

