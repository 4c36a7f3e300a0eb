// Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi, with the
// built extension installed (browser.installExtension) and pages served by
// request interception (every other request aborted).
import puppeteer from 'puppeteer-core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distFirefox } from './pages.mjs';
import { ourUi } from './our-ui.mjs';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * `policies`: enterprise policies (policies.json's `policies` object) this run reads,
 * from a file of its own: Firefox reads an alternate policies path only in
 * automation (its automation pref, with non-local connections disabled — there
 * are none here anyway), never the machine's installation.
 */
export async function launchFirefox({ extension = distFirefox, policies } = {}) {
  let policyDir;
  if (policies) {
    policyDir = mkdtempSync(join(tmpdir(), 'covered-apps-policies-'));
    writeFileSync(join(policyDir, 'policies.json'), JSON.stringify({ policies }));
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    ...(policyDir ? { env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' } } : {}),
    extraPrefsFirefox: {
      ...(policyDir
        ? {
            'security.turn_off_all_security_so_that_viruses_can_take_over_this_computer': true,
            'network.disable-non-local-connections': true,
            'browser.policies.alternatePath': join(policyDir, 'policies.json'),
          }
        : {}),
      // No background traffic from the browser itself: the network here is closed.
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'extensions.update.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
    },
  });
  const extensionId = await browser.installExtension(extension);
  const pages = new Map();
  return {
    browser,
    extensionId,
    /** headers: more response headers (a Content-Security-Policy). */
    serve(url, body, contentType = 'text/html; charset=utf-8', headers) {
      pages.set(url.split('#')[0], { body, contentType, headers }); // fragments never reach the server
    },
    async newPage() {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (req) => {
        if (req.isInterceptResolutionHandled()) return;
        const hit = pages.get(req.url()) ?? pages.get(req.url().split('#')[0]);
        // A request can be gone by the time we answer (its page closed): that is not a failure.
        const done = hit ? req.respond({ status: 200, contentType: hit.contentType, body: hit.body, headers: hit.headers }) : req.abort();
        Promise.resolve(done).catch(() => {});
      });
      return page;
    },
    /** Serves `body` at `url` and opens it in a new tab. */
    async open(url, body) {
      this.serve(url, body);
      const page = await this.newPage();
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      return page;
    },
    async close() {
      await browser.close();
      if (policyDir) rmSync(policyDir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs fn(shadowRoot, arg) in the page on the shadow root of each of our hosts
 * of one kind ('banner' or 'badge'). The roots are closed (page scripts cannot
 * reach them); WebDriver BiDi serializes closed roots too (includeShadowTree:
 * 'all'), and each is handed to fn by its shared id.
 */
export async function inOurShadowRoots(page, kind, fn, arg) {
  const connection = page.browser().connection;
  const target = { context: page.mainFrame()._id };
  const { result } = await connection.send('script.evaluate', {
    expression: `Array.from(document.querySelectorAll('[data-covered-apps="${kind}"]'))`,
    target,
    awaitPromise: false,
    serializationOptions: { maxObjectDepth: 1, maxDomDepth: 1, includeShadowTree: 'all' },
  });
  if (result.type !== 'success') throw new Error(JSON.stringify(result.exceptionDetails));
  const out = [];
  for (const host of result.result.value) {
    const root = host.value.shadowRoot;
    const called = await connection.send('script.callFunction', {
      functionDeclaration: String(fn),
      arguments: [{ sharedId: root.sharedId }, { type: 'object', value: Object.entries({ ...arg, mode: root.value.mode }).map(([k, v]) => [k, { type: 'string', value: v }]) }],
      target,
      awaitPromise: true,
      serializationOptions: { maxObjectDepth: 3 },
    });
    if (called.result.type !== 'success') throw new Error(JSON.stringify(called.result.exceptionDetails));
    out.push(fromRemote(called.result.result));
  }
  return out;
}

/** A BiDi remote value as plain JSON (strings, numbers, booleans, null, arrays, objects). */
function fromRemote(v) {
  switch (v.type) {
    case 'array':
      return v.value.map(fromRemote);
    case 'object':
      return Object.fromEntries(v.value.map(([k, x]) => [k, fromRemote(x)]));
    case 'null':
    case 'undefined':
      return null;
    default:
      return v.value;
  }
}

export const { inBanner, bannerLook, bannerText, badgeTexts, shadowModes, centreInBanner, clickInBanner } = ourUi(inOurShadowRoots);

export async function badgeCount(page) {
  return page.evaluate(() => document.querySelectorAll('[data-covered-apps="badge"]').length);
}
