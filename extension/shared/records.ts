// What the extension pages (popup, report, log, options) share for records: the
// record of a tab's report on the chosen date, and saving a file the user asked for.

import browser from 'webextension-polyfill';
import { dataset } from '../../src/data/dataset';
import { markId, parseMarks } from '../../src/record/not-this-app';
import { buildPageRecord, type NotThisAppMark, type PageRecord } from '../../src/record/page-record';
import { NOT_THIS_APP } from '../background/records-storage';
import { readChosenDate } from './as-of';
import { describingOn } from './describing';
import type { TabReport } from './messages';
import { saveFile } from './save-file';

export async function readMarks(): Promise<NotThisAppMark[]> {
  return parseMarks((await browser.storage.local.get(NOT_THIS_APP))[NOT_THIS_APP]).marks;
}

/** The tab's record with every status on the chosen day (else today), and the marks that hid findings on it. */
export async function recordOfReport(report: TabReport, now = new Date()): Promise<PageRecord> {
  const [chosen, marks] = await Promise.all([readChosenDate(browser.storage.session), readMarks()]);
  const index = describingOn(chosen, now);
  const hidden = new Set((report.hidden ?? []).map(markId));
  return buildPageRecord({
    url: report.url,
    findings: report.findings,
    total: report.total,
    notThisApp: marks.filter((m) => hidden.has(markId(m)) || m.url === report.url),
    index,
    dataset,
    chosenDate: index.chosen,
    checkedAt: now,
    extension: { name: 'Covered Apps', version: browser.runtime.getManifest().version },
  });
}

/** Saves a page record as its JSON export, named by the time it was checked. */
export function saveRecord(record: PageRecord): void {
  saveFile(`covered-apps-record-${fileStamp(record.checkedAt)}.json`, recordJson(record), 'application/json');
}

/** "covered-apps-record-2026-12-02T08-00-00Z.json" */
export function fileStamp(iso: string): string {
  return iso.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
}

export const recordJson = (r: PageRecord) => JSON.stringify(r, null, 2);

/** The catalogue key naming what the measures do to a listing. */
export const EFFECT_KEY = { restricts: 'record_effect_restricts', 'not-in-force': 'record_effect_not_in_force', related: 'record_effect_related' } as const;
