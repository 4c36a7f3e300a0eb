import { render } from 'preact';
import browser from 'webextension-polyfill';
import { Popup } from './Popup';
import { loadTabReport } from './load';

const app = document.getElementById('app')!;
loadTabReport(browser, location.search).then(
  (state) => render(<Popup state={state} />, app),
  (err: unknown) => render(<Popup state={{ kind: 'error', message: String(err) }} />, app),
);
