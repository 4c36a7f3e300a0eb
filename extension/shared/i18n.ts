// Every user-facing string of the extension goes through `browser.i18n`
// (public/_locales/<lang>/messages.json). Each surface passes the i18n API it
// captured itself (the content script reads it once from its own world, never
// through a global a page can clobber); pages and the background pass
// `browser.i18n` from webextension-polyfill.

export interface I18nApi {
  getMessage(messageName: string, substitutions?: string | string[]): string;
  getUILanguage(): string;
}

export type Translate = (key: string, substitutions?: string | number | (string | number)[]) => string;

/**
 * A translator over one i18n API. A key missing from the catalogue returns the key
 * itself (visible, and caught by the catalogue test), never an empty string.
 */
export function translator(api: I18nApi): Translate {
  return (key, substitutions) => {
    const subs = substitutions === undefined ? undefined : (Array.isArray(substitutions) ? substitutions : [substitutions]).map(String);
    return api.getMessage(key, subs) || key;
  };
}

/** `dir` for the UI language: Chrome and Firefox expose it as the predefined message `@@bidi_dir`. */
export function uiDirection(api: I18nApi): 'ltr' | 'rtl' {
  return api.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
}

/**
 * Plurals without ICU (browser.i18n has none): one message per plural form, named
 * `<base>_one` and `<base>_other`, with the count as the first placeholder ($COUNT$).
 * English uses both forms; languages with one form (zh_CN) give both the same text.
 * A language with more forms would add keys and a rule here.
 */
export function plural(t: Translate, base: string, n: number, more: (string | number)[] = []): string {
  return t(`${base}_${n === 1 ? 'one' : 'other'}`, [n, ...more]);
}
