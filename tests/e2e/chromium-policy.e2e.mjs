// An organization sets the profile by enterprise policy, in Debian's Chromium:
// /etc/chromium/policies/managed/*.json, {"3rdparty": {"extensions": {"<id>":
// {"profiles": [...]}}}} → storage.managed (schema: public/managed_schema.json).
// Chromium reads that folder only (no test-local policy path), so this test
// writes one file there, for one extension id: a copy of dist/chrome given a
// fixed manifest `key` (its id is known, and is not the id of the copy the
// other tests load). The file is removed when the test ends, pass or fail.
// Needs root (CI runs as root); without it the test fails and says why.
// Headless Chromium applies it (checked: storage.managed returns the policy).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, inBanner } from './chromium-harness.mjs';
import { TIKTOK, distChrome, playListingFromCapture, requireBuild } from './pages.mjs';

requireBuild();

/** A public key for the test copy only (its private half was never kept: nothing is signed with it). */
const KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA1kOve3MhwSDNOHTgU3h4ssVQpgZBD8CRbjpomDarHP13bBv6fB0rNnh9LvFV0vltdcQ1Aew/Xqpo23m6gSX+uAKOiOLOC4vR7J3zVewGkxTjptIKgnMb4PYxwlEyi8hWpIDsfe14HUHBcEhlUdTFDxFwrKK6qT4T0bJliIJOV/S8t6op4fadYkFWph7u4zLIQGV0ftSM/CbCNFL71/4wgRN/8/2m/lauo2A0iw1Rg1OptstSbhvHpxTT6a4VKRdBb0VvHrCpOtFlbAtSgUkIEMTz2hCCGb6T8XAmwlZgRm6gX7nKQytBTeE5bnz2blD51c0VEuUjQ2IwvatDBsfZFwIDAQAB';
/** Chromium's id for a key: the first 32 hex digits of the key's SHA-256, each written a–p. */
const idOfKey = (key) =>
  [...createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32)].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
const ID = idOfKey(KEY);

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, `covered-apps-e2e-${ID}.json`);
const CAMSCANNER = { pkg: 'com.intsig.camscanner', name: 'CamScanner - PDF Scanner App', developer: 'INTSIG Information Co.,Ltd' };
const detailUrl = (app) => `https://play.google.com/store/apps/details?id=${app.pkg}`;

let h;
let extension;
const made = []; // policy folders this test created (removed again if left empty)

before(async () => {
  if (process.getuid?.() !== 0) throw new Error(`writing ${POLICY_FILE} needs root (Chromium reads managed policy from /etc/chromium/policies only); run as root, as CI does`);
  extension = mkdtempSync(join(tmpdir(), 'covered-apps-keyed-'));
  cpSync(distChrome, extension, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(extension, 'manifest.json'), 'utf8'));
  writeFileSync(join(extension, 'manifest.json'), JSON.stringify({ ...manifest, key: KEY }));
  for (const dir of ['/etc/chromium/policies', POLICY_DIR]) {
    if (!existsSync(dir)) {
      mkdirSync(dir);
      made.unshift(dir);
    }
  }
  // From here on the file goes again however the run ends (a failed launch, an interrupted run).
  process.once('exit', removePolicy);
  writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [ID]: { profiles: ['government:US'] } } } }));
  try {
    h = await launchChromium({ extension });
  } catch (e) {
    removePolicy();
    throw e;
  }
});

/** The policy file and the folders this test made, and the keyed copy. */
function removePolicy() {
  rmSync(POLICY_FILE, { force: true });
  for (const dir of made) if (existsSync(dir) && readdirSync(dir).length === 0) rmdirSync(dir);
  if (extension) rmSync(extension, { recursive: true, force: true });
}

after(async () => {
  try {
    await h?.close();
  } finally {
    removePolicy();
  }
});

describe('Chromium: an organization sets the profile (US federal) by policy', () => {
  test('the keyed copy has the id the policy names, and storage.managed holds the policy', async () => {
    assert.equal(h.extensionId, ID);
    assert.equal(JSON.parse(readFileSync(join(distChrome, 'manifest.json'), 'utf8')).key, undefined, 'the copy the other tests load has no key (its id is another)');
    assert.deepEqual(await h.worker().evaluate(() => chrome.storage.managed.get('profiles')), { profiles: ['government:US'] });
  });

  test('options shows the profile as set by the organization, locked; a choice of the user is ignored', async () => {
    // The user had chosen otherwise (Texas): the policy wins.
    await h.worker().evaluate(() => chrome.storage.local.set({ profiles: ['government:US-TX'] }));
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${ID}/extension/options/index.html`);
    await options.locator('#profile-managed').waitFor();
    assert.match(await options.locator('#profile-managed').textContent(), /organization/i);
    assert.equal(await options.locator('#profile-federal').isChecked(), true);
    assert.equal(await options.locator('#profile-state').isChecked(), false, "the user's own choice is not shown");
    for (const row of ['federal', 'state', 'procurement', 'government', 'public', 'journalist']) {
      assert.equal(await options.locator(`#profile-${row}`).isDisabled(), true, `${row} is locked`);
    }
    await options.close();
  });

  test("the popup's and the banner's verdicts use it: TikTok restricted for a federal employee, CamScanner not (it would be for Texas)", async () => {
    const tiktok = await h.openReported(detailUrl(TIKTOK), playListingFromCapture(TIKTOK));
    await tiktok.page.waitForSelector('[data-covered-apps="banner"]', { state: 'attached' });
    assert.equal(tiktok.badge, '1');
    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${ID}/extension/popup/index.html?tabId=${tiktok.tabId}`);
    const row = popup.locator('#apps article[data-entity="app-tiktok"]');
    await row.waitFor();
    assert.match(await row.getAttribute('class'), /\brestricted-for-you\b/);
    assert.match(await row.locator('.chip').textContent(), /Restricted for you/);
    assert.equal(await popup.locator('#who-first-use').count(), 0, 'no first-use chooser: the organization chose');
    await popup.close();
    const banner = await inBanner(tiktok.page, (root) => ({ verdict: root.querySelector('section').className, text: root.querySelector('.verdict').textContent }));
    assert.match(banner.verdict, /restricted-for-you/);
    assert.match(banner.text, /^Not allowed on your work devices — No TikTok on Government Devices Act \(federal devices\)/);
    await tiktok.page.close();

    const cam = await h.openReported(detailUrl(CAMSCANNER), playListingFromCapture(CAMSCANNER));
    const camPopup = await h.context.newPage();
    await camPopup.goto(`chrome-extension://${ID}/extension/popup/index.html?tabId=${cam.tabId}`);
    const camRow = camPopup.locator('#apps article[data-entity="app-camscanner"]');
    await camRow.waitFor();
    assert.match(await camRow.getAttribute('class'), /\brestricted-elsewhere\b/);
    assert.match(await camRow.locator('.row-verdict').textContent(), /^Restricted for others, not for you/);
    assert.equal(cam.badge, 'i');
    await camPopup.close();
    await cam.page.close();
  });

  test("a browser's first page, before Chromium's policy service has started: the policy's verdict all the same (redrawn when the policy comes; at once from the next start on)", async () => {
    // The background waits a moment for storage.managed, no longer (extension/shared/profile-setting.ts managedWithin):
    // in a fresh browser its first read can take seconds. Nothing here has read it yet, and nothing was kept from before.
    const dir = mkdtempSync(join(tmpdir(), 'covered-apps-policy-profile-'));
    const readBanner = (page) => inBanner(page, (root) => ({ verdict: root.querySelector('section')?.className ?? '', text: root.querySelector('.verdict')?.textContent ?? '' }));
    let fresh;
    try {
      fresh = await launchChromium({ extension, userDataDir: dir });
      const tiktok = await fresh.openReported(detailUrl(TIKTOK), playListingFromCapture(TIKTOK));
      const deadline = Date.now() + 15000;
      let banner = await readBanner(tiktok.page);
      let badge = tiktok.badge;
      while ((!/restricted-for-you/.test(banner.verdict) || badge !== '1') && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        banner = await readBanner(tiktok.page);
        badge = (await fresh.reportFor(detailUrl(TIKTOK))).badge;
      }
      assert.match(banner.verdict, /restricted-for-you/);
      assert.match(banner.text, /^Not allowed on your work devices — No TikTok on Government Devices Act \(federal devices\)/);
      assert.equal(badge, '1');
      const kept = await fresh.worker().evaluate(() => chrome.storage.local.get('policySeen'));
      assert.deepEqual(kept.policySeen, ['government:US'], 'the policy as read, kept for the next start');
      await fresh.close();
      fresh = undefined;

      // The browser starts again: the first page's first banner and count are the policy's, with no wait for the policy service
      // (the policy as last read; the read from the browser, when it comes, finds the same and redraws nothing).
      fresh = await launchChromium({ extension, userDataDir: dir });
      const again = await fresh.openReported(detailUrl(TIKTOK), playListingFromCapture(TIKTOK));
      const first = await readBanner(again.page);
      assert.match(first.verdict, /restricted-for-you/);
      assert.match(first.text, /^Not allowed on your work devices — No TikTok on Government Devices Act \(federal devices\)/);
      assert.equal(again.badge, '1');
      await again.page.close();
    } finally {
      await fresh?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
