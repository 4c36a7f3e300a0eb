// Debian's Chromium with the built extension loaded, pages served by routing.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distChrome } from './pages.mjs';
import { ourUi } from './our-ui.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium({ headless = true, extension = distChrome } = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'covered-apps-chromium-'));
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
    serve(url, body, contentType) {
      pages.set(url.split('#')[0], { body, contentType }); // fragments never reach the server
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
    /** The tab id and the report the content script sent for a page's URL (waits for it). */
    async reportFor(url, { timeout = 10000 } = {}) {
      const deadline = Date.now() + timeout;
      while (Date.now() < deadline) {
        const got = await sw.evaluate(async (u) => {
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

/**
 * Runs fn(shadowRoot, arg) in the page on the shadow root of each of our hosts
 * of one kind ('banner' or 'badge'). The roots are closed (page scripts cannot
 * reach them), so they are found the way devtools finds them: CDP's DOM tree
 * with pierce, each root resolved to a handle fn runs on.
 */
export async function inOurShadowRoots(page, kind, fn, arg) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const roots = [];
    const walk = (n) => {
      const a = n.attributes ?? [];
      for (let i = 0; i < a.length; i += 2) if (a[i] === 'data-covered-apps' && a[i + 1] === kind) roots.push(...(n.shadowRoots ?? []));
      for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? []), ...(n.contentDocument ? [n.contentDocument] : [])]) walk(c);
    };
    walk(root);
    const out = [];
    for (const r of roots) {
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: r.backendNodeId });
      const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: `function (arg) { return (${fn})(this, arg); }`,
        arguments: [{ value: { ...arg, mode: r.shadowRootType } }],
        returnByValue: true,
        awaitPromise: true,
      });
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      out.push(result.value);
    }
    return out;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

export const { inBanner, bannerText, badgeTexts, shadowModes, centreInBanner, clickInBanner } = ourUi(inOurShadowRoots);
