// Hostile pages: a covered Google Play listing (CamScanner, built from a real
// capture) whose own script or style sheet goes after what the extension draws.
// Every attack is written as the page would write it, and runs in the page.
import assert from 'node:assert/strict';
import { playListingFromCapture } from './pages.mjs';

/** One URL per attack, so no test sees another's tab. */
export const hostileUrl = (attack) => `https://play.google.com/store/apps/details?id=com.intsig.camscanner&attack=${attack}`;

// Given to every attack: `attack` (what the page saw and did, read back by the
// tests) and onBanner(fn, { every }), which calls fn(host) when our banner's
// host appears (every: each time a new one does).
const PRELUDE = `
window.attack = { log: [], done: false };
function onBanner(fn, { every = false } = {}) {
  const seen = new Set();
  const check = () => {
    const host = document.querySelector('[data-covered-apps="banner"]');
    if (!host || seen.has(host)) return;
    seen.add(host);
    if (!every) mo.disconnect();
    fn(host);
  };
  const mo = new MutationObserver(check);
  mo.observe(document.documentElement, { childList: true, subtree: true });
  check();
}
`;

/**
 * The CamScanner listing with the attacker's style sheet (css), markup at the
 * end of the body (html: present before our content script runs) and script
 * (run while the page loads, before our content script).
 */
export function hostilePage({ css = '', html = '', script = '' }) {
  return playListingFromCapture({ pkg: 'com.intsig.camscanner', name: 'CamScanner - PDF Scanner App', developer: 'INTSIG Information Co.,Ltd' })
    .replace('</head>', `<style>${css}</style></head>`)
    .replace('</body>', `${html}<script>${PRELUDE}${script}</script></body>`);
}

/** A page's Content-Security-Policy allowing no script or style but its own (nothing inline): hostilePage()'s own script is blocked by it. */
export const STRICT_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'";

/**
 * On a page served with STRICT_CSP, in either browser: the page's own inline script is
 * blocked (the policy is in force), and our banner is there, saying what it says
 * everywhere and styled as everywhere: the host's inline style (docked, fixed) and the
 * shadow root's style sheet (the verdict's colours). `ui`: the harness's waitBanner,
 * bannerText and bannerLook.
 */
export async function assertBannerUnderStrictCsp(page, { waitBanner, bannerText, bannerLook }) {
  assert.equal(await page.evaluate(() => typeof window.attack), 'undefined');
  await waitBanner(page);
  assert.match(await bannerText(page), /CamScanner \(INTSIG/);
  const look = await bannerLook(page);
  assert.equal(look.position, 'fixed');
  assert.equal(look.display, 'flex');
  assert.notEqual(look.border, 'none');
  assert.notEqual(look.background, 'rgba(0, 0, 0, 0)');
}

/** Page elements whose names shadow a window's global of the same name. */
export const NAMED_ELEMENTS =
  '<iframe name="browser"></iframe><iframe name="chrome"></iframe><form name="chrome"></form><form name="browser"></form>' +
  '<img name="browser" alt=""><img name="chrome" alt=""><embed name="browser"><embed name="chrome"><object name="chrome"></object>';

/** Ways to hide, cover or move the banner, each with what the page does. */
export const HIDING = {
  'display:none !important in a style sheet': { css: '[data-covered-apps], [popover], html > div { display: none !important; }' },
  'opacity:0 and visibility:hidden !important in a layered style sheet': {
    css: '@layer evil { [data-covered-apps], html > div { opacity: 0 !important; visibility: hidden !important; } }',
  },
  'inline display:none and opacity:0 set by script': {
    script: `onBanner((host) => { host.style.setProperty('display', 'none', 'important'); host.style.opacity = '0'; attack.done = true; });`,
  },
  'a max-z-index overlay added later': {
    script: `onBanner(() => {
      const o = document.createElement('div');
      o.id = 'overlay';
      o.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:#fff';
      document.documentElement.append(o);
      attack.done = true;
    });`,
  },
  'a transform on body': { css: 'body { transform: translateY(400px) scale(0.5); }' },
  'moved into a transformed body': {
    css: 'body { transform: translateX(2000px); }',
    script: `onBanner((host) => { document.body.prepend(host); attack.done = true; });`,
  },
  'its popover closed by script': {
    script: `onBanner((host) => { host.hidePopover(); attack.done = true; });`,
  },
};

/** Reads, in the page, whether the point at the banner's centre shows our host and how the host is styled. */
export function whatThePageShows({ x, y }) {
  const host = document.querySelector('[data-covered-apps="banner"]');
  if (!host) return null;
  const cs = getComputedStyle(host);
  return {
    atCentre: document.elementFromPoint(x, y) === host,
    display: cs.display,
    opacity: cs.opacity,
    visibility: cs.visibility,
    topLayer: host.matches(':popover-open'),
    inViewport: x > 0 && y > 0 && x < innerWidth && y < innerHeight,
  };
}
export const SHOWN = { atCentre: true, display: 'block', opacity: '1', visibility: 'visible', topLayer: true, inViewport: true };
