// The content script's first message, sent at document_start: it wakes a
// stopped service worker while the page parses (the questions that follow find
// it running), and brings back the words the banner and badges use, already
// looked up through browser.i18n by the background. The content script does not
// call browser.i18n itself: in Chromium its first call fetches the whole
// message catalogue synchronously, on the page's main thread (about 10 ms).

import type { I18nApi } from './i18n';

export const PAGE_START = { type: 'page-start' } as const;
export type PageStart = typeof PAGE_START;

export function isPageStart(msg: unknown): msg is PageStart {
  return !!msg && typeof msg === 'object' && (msg as { type?: unknown }).type === PAGE_START.type;
}

/**
 * The catalogue keys the content script's UI uses (extension/content/ui.ts);
 * tests/unit/page-start.test.ts checks every key it names is here.
 */
export const CONTENT_UI_KEYS = [
  'extName',
  'banner_region_label',
  'banner_possible',
  'banner_for_you',
  'banner_meta',
  'banner_toggle_label',
  'banner_hide',
  'banner_show',
  'banner_details',
  'banner_details_label',
  'banner_dismiss_label',
  'banner_dismiss_title',
  'banner_more_label',
  'badge_label',
  'badge_for_you',
  'badge_in_force',
  'badge_elsewhere',
  'badge_history',
  'badge_possible',
  'badge_related',
] as const;

/** Substitutions are passed as these characters (private use) and put back by the content script. */
const SLOT = 0xe000;
const SLOTS = Array.from({ length: 9 }, (_, i) => String.fromCharCode(SLOT + i));

/** The background's answer: each key's message with its substitutions left as slots, and the UI language. */
export interface PageStartAnswer {
  lang: string;
  dir: 'ltr' | 'rtl';
  messages: Record<string, string>;
}

/** Built by the background from its own browser.i18n. */
export function pageStartAnswer(api: I18nApi): PageStartAnswer {
  const messages: Record<string, string> = {};
  for (const key of CONTENT_UI_KEYS) messages[key] = api.getMessage(key, SLOTS);
  return { lang: api.getUILanguage(), dir: api.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr', messages };
}

/** The content script's check of the answer; undefined when it is not one (an extension reloaded meanwhile). */
export function parsePageStart(v: unknown): PageStartAnswer | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.lang !== 'string' || (o.dir !== 'ltr' && o.dir !== 'rtl') || !o.messages || typeof o.messages !== 'object') return undefined;
  const messages: Record<string, string> = {};
  for (const [k, m] of Object.entries(o.messages)) if (typeof m === 'string') messages[k] = m;
  return { lang: o.lang, dir: o.dir, messages };
}

/** An I18nApi over the answer (what ui.ts reads its words through), substituting as browser.i18n would. */
export function answeredI18n(answer: PageStartAnswer): I18nApi {
  return {
    getUILanguage: () => answer.lang,
    getMessage(key, substitutions) {
      if (key === '@@bidi_dir') return answer.dir;
      const m = answer.messages[key];
      if (m === undefined) return '';
      const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
      return m.replace(/[\ue000-\ue008]/g, (c) => subs[c.charCodeAt(0) - SLOT] ?? '');
    },
  };
}
