// Background: per-tab findings, the toolbar badge, dismissals for the browser
// session, and the popup's questions. Every message is validated: it must come
// from this extension, and have the expected shape.

import browser, { type Runtime } from 'webextension-polyfill';
import { badgeCount, parseContentMessage, parsePopupMessage, type FindingPayload, type TabReport } from '../shared/messages';
import { index } from '../shared/compiled-index';
import { describeFindings } from '../../src/match/wording';
import { ANY_SITE_SETTING, syncAnySite, type AnySiteApi, type AnySiteState } from './any-site';

const tabKey = (tabId: number) => `tab:${tabId}`;
const DISMISSED = 'dismissed';
const session = browser.storage.session;

async function getReport(tabId: number): Promise<TabReport | undefined> {
  const got = await session.get(tabKey(tabId));
  const r = got[tabKey(tabId)] as TabReport | undefined;
  return r && typeof r.url === 'string' && Array.isArray(r.findings) ? r : undefined;
}

async function setBadge(tabId: number, findings: FindingPayload[]): Promise<void> {
  const n = badgeCount(findings);
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: n ? String(n) : '' }),
    n ? browser.action.setBadgeBackgroundColor({ tabId, color: '#b3261e' }) : undefined,
    browser.action.setTitle({
      tabId,
      title: n ? `Covered Apps: ${n} listing${n === 1 ? '' : 's'} on this page named in government measures` : 'Covered Apps',
    }),
  ]);
}

// Dismissed keys, read from storage.session once per service-worker life and
// kept here (every findings answer carries them: no storage read on that path).
let dismissedKeys: Promise<string[]> | undefined;
function getDismissed(): Promise<string[]> {
  dismissedKeys ??= session.get(DISMISSED).then(
    (got) => {
      const v = got[DISMISSED];
      return Array.isArray(v) ? v.filter((k): k is string => typeof k === 'string') : [];
    },
    () => [],
  );
  return dismissedKeys;
}
// Whoever changes them (a dismissal here, the session ending, a test), read them again.
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'session' && DISMISSED in changes) dismissedKeys = undefined;
});
async function addDismissed(key: string): Promise<void> {
  const keys = [...new Set([...(await getDismissed()), key])].slice(-500);
  dismissedKeys = Promise.resolve(keys);
  await session.set({ [DISMISSED]: keys });
}

function fromOwnExtension(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id;
}

function fromExtensionPage(sender: Runtime.MessageSender): boolean {
  const base = browser.runtime.getURL('');
  return fromOwnExtension(sender) && typeof sender.url === 'string' && sender.url.startsWith(base);
}

// At most one details page per tab every 2 s, however often it is asked for
// (the banner's Details button already acts on real clicks only).
const DETAILS_INTERVAL_MS = 2000;
const detailsOpenedAt = new Map<number, number>();

async function openDetails(tabId: number): Promise<void> {
  const now = Date.now();
  if (now - (detailsOpenedAt.get(tabId) ?? -Infinity) < DETAILS_INTERVAL_MS) return;
  detailsOpenedAt.set(tabId, now);
  try {
    await browser.action.openPopup();
  } catch {
    // openPopup needs a user gesture or is unsupported: open the same page in a tab.
    await browser.tabs.create({ url: browser.runtime.getURL(`extension/popup/index.html?tabId=${tabId}`) });
  }
}

browser.runtime.onMessage.addListener((msg: unknown, sender: Runtime.MessageSender) => {
  if (!fromOwnExtension(sender)) return undefined;

  if (sender.tab?.id !== undefined && !fromExtensionPage(sender)) {
    // A content script.
    const m = parseContentMessage(msg);
    const tabId = sender.tab.id;
    if (!m || sender.frameId !== 0) return undefined;
    switch (m.type) {
      case 'findings': {
        // Answer with the words to draw and what the user dismissed as soon as
        // the dismissals are read (the page is waiting to draw); store the report
        // and set the badge alongside, not before.
        const report: TabReport = { url: m.url, findings: m.findings };
        // A partial list (the page's own listing, ahead of the rest) is only described:
        // the badge and the popup's report wait for the full list, a moment later.
        // (Badge first: whoever finds the report finds the badge set too.)
        if (!m.partial) {
          void setBadge(tabId, m.findings)
            .catch(() => undefined) // tab closed meanwhile
            .then(() => session.set({ [tabKey(tabId)]: report }));
        }
        return getDismissed().then((dismissed) => ({ ...describeFindings(m.findings, index), dismissed }));
      }
      case 'dismiss':
        return addDismissed(m.key);
      case 'open-details':
        return openDetails(tabId);
    }
  }

  if (fromExtensionPage(sender)) {
    const m = parsePopupMessage(msg);
    if (m?.type === 'get-tab') return getReport(m.tabId).then((r) => r ?? null);
    if ((msg as { type?: unknown })?.type === 'any-site-state') return syncAnySiteNow();
  }
  return undefined;
});

browser.tabs.onRemoved.addListener((tabId) => {
  detailsOpenedAt.delete(tabId);
  void session.remove(tabKey(tabId));
});
browser.tabs.onUpdated.addListener((tabId, change) => {
  // A new document is loading: the old findings no longer describe the tab.
  const url = change.url;
  if (!url) return;
  void getReport(tabId).then((r) => {
    if (r && r.url !== url) {
      void session.remove(tabKey(tabId));
      void browser.action.setBadgeText({ tabId, text: '' });
    }
  });
});

// "Check any site": keep the generic content script's registration in line with
// the user's setting and the permission they granted (or later revoked).
const anySiteApi: AnySiteApi = {
  hasOrigins: (origins) => browser.permissions.contains({ origins }),
  registered: async () => (await browser.scripting.getRegisteredContentScripts()).map((s) => s.id),
  register: (script) => browser.scripting.registerContentScripts([script]),
  unregister: (ids) => browser.scripting.unregisterContentScripts({ ids }),
  getSetting: async () => (await browser.storage.local.get(ANY_SITE_SETTING))[ANY_SITE_SETTING],
};
const supportedMatches = (browser.runtime.getManifest().content_scripts ?? []).flatMap((cs) => cs.matches ?? []);

function syncAnySiteNow(): Promise<AnySiteState> {
  return syncAnySite(anySiteApi, supportedMatches).catch((): AnySiteState => 'off');
}

browser.runtime.onStartup.addListener(() => void syncAnySiteNow());
browser.runtime.onInstalled.addListener(() => void syncAnySiteNow());
browser.permissions.onAdded.addListener(() => void syncAnySiteNow());
browser.permissions.onRemoved.addListener(() => void syncAnySiteNow());
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && ANY_SITE_SETTING in changes) void syncAnySiteNow();
});
