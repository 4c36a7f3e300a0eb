import { render } from 'preact';
import browser from 'webextension-polyfill';
import { readChosenDate } from '../shared/as-of';
import { choosePageDate } from '../shared/describing';
import { loadTabReport } from './load';
import { setPageLanguage } from '../shared/page-i18n';

const supported = async (url: string) => {
  const { adapterFor } = await import('../../src/sites/registry');
  try {
    return adapterFor(new URL(url)) !== undefined;
  } catch {
    return false;
  }
};

setPageLanguage(document);
const app = document.getElementById('app')!;
// The chosen status date is read before the popup's modules compute their index.
void readChosenDate(browser.storage.session).then(async (chosen) => {
  choosePageDate(chosen);
  const { Popup } = await import('./Popup');
  render(<Popup state={{ kind: 'loading' }} />, app);
  loadTabReport(browser, location.search, supported).then(
    (state) => render(<Popup state={state} />, app),
    (err: unknown) => render(<Popup state={{ kind: 'error', message: String(err) }} />, app),
  );
});
