import type { Browser } from 'webextension-polyfill';
import type { TabReport } from '../shared/messages';
import { storedUrl } from '../shared/stored-url';
import { POPUP_FOCUS } from '../background/storage-schema';

export type PopupState =
  | { kind: 'loading' }
  /** report null: the tab is on a supported site but sent no report (still loading, or no listing there). */
  | { kind: 'ready'; url: string; tabId: number; report: TabReport | null; focus?: string }
  /** A page Covered Apps does not read (or whose address the browser does not give it: outside its sites). */
  | { kind: 'unsupported'; url: string }
  | { kind: 'error'; message: string };

/**
 * Which tab: ?tabId=N (opened from a banner's "Details" in a tab), else the active tab.
 * `supported` says whether an address is on a site an adapter reads.
 */
export async function loadTabReport(b: Browser, search: string, supported: (url: string) => Promise<boolean>): Promise<PopupState> {
  const fromQuery = Number(new URLSearchParams(search).get('tabId'));
  let tabId: number | undefined = Number.isInteger(fromQuery) && fromQuery > 0 ? fromQuery : undefined;
  let url = '';
  if (tabId === undefined) {
    const [tab] = await b.tabs.query({ active: true, currentWindow: true });
    tabId = tab?.id;
    url = tab?.url ?? '';
  } else {
    url = (await b.tabs.get(tabId).catch(() => undefined))?.url ?? '';
  }
  if (tabId === undefined) return { kind: 'error', message: 'No active tab.' };
  const report = (await b.runtime.sendMessage({ type: 'get-tab', tabId })) as TabReport | null;
  if (!report && !(url && (await supported(url)))) return { kind: 'unsupported', url: storedUrl(url) };
  // The listing a badge or the banner's Details asked for: in the address (a details tab) or left by the background (the popup).
  const asked = (await b.storage.session.get(POPUP_FOCUS).catch((): Record<string, unknown> => ({})))[POPUP_FOCUS] as { tabId?: unknown; key?: unknown } | undefined;
  const focus = new URLSearchParams(search).get('listing') ?? (asked?.tabId === tabId && typeof asked.key === 'string' ? asked.key : undefined);
  return { kind: 'ready', url: storedUrl(report?.url ?? url), tabId, report, ...(focus ? { focus } : {}) };
}
