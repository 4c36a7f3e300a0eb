import { render } from 'preact';
import browser from 'webextension-polyfill';
import { choosePageDate, readChosenDate } from '../shared/as-of';
import { loadTabReport } from './load';

const app = document.getElementById('app')!;
// The chosen status date is read before the popup's modules compute their index.
void readChosenDate(browser.storage.session).then(async (chosen) => {
  choosePageDate(chosen);
  const { Popup } = await import('./Popup');
  loadTabReport(browser, location.search).then(
    (state) => render(<Popup state={state} />, app),
    (err: unknown) => render(<Popup state={{ kind: 'error', message: String(err) }} />, app),
  );
});
