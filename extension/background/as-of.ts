// The background's view of the chosen status date (extension/shared/as-of.ts),
// read once per service-worker life and again whenever it changes.

import browser from 'webextension-polyfill';
import { AS_OF_DATE, readChosenDate } from '../shared/as-of';
import type { DescriberOn } from '../shared/describing-cache';
import { describingFor } from './record-data';

let chosen: Promise<string | undefined> | undefined;
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'session' && AS_OF_DATE in changes) chosen = undefined;
});

/** The describer for the chosen day, else for today. */
export async function describingNow(): Promise<DescriberOn> {
  chosen ??= readChosenDate(browser.storage.session);
  return describingFor(await chosen);
}
