// Debian's Chromium with the built extension loaded, pages served by routing.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distChrome } from './pages.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** userDataDir: a profile to reuse (a browser restart); it is then kept on close. */
export async function launchChromium({ headless = true, extension = distChrome, userDataDir: reuse } = {}) {
  const userDataDir = reuse ?? mkdtempSync(join(tmpdir(), 'covered-apps-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless,
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
  });
  const pages = new Map(); // url -> { body, contentType }
  // Web requests only: the extension's own pages must load untouched.
  await context.route((url) => url.protocol === 'http:' || url.protocol === 'https:', (route) => {
    const url = route.request().url();
    const hit = pages.get(url) ?? pages.get(url.split('#')[0]);
    if (hit) return route.fulfill({ status: 200, contentType: hit.contentType ?? 'text/html; charset=utf-8', body: hit.body });
    return route.abort();
  });
  let [sw] = context.serviceWorkers();
  sw ??= await context.waitForEvent('serviceworker', { timeout: 15000 });
  const extensionId = new URL(sw.url()).host;
  return {
    context,
    sw,
    extensionId,
    /** The extension's service worker now (a stopped one is replaced when something wakes it). */
    worker() {
      return context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`)) ?? sw;
    },
    /** Serves `body` at `url` and opens it in a new tab. */
    async open(url, body) {
      this.serve(url, body);
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      return page;
    },
    serve(url, body, contentType) {
      pages.set(url.split('#')[0], { body, contentType }); // fragments never reach the server
    },
    async close() {
      await context.close();
      if (!reuse) rmSync(userDataDir, { recursive: true, force: true });
    },
    /** The tab id and the report the content script sent for a page's URL (waits for it). */
    async reportFor(url, { timeout = 10000 } = {}) {
      const deadline = Date.now() + timeout;
      while (Date.now() < deadline) {
        const got = await this.worker().evaluate(async (u) => {
          const tabs = await chrome.tabs.query({});
          for (const t of tabs) {
            const key = `tab:${t.id}`;
            const r = (await chrome.storage.session.get(key))[key];
            if (r && r.url === u) return { tabId: t.id, report: r, badge: await chrome.action.getBadgeText({ tabId: t.id }) };
          }
          return null;
        }, url);
        if (got) return got;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`no report from the content script for ${url}`);
    },
  };
}

/** Text of our banner's shadow root, or null when there is none. */
export async function bannerText(page) {
  return page.evaluate(() => {
    const host = document.querySelector('[data-covered-apps="banner"]');
    return host ? host.shadowRoot.querySelector('section').textContent : null;
  });
}

export async function badgeTexts(page) {
  return page.evaluate(() => Array.from(document.querySelectorAll('[data-covered-apps="badge"]')).map((h) => h.shadowRoot.querySelector('.badge').textContent));
}
