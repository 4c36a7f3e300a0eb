import { render } from 'preact';
import browser from 'webextension-polyfill';
import { Popup } from './Popup';
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
render(<Popup state={{ kind: 'loading' }} />, app);
loadTabReport(browser, location.search, supported).then(
  (state) => render(<Popup state={state} />, app),
  (err: unknown) => render(<Popup state={{ kind: 'error', message: String(err) }} />, app),
);
