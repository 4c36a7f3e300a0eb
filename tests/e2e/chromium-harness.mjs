// Debian's Chromium with the built extension loaded, pages served by routing.
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distChrome } from './pages.mjs';
import { ourUi } from './our-ui.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Zero network: every request the extension itself starts, in every Chromium this
 * process launches — from its service worker, its pages (popup, options) and its
 * content scripts (a request on a web page whose initiator's stack runs through
 * chrome-extension:// code). The test pages' own requests are the page's, not ours.
 * chromium.e2e.mjs asserts at the end of the run that this list is empty.
 */
export const extensionRequests = [];
/** How many web-page requests the content-script watch saw (proof that it was watching). */
export const watched = { pageRequests: 0, pagesAttached: 0 };

const isExtension = (url) => typeof url === 'string' && url.startsWith('chrome-extension://');
const isNetwork = (url) => /^(https?|wss?|ftp):/i.test(url);

function fromExtensionCode(initiator) {
  if (!initiator) return false;
  if (isExtension(initiator.url)) return true;
  for (let stack = initiator.stack; stack; stack = stack.parent) {
    if (stack.callFrames?.some((f) => isExtension(f.url))) return true;
  }
  return false;
}

/**
 * The service worker started with the browser, before the watch was on: stop it
 * and start it again (the popup wakes it), so that its start-up code runs watched.
 * Not seen this way: what runs only at install (runtime.onInstalled on the first start).
 */
async function restartUnderWatch(context, extensionId, browserGone) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  // The worker's last reported state, and a wait for a state with a bound: a state
  // reported before the wait began counts, and a wait that never ends fails with the reason
  // (a CI run once hung here for 13 minutes, the browser idle).
  let latest;
  const waiters = new Set();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) if (v.scriptURL.startsWith(`chrome-extension://${extensionId}/`)) latest = v.runningStatus;
    for (const w of waiters) w();
  });
  const reach = (wanted, ms) =>
    new Promise((resolve) => {
      const done = (ok) => {
        waiters.delete(check);
        clearTimeout(timer);
        resolve(ok);
      };
      const check = () => latest === wanted && done(true);
      const timer = setTimeout(() => done(false), ms);
      waiters.add(check);
      check();
    });
  await cdp.send('ServiceWorker.enable');
  for (let attempt = 1; ; attempt++) {
    await cdp.send('ServiceWorker.stopAllWorkers');
    if (await reach('stopped', 10_000)) break;
    if (attempt === 3) throw Object.assign(new Error(`the extension's service worker did not stop (last state: ${latest})`), { workerStuck: true });
  }
  // The popup wakes the worker, opened in another tab: the page this session is attached
  // to stays where it is (navigated to the extension's process, it could stop hearing the
  // worker's events, and the start went unseen: CI runs stalled or failed here).
  // It is running once it answers a message only it answers (a tab that does not exist:
  // null), whether or not this session heard the start (in CI it sometimes did not).
  for (let attempt = 1; ; attempt++) {
    const running = reach('running', 10_000);
    const popup = await context.newPage();
    // A popup tab that is closed under us counts as a failed try; a closed browser ends the launch.
    const opened = await popup.goto(`chrome-extension://${extensionId}/extension/popup/index.html`).then(
      () => true,
      async (e) => {
        if (await browserGone()) throw e;
        return false;
      },
    );
    const answered =
      opened &&
      (await Promise.race([
        popup.evaluate(() => chrome.runtime.sendMessage({ type: 'get-tab', tabId: 0 }).then((r) => r === null, () => false)).catch(() => false),
        new Promise((r) => setTimeout(() => r(false), 10_000).unref()), // a bound that never holds the file's process open
      ]));
    const ok = answered || (await running);
    await popup.close().catch(() => undefined);
    if (ok) break;
    if (attempt === 3) throw Object.assign(new Error(`the extension's service worker did not start again (last state: ${latest})`), { workerStuck: true });
  }
  await cdp.detach();
  await page.close();
}

async function watchNetwork(context) {
  // Service worker and extension pages: Playwright reports both with their origin.
  context.on('request', (req) => {
    if (!isNetwork(req.url())) return;
    const worker = req.serviceWorker();
    if (worker) {
      if (isExtension(worker.url())) extensionRequests.push({ from: `service worker ${worker.url()}`, url: req.url() });
      return;
    }
    const frameUrl = req.frame().url();
    if (isExtension(frameUrl)) extensionRequests.push({ from: `extension page ${frameUrl}`, url: req.url() });
  });
  // Content scripts run inside web pages: the DevTools protocol names each request's initiator.
  const attach = async (page) => {
    try {
      const cdp = await context.newCDPSession(page);
      cdp.on('Network.requestWillBeSent', ({ request, initiator, documentURL }) => {
        watched.pageRequests += 1;
        // Extension pages are counted above, with their origin.
        if (isNetwork(request.url) && !isExtension(documentURL) && fromExtensionCode(initiator)) {
          extensionRequests.push({ from: `content script on ${documentURL}`, url: request.url });
        }
      });
      await cdp.send('Network.enable');
      watched.pagesAttached += 1;
    } catch {
      // the page closed before the session opened
    }
  };
  context.on('page', (page) => void attach(page));
  await Promise.all(context.pages().map(attach));
}

/** One start of Chromium with the extension, its worker restarted under the watch. */
async function startChromium(userDataDir, { headless, extension }) {
  let context;
  let closed = false;
  // Whether the browser has closed: its close event may come just after the failed call.
  const gone = () =>
    closed ||
    new Promise((r) => {
      context.once('close', () => r(true));
      setTimeout(() => r(closed), 1000).unref();
    });
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
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
    context.on('close', () => {
      closed = true;
    });
    await watchNetwork(context);
    const pages = new Map(); // url -> { body, contentType, headers }
    // Web requests only: the extension's own pages must load untouched.
    await context.route((url) => url.protocol === 'http:' || url.protocol === 'https:', (route) => {
      const url = route.request().url();
      const hit = pages.get(url) ?? pages.get(url.split('#')[0]);
      if (hit) return route.fulfill({ status: 200, contentType: hit.contentType ?? 'text/html; charset=utf-8', body: hit.body, headers: hit.headers });
      return route.abort();
    });
    let [sw] = context.serviceWorkers();
    sw ??= await context.waitForEvent('serviceworker', { timeout: 15000 });
    // The extension started before the watch was on: start it again under the watch,
    // so that what it does while starting is seen too.
    await restartUnderWatch(context, new URL(sw.url()).host, gone);
    return { context, pages, sw };
  } catch (e) {
    // Closed while launching (no context yet): Playwright says so in its message.
    const browserClosed = context ? await gone() : /has been closed/.test(e.message);
    await context?.close().catch(() => undefined); // an open browser would keep the file's process alive
    throw Object.assign(e, { browserClosed });
  }
}

/**
 * userDataDir: a profile to reuse (a browser restart); it is then kept on close.
 * A browser that closes by itself while starting (once in a CI run: "Target page,
 * context or browser has been closed" opening the popup, before any test; not seen in
 * 25 launches in a row here, on a loaded machine), or whose extension worker, stopped
 * under the watch, neither starts again nor answers through three tries of 10 s (once
 * in a CI run, in one file while the other files' launches started it), is started once
 * more, and the run's output says so; any other failure, or a second one, fails the launch.
 */
export async function launchChromium({ headless = true, extension = distChrome, userDataDir: reuse } = {}) {
  const userDataDir = reuse ?? mkdtempSync(join(tmpdir(), 'covered-apps-chromium-'));
  let started;
  for (let attempt = 1; !started; attempt++) {
    try {
      started = await startChromium(userDataDir, { headless, extension });
    } catch (e) {
      if (!(e.browserClosed || e.workerStuck) || attempt === 2) throw e;
      const what = e.browserClosed ? 'Chromium closed by itself while starting' : "the extension's worker did not start under the watch";
      console.log(`# ${what} (${e.message.split('\n')[0]}); Chromium started again`);
    }
  }
  const { context, pages, sw } = started;
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
    /** Serves `body` at `url`, opens it, and waits for the content script's report: { page, tabId, report, badge }. */
    async openReported(url, body) {
      const page = await this.open(url, body);
      return { page, ...(await this.reportFor(url)) };
    },
    /** headers: more response headers (a Content-Security-Policy). */
    serve(url, body, contentType, headers) {
      pages.set(url.split('#')[0], { body, contentType, headers }); // fragments never reach the server
    },
    async close() {
      await context.close();
      if (!reuse) rmSync(userDataDir, { recursive: true, force: true });
    },
    /**
     * The tab id and the report the content script sent for a page's URL (waits for it).
     * The tab is found by its full address; the report keeps it without query and fragment.
     */
    async reportFor(url, { timeout = 10000 } = {}) {
      const deadline = Date.now() + timeout;
      while (Date.now() < deadline) {
        const got = await this.worker().evaluate(async ([u, stored]) => {
          const tabs = await chrome.tabs.query({});
          for (const t of tabs) {
            if (t.url !== u) continue;
            const key = `tab:${t.id}`;
            const r = (await chrome.storage.session.get(key))[key];
            if (r && r.url === stored) return { tabId: t.id, report: r, badge: await chrome.action.getBadgeText({ tabId: t.id }) };
          }
          return null;
        }, [url, url.split(/[?#]/, 1)[0]]);
        if (got) return got;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`no report from the content script for ${url}`);
    },
  };
}

/**
 * Our hosts of one kind ('banner' or 'badge') and their shadow roots, as CDP DOM
 * nodes. The roots are closed (page scripts cannot reach them), so they are found
 * the way devtools finds them: CDP's DOM tree with pierce.
 */
async function ourHostNodes(cdp, kind) {
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const found = [];
  const walk = (n) => {
    const a = n.attributes ?? [];
    for (let i = 0; i < a.length; i += 2) if (a[i] === 'data-covered-apps' && a[i + 1] === kind) for (const r of n.shadowRoots ?? []) found.push({ host: n, root: r });
    for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? []), ...(n.contentDocument ? [n.contentDocument] : [])]) walk(c);
  };
  walk(root);
  return found;
}

/** Runs `functionDeclaration` on a resolved node (`this`, in the page's main world) with `args` (CDP call arguments). */
async function callOn(cdp, node, functionDeclaration, args) {
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: node.backendNodeId });
  const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId,
    functionDeclaration,
    arguments: args,
    returnByValue: true,
    awaitPromise: true,
  });
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value;
}

async function withCdp(page, fn) {
  const cdp = await page.context().newCDPSession(page);
  try {
    return await fn(cdp);
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * Runs fn(shadowRoot, arg) in the page on the shadow root of each of our hosts
 * of one kind ('banner' or 'badge'), each root resolved to a handle fn runs on.
 */
export function inOurShadowRoots(page, kind, fn, arg) {
  return withCdp(page, async (cdp) => {
    const out = [];
    for (const { root } of await ourHostNodes(cdp, kind)) {
      out.push(await callOn(cdp, root, `function (arg) { return (${fn})(this, arg); }`, [{ value: { ...arg, mode: root.shadowRootType } }]));
    }
    return out;
  });
}

/**
 * TEST ONLY: gives each of our hosts of one kind an own `shadowRoot` getter that
 * returns its closed root, in the page's main world, so that a tool reading
 * `host.shadowRoot` there (axe-core) sees inside. The product never opens them;
 * this changes the test page's JS objects only, not what the extension draws.
 * Returns how many hosts were exposed.
 */
export function exposeOurShadowRoots(page, kind) {
  return withCdp(page, async (cdp) => {
    const nodes = await ourHostNodes(cdp, kind);
    for (const { host, root } of nodes) {
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: root.backendNodeId });
      await callOn(cdp, host, 'function (root) { Object.defineProperty(this, "shadowRoot", { configurable: true, get: () => root }); }', [{ objectId: object.objectId }]);
    }
    return nodes.length;
  });
}

export const { inBanner, bannerLook, bannerText, badgeTexts, shadowModes, centreInBanner, clickInBanner } = ourUi(inOurShadowRoots);

/**
 * The test file's browser with the built extension: launched before its tests
 * (then `setup(h)`, e.g. a profile to read with), closed after them. Returns the
 * harness as the file's `h` (a stand-in that reaches the launched one).
 */
export function chromiumForFile(options = {}, setup) {
  let launched;
  // Bounded: a launch that hangs fails the file with the reason instead of holding the run.
  before(async () => {
    launched = await launchChromium(options);
    await setup?.(launched);
  }, { timeout: 120_000 });
  after(async () => {
    await launched?.close();
  });
  return new Proxy(
    {},
    {
      get(_, key) {
        if (!launched) throw new Error('the browser is launched in before(): use h inside a test');
        const v = launched[key];
        return typeof v === 'function' ? v.bind(launched) : v;
      },
    },
  );
}
