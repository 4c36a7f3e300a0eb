// Prints, as JSON, every site adapter with the module that exports it and its
// manifest match patterns. The build uses it to make one content script per site.
import { readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { siteAdapters } from '../src/sites/registry';
import { contentMatches } from '../src/sites/hosts';
import type { SiteAdapter } from '../src/sites/types';

const dir = resolve('src/sites');
const found = new Map<SiteAdapter, { module: string; exportName: string }>();
for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))) {
  const mod = (await import(pathToFileURL(resolve(dir, file)).href)) as Record<string, unknown>;
  for (const [name, value] of Object.entries(mod)) {
    if (siteAdapters.includes(value as SiteAdapter) && !found.has(value as SiteAdapter)) {
      found.set(value as SiteAdapter, { module: `src/sites/${file}`, exportName: name });
    }
  }
}
const out = siteAdapters.map((a) => {
  const where = found.get(a);
  if (!where) throw new Error(`adapter ${a.id} is not a named export of a src/sites module`);
  return { id: a.id, ...where, hosts: a.hosts, matches: contentMatches(a) };
});
process.stdout.write(JSON.stringify(out, null, 2));
