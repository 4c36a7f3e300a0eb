import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { index } from '../shared/compiled-index';
import { siteAdapters } from '../../src/sites/registry';
import { ANY_SITE_ORIGINS, ANY_SITE_SETTING, type AnySiteState } from '../background/any-site';

function AnySiteToggle() {
  const [state, setState] = useState<AnySiteState | 'loading'>('loading');
  const [message, setMessage] = useState('');

  const refresh = async () => {
    const s = (await browser.runtime.sendMessage({ type: 'any-site-state' })) as AnySiteState | undefined;
    setState(s ?? 'off');
  };
  useEffect(() => {
    void refresh();
  }, []);

  const onChange = async (e: Event) => {
    const on = (e.currentTarget as HTMLInputElement).checked;
    setMessage('');
    try {
      if (on) {
        // Must be asked from the click itself (a user gesture).
        const granted = await browser.permissions.request({ origins: ANY_SITE_ORIGINS });
        if (!granted) {
          setMessage('Access to all sites was not granted, so the mode stays off.');
          setState('off');
          return;
        }
        await browser.storage.local.set({ [ANY_SITE_SETTING]: true });
      } else {
        await browser.storage.local.set({ [ANY_SITE_SETTING]: false });
        await browser.permissions.remove({ origins: ANY_SITE_ORIGINS });
      }
    } catch (err) {
      setMessage(`Could not change the setting: ${String(err)}`);
    }
    await refresh();
  };

  return (
    <section aria-labelledby="any-site-title">
      <h2 id="any-site-title">Check any site</h2>
      <label>
        <input id="any-site" type="checkbox" checked={state === 'on'} disabled={state === 'loading'} onChange={onChange} /> Also check other sites
        (blogs, vendor pages, download portals we do not list) for links to covered apps and app descriptions
      </label>
      <p class="muted">
        Off by default. Turning it on asks your browser for access to all sites; everything still runs only in your browser.
        {state === 'needs-permission' ? ' The browser no longer grants that access, so the mode is paused.' : ''}
      </p>
      {message ? <p role="status">{message}</p> : null}
    </section>
  );
}

function Options() {
  return (
    <main>
      <h1>Covered Apps</h1>
      <p class="asof">
        Data as of {index.asOf}: {index.measures.length} measures, {index.entities.length} covered apps and companies.
      </p>
      <AnySiteToggle />
      <h2>Sites checked</h2>
      <ul id="sites">
        {siteAdapters.map((a) => (
          <li key={a.id}>
            {a.name} <span class="muted">({a.hosts.join(', ')})</span>
          </li>
        ))}
      </ul>
      <p class="muted">No page you visit, and nothing about it, leaves your browser: no network requests, no telemetry.</p>
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
