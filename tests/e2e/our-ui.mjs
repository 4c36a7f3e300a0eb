// Readers of what the extension draws, for both browsers. Our banner and badges
// live in closed shadow roots; each harness supplies inOurShadowRoots(page, kind,
// fn, arg), which runs fn(shadowRoot, { ...arg, mode }) in the page on every
// host of that kind ('banner' or 'badge') through the browser's automation
// protocol, since page scripts cannot reach those roots.

export function ourUi(inOurShadowRoots) {
  /** fn(shadowRoot) on our banner, or null when there is none. */
  async function inBanner(page, fn, arg) {
    const [v] = await inOurShadowRoots(page, 'banner', fn, arg);
    return v === undefined ? null : v;
  }
  /** Where an element of the banner is: its box's centre in viewport pixels (null: no banner). */
  const centreInBanner = (page, selector) =>
    inBanner(
      page,
      (root, { selector }) => {
        const r = root.querySelector(selector).getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      },
      { selector },
    );
  return {
    inBanner,
    /** How our banner is styled: the host's inline style (position) and its root's style sheet (the bar's display, border, colours). */
    bannerLook: (page) =>
      inBanner(page, (root) => {
        const bar = getComputedStyle(root.querySelector('section'));
        return { position: getComputedStyle(root.host).position, display: bar.display, border: bar.borderTopStyle, background: bar.backgroundColor };
      }),
    /** Text of our banner, or null when there is none. */
    bannerText: (page) => inBanner(page, (root) => root.querySelector('section').textContent),
    badgeTexts: (page) => inOurShadowRoots(page, 'badge', (root) => root.querySelector('.badge').textContent),
    /** The mode of each of our shadow roots ('open' or 'closed'), banner first, then badges. */
    async shadowModes(page) {
      const mode = (_root, arg) => arg.mode;
      return [...(await inOurShadowRoots(page, 'banner', mode)), ...(await inOurShadowRoots(page, 'badge', mode))];
    },
    centreInBanner,
    /** A real (trusted) mouse click at the centre of an element in the banner, as a user would. */
    async clickInBanner(page, selector) {
      const at = await centreInBanner(page, selector);
      if (!at) throw new Error('no banner to click in');
      await page.mouse.click(at.x, at.y);
    },
  };
}
