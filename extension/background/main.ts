// Background: per-tab findings, the toolbar badge, dismissals for the browser
// session, and the popup's questions. Every message is validated: it must come
// from this extension, and have the expected shape.

import browser, { type Runtime } from 'webextension-polyfill';
import { badgeCount, packDescriptions, parseContentMessage, parsePopupMessage, parseTabReport, reportCount, restrictedLabel, type TabReport } from '../shared/messages';
import { storedUrl } from '../shared/stored-url';
import { describeFindings, restrictedCount } from '../../src/match/wording';
import { ANY_SITE_SETTING, syncAnySite, type AnySiteApi, type AnySiteState } from './any-site';
import { DISMISSED, MAX_DISMISSED, POPUP_FOCUS, STORAGE_NOTICE, repairLocal, repairSession, setEvictingOldest, tabKey, type Repair } from './storage-schema';
import { dismissKeysFor, issuedDismissKey, sameDocument, tabReport } from './tab-report';
import { managedWithin, policyMemoryIn, PROFILES_KEY, readProfileSetting } from '../shared/profile-setting';
import { translator } from '../shared/i18n';
import { isNeutral, type Profile } from '../../src/profile/profile';
import type { Describer } from '../../src/match/compile';

const t = translator(browser.i18n);
// Records (issue 12): chosen status date, "not this app", findings log.
import { describingNow } from './as-of';
import { forgetTab, logVisit } from './findings-log';
import { getMarks, markNotThisApp, undoNotThisApp } from './not-this-app';
import { parseRecordsRequest } from './not-this-app-request';
import { mergeRepairs, repairRecordsLocal, repairRecordsSession } from './records-storage';
import { MAX_HIDDEN } from '../shared/messages';
import { splitMarked } from '../../src/record/not-this-app';
import { buildPageRecord } from '../../src/record/page-record';
import { matchTables, quickFilesOf, recordDataset } from './record-data';
import { quickAnswer, quickFilesFor } from '../../src/match/quick-match';
import { isPageStart, pageStartAnswer, type PageStartAnswer } from '../shared/page-start';
import { parseMatchRequest } from '../../src/match/page-match';
import { answerMatch } from '../../src/match/answer-match';
import { REDESCRIBE } from '../shared/redescribe-message';

const session = browser.storage.session;

// Storage checked (and migrated) once per service-worker life, before anything reads it.
async function repairStorage(): Promise<void> {
  const apply = async (area: typeof session, r: Repair) => {
    if (r.remove.length) await area.remove(r.remove);
    if (Object.keys(r.set).length) await area.set(r.set);
  };
  const localItems = await browser.storage.local.get(null);
  const sessionItems = await session.get(null);
  const local = mergeRepairs(repairLocal(localItems), repairRecordsLocal(localItems));
  const sess = mergeRepairs(repairSession(sessionItems), repairRecordsSession(sessionItems));
  await apply(session, sess);
  const reset = [...local.reset, ...sess.reset];
  // The options page lists what went back to its default (until the user has read it).
  if (reset.length) local.set[STORAGE_NOTICE] = reset;
  await apply(browser.storage.local, local);
}
const storageReady = repairStorage().catch(() => undefined);

/** What the last storage repair reset (for the options page), after this worker's own repair. */
async function storageNotice(): Promise<string[]> {
  await storageReady;
  const v = (await browser.storage.local.get(STORAGE_NOTICE))[STORAGE_NOTICE];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

async function getReport(tabId: number): Promise<TabReport | undefined> {
  await storageReady;
  const got = await session.get(tabKey(tabId));
  return parseTabReport(got[tabKey(tabId)]);
}

const setEvicting = (items: Record<string, unknown>) => setEvictingOldest(session, items);

// Who the reader is (a policy's profiles, else the user's choice), read once per
// service-worker life and again whenever either changes.
let profileSetting: Promise<Profile[]> | undefined;
/**
 * How long a page's answer waits for enterprise policy (extension/shared/profile-setting.ts managedWithin):
 * then it uses the policy as last read; a policy that comes later and differs redescribes the tabs.
 */
const POLICY_WAIT_MS = 50;
function getProfiles(): Promise<Profile[]> {
  profileSetting ??= storageReady
    .then(() =>
      readProfileSetting({ local: browser.storage.local, managed: managedWithin(browser.storage.managed, POLICY_WAIT_MS, profilesChanged, policyMemoryIn(browser.storage.local)) }),
    )
    .then((s) => s.profiles, () => []);
  return profileSetting;
}
/** Who the reader is may have changed (their choice, the policy, a policy that came after a page's answer went without it): read again, and describe the open tabs for it. */
function profilesChanged(): void {
  profileSetting = undefined;
  void recountTabs();
}
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'managed' || (area === 'local' && PROFILES_KEY in changes)) profilesChanged();
});

/**
 * After the profiles change, every stored tab's toolbar count is counted again
 * for them, and its content script is asked to send its findings again: the
 * answer brings the new verdicts, and the open banner and badges are redrawn.
 */
async function recountTabs(): Promise<void> {
  const [profiles, describer] = await Promise.all([getProfiles(), describingNow()]);
  const all = await session.get(null);
  for (const [key, v] of Object.entries(all)) {
    const report = parseTabReport(v);
    const tabId = Number(key.slice(4));
    if (!key.startsWith('tab:') || !report) continue;
    report.restricted = restrictedCount(report.findings, indexOf(describer, report.findings), profiles);
    await setBadge(tabId, report, !isNeutral(profiles)).catch(() => undefined);
    await session.set({ [key]: report }).catch(() => undefined);
    // Its top frame only (the one whose findings are kept); a page without our script (gone, reloaded) does not answer.
    void browser.tabs.sendMessage(tabId, REDESCRIBE, { frameId: 0 }).catch(() => undefined);
  }
}

/**
 * Toolbar badge: the distinct apps on the page that a measure in force restricts
 * for the reader's profiles (neutral view: for anyone; statuses as of today), in
 * red; "i" in grey when nothing on the page restricts them but something is
 * flagged (relations, history, restrictions for others: never counted). The popup
 * counts the same way from the same report.
 */
async function setBadge(tabId: number, report: TabReport, chosen: boolean): Promise<void> {
  const n = report.restricted ?? 0;
  const other = n === 0 && report.findings.some((f) => f.tier <= 3);
  const title = n
    ? t(chosen ? 'badge_title_for_you' : 'badge_title_restricted', n)
    : other
      ? t(chosen ? 'badge_title_none_for_you' : 'badge_title_other')
      : t('extName');
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: n ? restrictedLabel({ ...report, restricted: n }) : other ? 'i' : '' }),
    n || other ? browser.action.setBadgeBackgroundColor({ tabId, color: n ? '#b3261e' : '#5f6368' }) : undefined,
    browser.action.setTitle({ tabId, title }),
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
/** This tab's dismissed keys (its listing's banner, its list banner), as far as the report and the tab's address tell. */
async function dismissedOfTab(tabId: number): Promise<{ mine: string[]; all: string[] }> {
  const [report, tab, all] = await Promise.all([getReport(tabId), browser.tabs.get(tabId).catch(() => undefined), getDismissed()]);
  const keys = dismissKeysFor(tab?.url, report);
  return { mine: all.filter((k) => keys.includes(k)), all };
}

/** The popup's "show the banner again": forget this tab's dismissals and reload it so the banner is drawn. */
async function restoreBanner(tabId: number): Promise<boolean> {
  const { mine, all } = await dismissedOfTab(tabId);
  if (!mine.length) return false;
  const keys = all.filter((k) => !mine.includes(k));
  dismissedKeys = Promise.resolve(keys);
  await session.set({ [DISMISSED]: keys });
  await browser.tabs.reload(tabId);
  return true;
}

async function addDismissed(key: string): Promise<void> {
  const keys = [...new Set([...(await getDismissed()), key])].slice(-MAX_DISMISSED);
  dismissedKeys = Promise.resolve(keys);
  await setEvicting({ [DISMISSED]: keys });
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

async function openDetails(tabId: number, key?: string): Promise<void> {
  const now = Date.now();
  if (now - (detailsOpenedAt.get(tabId) ?? -Infinity) < DETAILS_INTERVAL_MS) return;
  detailsOpenedAt.set(tabId, now);
  await (key ? session.set({ [POPUP_FOCUS]: { tabId, key } }) : session.remove(POPUP_FOCUS)).catch(() => undefined);
  try {
    await browser.action.openPopup();
  } catch {
    // openPopup needs a user gesture or is unsupported: open the same page in a tab.
    const listing = key ? `&listing=${encodeURIComponent(key)}` : '';
    await browser.tabs.create({ url: browser.runtime.getURL(`extension/popup/index.html?tabId=${tabId}${listing}`) });
  }
}

/** What the words for a page depend on (each read once and cached): "not this app" marks, the status date, the reader's profiles, their dismissals. */
const readerState = () => Promise.all([getMarks(), describingNow(), getProfiles(), getDismissed()]);

/** Findings in words for the reader, with what they dismissed: what a page draws (packed for the trip). */
function wordsFor(shown: Parameters<typeof describeFindings>[0], index: Parameters<typeof describeFindings>[1], profiles: Profile[], dismissed: string[]) {
  return packDescriptions({ ...describeFindings(shown, index, profiles), dismissed });
}
/** The describing index of these findings' entities only (src/match/compile.ts describerAt). */
function indexOf(describer: Describer, findings: { entityId: string }[]) {
  return describer.about(findings.map((f) => f.entityId));
}

/** The tab's report and toolbar count are gone: a new document loads, or the page moved in place. */
function forgetReport(tabId: number): Promise<void> {
  return Promise.all([session.remove(tabKey(tabId)), browser.action.setBadgeText({ tabId, text: '' })]).then(
    () => undefined,
    () => undefined,
  );
}

// The content UI's words, looked up once per worker life.
let startAnswer: PageStartAnswer | undefined;

browser.runtime.onMessage.addListener((msg: unknown, sender: Runtime.MessageSender) => {
  if (!fromOwnExtension(sender)) return undefined;
  if (isPageStart(msg)) {
    // The page is still parsing: answer first, then read the record and the
    // matching tables, build the day's describing data and read the reader's
    // settings (the questions and the findings that follow need them all).
    // The describing record first: the page's own listing is answered from it and
    // the quick files (a few KB) while the matching tables (the most bytes) are read.
    setTimeout(() => {
      void readerState().then(() => matchTables());
    }, 0);
    return Promise.resolve((startAnswer ??= pageStartAnswer(browser.i18n)));
  }

  if (sender.tab?.id !== undefined && !fromExtensionPage(sender)) {
    // A content script.
    const m = parseContentMessage(msg);
    const tabId = sender.tab.id;
    const senderUrl = sender.tab.url ?? sender.url;
    // "Which of these listings and names are covered?": answered from the tables, nothing stored.
    const question = parseMatchRequest(msg);
    if (question) {
      if (!question.describe) return matchTables().then((tables) => answerMatch(question, tables));
      // The page's own listing, by its address: from the quick files when a verified
      // identifier decides it (src/match/quick-match.ts), else from the whole tables.
      const answered = quickFilesOf(quickFilesFor(question))
        .then((files) => quickAnswer(question, files))
        .then((found) => (found ? { found, mentions: [] } : matchTables().then((tables) => answerMatch(question, tables))));
      // The page's own listing: its words come with the answer (its banner needs no second message).
      return Promise.all([answered, readerState()]).then(([answer, [marks, describer, profiles, dismissed]]) => {
        const flagged = answer.found.flatMap((f, i) => {
          const l = question.listings[i]!;
          return f && f.tier <= 3 && l.key ? [{ ...f, role: l.role, name: l.name, developer: l.developer, key: l.key }] : [];
        });
        const { shown } = splitMarked(flagged, marks);
        return { ...answer, described: wordsFor(shown, indexOf(describer, shown), profiles, dismissed) };
      });
    }
    if (!m || sender.frameId !== 0) return undefined;
    switch (m.type) {
      case 'findings': {
        // A report about another page than the one that sent it is not stored or answered.
        if (!sameDocument(m.url, senderUrl)) return undefined;
        return readerState().then(([marks, describer, profiles, dismissed]) => {
        // Listings the user marked "not this app" are left out of the words and counts (kept apart for the export).
        const { shown, marked } = splitMarked(m.findings, marks);
        m.findings = shown;
        // Answer with the words to draw and what the user dismissed as soon as
        // the dismissals are read (the page is waiting to draw); store the report
        // and set the badge alongside, not before.
        // Only entities of the record are kept (the content script's tables come from the same record).
        const report = tabReport({ ...m, url: storedUrl(m.url) }, describer.has, Date.now());
        // Counted over every finding sent, not only those stored (at most 200 per tab), for the reader's profiles.
        const index = indexOf(describer, m.findings);
        report.restricted = restrictedCount(m.findings, index, profiles);
        if (marked.length) report.hidden = marked.slice(0, MAX_HIDDEN);
        if (reportCount(report) > badgeCount(m.findings)) report.restrictedAtLeast = true;
        // A partial list (the page's own listing, ahead of the rest) is only described:
        // the badge and the popup's report wait for the full list, a moment later.
        // (Badge first: whoever finds the report finds the badge set too.)
        if (!m.partial) {
          void setBadge(tabId, report, !isNeutral(profiles))
            .catch(() => undefined) // tab closed meanwhile
            .then(() => storageReady)
            .then(() => setEvicting({ [tabKey(tabId)]: report }))
            .catch(() => undefined);
          // (The whole record, for the page record's sources, is read only when the log is on.)
          void logVisit(tabId, `${report.url}\n${index.date}`, async () =>
            buildPageRecord({ ...report, notThisApp: [], index, dataset: await recordDataset(), chosenDate: describer.chosen, checkedAt: new Date(), extension: { name: 'Covered Apps', version: browser.runtime.getManifest().version } }),
          );
        }
        // Every finding sent is described (not only those stored), with the verdict for the reader: each card waits for its words.
        return wordsFor(m.findings, index, profiles, dismissed);
        });
      }
      case 'navigated':
        // The tab's report was about the address before: gone, as when a new document loads.
        if (!sameDocument(m.url, senderUrl)) return undefined;
        return forgetReport(tabId);
      case 'dismiss':
        // Only keys this tab's page could have been given: its main listing's, its list banner's.
        return getReport(tabId).then((r) => (issuedDismissKey(m.key, senderUrl, r) ? addDismissed(m.key) : undefined));
      case 'open-details':
        return openDetails(tabId, m.key);
    }
  }

  if (fromExtensionPage(sender)) {
    const m = parsePopupMessage(msg);
    if (m?.type === 'get-tab') return getReport(m.tabId).then((r) => r ?? null);
    if (m?.type === 'banner-dismissed') return dismissedOfTab(m.tabId).then((d) => d.mine.length > 0);
    if (m?.type === 'restore-banner') return restoreBanner(m.tabId);
    if ((msg as { type?: unknown })?.type === 'any-site-state') return syncAnySiteNow();
    if ((msg as { type?: unknown })?.type === 'storage-notice') return storageNotice();
    const rec = parseRecordsRequest(msg);
    if (rec?.type === 'not-this-app') return getReport(rec.tabId).then((r) => markNotThisApp(r, rec.entityId, rec.key, new Date()));
    if (rec?.type === 'undo-not-this-app') return undoNotThisApp(rec.id);
  }
  return undefined;
});

browser.tabs.onRemoved.addListener((tabId) => {
  detailsOpenedAt.delete(tabId);
  forgetTab(tabId);
  void session.remove(tabKey(tabId));
});
browser.tabs.onUpdated.addListener((tabId, change) => {
  // A new document is loading: the old findings no longer describe the tab. The
  // event carries no URL for sites outside our permissions, but its status does
  // come. Kept only when it is an in-page move whose new report already arrived.
  if (change.status !== 'loading' && change.url === undefined) return;
  if (change.status === 'loading') forgetTab(tabId); // a reload is a new visit for the findings log
  void getReport(tabId).then((r) => {
    if (r && (change.url === undefined || !sameDocument(r.url, storedUrl(change.url)))) void forgetReport(tabId);
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
