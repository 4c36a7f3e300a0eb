// Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi, with the
// built extension installed (browser.installExtension) and pages served by
// request interception (every other request aborted).
import puppeteer from 'puppeteer-core';
import { distFirefox } from './pages.mjs';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export async function launchFirefox({ extension = distFirefox } = {}) {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    extraPrefsFirefox: {
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
    serve(url, body, contentType = 'text/html; charset=utf-8') {
      pages.set(url.split('#')[0], { body, contentType }); // fragments never reach the server
    },
    async newPage() {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (req) => {
        if (req.isInterceptResolutionHandled()) return;
        const hit = pages.get(req.url()) ?? pages.get(req.url().split('#')[0]);
        // A request can be gone by the time we answer (its page closed): that is not a failure.
        const done = hit ? req.respond({ status: 200, contentType: hit.contentType, body: hit.body }) : req.abort();
        Promise.resolve(done).catch(() => {});
      });
      return page;
    },
    async close() {
      await browser.close();
    },
  };
}

export async function bannerText(page) {
  return page.evaluate(() => {
    const host = document.querySelector('[data-covered-apps="banner"]');
    return host ? host.shadowRoot.querySelector('section').textContent : null;
  });
}

export async function badgeCount(page) {
  return page.evaluate(() => document.querySelectorAll('[data-covered-apps="badge"]').length);
}
