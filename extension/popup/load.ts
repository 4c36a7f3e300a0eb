import type { Browser } from 'webextension-polyfill';
import type { TabReport } from '../shared/messages';
import { storedUrl } from '../shared/stored-url';

export type PopupState =
  | { kind: 'ready'; url: string; report: TabReport | null; tabId?: number }
  | { kind: 'unsupported'; url: string }
  | { kind: 'error'; message: string };

/** Which tab: ?tabId=N (opened from a banner's "Details" in a tab), else the active tab. */
export async function loadTabReport(b: Browser, search: string): Promise<PopupState> {
  const fromQuery = Number(new URLSearchParams(search).get('tabId'));
  let tabId: number | undefined = Number.isInteger(fromQuery) && fromQuery > 0 ? fromQuery : undefined;
  let url = '';
  if (tabId === undefined) {
    const [tab] = await b.tabs.query({ active: true, currentWindow: true });
    tabId = tab?.id;
    url = tab?.url ?? '';
  }
  if (tabId === undefined) return { kind: 'error', message: 'No active tab.' };
  const report = (await b.runtime.sendMessage({ type: 'get-tab', tabId })) as TabReport | null;
  return { kind: 'ready', url: storedUrl(report?.url ?? url), report, tabId };
}
