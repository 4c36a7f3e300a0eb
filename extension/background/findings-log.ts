// The findings log in the background: when the user turned it on (Options), each
// full report of a page with flagged listings is appended to storage.local, one
// write at a time, bounded with the oldest evicted first; a quota error evicts the
// oldest half and retries. A tab's page reported again (scroll, re-scan) is logged
// once, until the tab loads a page again (a reload is a visit).

import browser from 'webextension-polyfill';
import { appendToLog, logEntryFromRecord, type LogEntry } from '../../src/record/findings-log';
import type { PageRecord } from '../../src/record/page-record';
import { FINDINGS_LOG, FINDINGS_LOG_ENABLED } from './records-storage';

let enabled: Promise<boolean> | undefined;
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && FINDINGS_LOG_ENABLED in changes) enabled = undefined;
});
export function logEnabled(): Promise<boolean> {
  enabled ??= browser.storage.local.get(FINDINGS_LOG_ENABLED).then(
    (got) => got[FINDINGS_LOG_ENABLED] === true,
    () => false,
  );
  return enabled;
}

const lastLogged = new Map<number, string>();
let queue: Promise<void> = Promise.resolve();

async function append(entry: LogEntry): Promise<void> {
  let stored = (await browser.storage.local.get(FINDINGS_LOG))[FINDINGS_LOG];
  for (let attempt = 0; ; attempt++) {
    const { items } = appendToLog(stored, entry);
    try {
      await browser.storage.local.set({ [FINDINGS_LOG]: items });
      return;
    } catch (err) {
      if (attempt >= 3 || !/quota/i.test(String(err)) || !Array.isArray(stored) || !stored.length) throw err;
      stored = stored.slice(Math.ceil(stored.length / 2));
    }
  }
}

/**
 * Logs the page's record when the log is on and it flags something, once per tab
 * and `visit` (its page and status date: cards added by scrolling do not log the page
 * again). The record is built only when it will be logged.
 */
export function logVisit(tabId: number, visit: string, makeRecord: () => PageRecord | Promise<PageRecord>): Promise<void> {
  queue = queue
    .then(async () => {
      if (!(await logEnabled()) || lastLogged.get(tabId) === visit) return;
      const entry = logEntryFromRecord(await makeRecord());
      if (!entry) return;
      lastLogged.set(tabId, visit);
      await append(entry);
    })
    .catch(() => undefined);
  return queue;
}

export function forgetTab(tabId: number): void {
  lastLogged.delete(tabId);
}
