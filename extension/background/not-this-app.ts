// "Not this app" in the background: the marks (storage.local), read once per
// service-worker life and again when they change; marking a finding of a tab's
// report (asked by the popup), and undoing a mark (asked by the options page).

import browser from 'webextension-polyfill';
import type { TabReport } from '../shared/messages';
import { addMark, parseMarks, removeMark } from '../../src/record/not-this-app';
import type { NotThisAppMark } from '../../src/record/page-record';
import { NOT_THIS_APP } from './records-storage';

let cache: Promise<NotThisAppMark[]> | undefined;
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && NOT_THIS_APP in changes) cache = undefined;
});

export function getMarks(): Promise<NotThisAppMark[]> {
  cache ??= browser.storage.local.get(NOT_THIS_APP).then(
    (got) => parseMarks(got[NOT_THIS_APP]).marks,
    () => [],
  );
  return cache;
}

async function saveMarks(marks: NotThisAppMark[]): Promise<void> {
  cache = Promise.resolve(marks);
  await browser.storage.local.set({ [NOT_THIS_APP]: marks });
}

/** Marks a finding of the tab's report (only one the report holds); true when marked. */
export async function markNotThisApp(report: TabReport | undefined, entityId: string, key: string, now: Date): Promise<boolean> {
  const f = report?.findings.find((x) => x.entityId === entityId && x.key === key);
  if (!report || !f) return false;
  await saveMarks(addMark(await getMarks(), { key, entityId, name: f.name ?? entityId, url: report.url, markedAt: now.toISOString() }));
  return true;
}

export async function undoNotThisApp(id: string): Promise<void> {
  await saveMarks(removeMark(await getMarks(), id));
}
