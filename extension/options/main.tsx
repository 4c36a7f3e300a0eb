import { render } from 'preact';
import { index } from '../shared/compiled-index';
import { siteAdapters } from '../../src/sites/registry';

function Options() {
  return (
    <main>
      <h1>Covered Apps</h1>
      <p class="asof">Data as of {index.asOf}: {index.measures.length} measures, {index.entities.length} covered apps and companies.</p>
      <h2>Sites checked</h2>
      <ul id="sites">
        {siteAdapters.map((a) => (
          <li key={a.id}>
            {a.name} <span class="muted">({a.hosts.join(', ')})</span>
          </li>
        ))}
      </ul>
      <p class="muted">Everything runs in your browser: no page you visit, and nothing about it, leaves it.</p>
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
