// The translator for extension pages (popup, options): browser.i18n through
// webextension-polyfill, and the page's lang and dir set from the UI language.
import browser from 'webextension-polyfill';
import { translator, uiDirection } from './i18n';

export const t = translator(browser.i18n);

/** `lang` and `dir` of the page follow the browser's UI language (RTL-safe: the CSS uses logical properties). */
export function setPageLanguage(doc: Document): void {
  doc.documentElement.lang = browser.i18n.getUILanguage();
  doc.documentElement.dir = uiDirection(browser.i18n);
}
