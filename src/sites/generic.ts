// "Check any site" (off by default; the user grants the permission): applies
// to any page. Reads only strong evidence: store links, JSON-LD
// SoftwareApplication records, and the page's h1 as a name, but the h1 only
// when the page is about an app (it has a JSON-LD app or a store link):
// a news headline alone must never raise a flag.

import type { Listing, ListingId, SiteAdapter } from './types';
import { readSoftwareApplications } from './json-ld';
import { idsFromHref } from './store-links';
import { extractStoreLinks } from './links';
import { cleanText } from './page-text';

export interface GenericOptions {
  /** Official domains from the dataset: links to them count as evidence too. */
  knownDomains?: ReadonlySet<string>;
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

export function createGenericAdapter(options: GenericOptions = {}): SiteAdapter {
  return {
    id: 'generic',
    name: 'Any site',
    hosts: [],
    classify: (url) => (url.protocol === 'http:' || url.protocol === 'https:' ? 'other' : null),
    examples: [
      { url: 'https://blog.example.org/2024/05/best-scanner-apps/', kind: 'other' },
      { url: 'http://intranet.local/tools', kind: 'other' },
      { url: 'file:///home/user/page.html', kind: null },
      { url: 'chrome-extension://abcdefghijklmnop/popup.html', kind: null },
    ],
    extract(doc, url) {
      try {
        if (url.protocol !== 'http:' && url.protocol !== 'https:') return [];
        const out: Listing[] = [];
        const h1 = doc.querySelector('h1');
        const h1Text = cleanText(h1, 120);

        const apps = readSoftwareApplications(doc).slice(0, 20);
        for (const app of apps) {
          const ids: ListingId[] = app.url ? idsFromHref(app.url, url, 'json-ld') : [];
          if (!app.name && ids.length === 0) continue;
          // Decorate the h1 when it names this app; otherwise the page as a whole.
          const element = h1 && h1Text && app.name && norm(h1Text) === norm(app.name) ? h1 : (doc.body ?? doc.documentElement);
          const listing: Listing = { role: 'main', ids, element: element ?? undefined };
          if (app.name) listing.name = app.name;
          if (app.developer) listing.developer = app.developer;
          out.push(listing);
        }
        const reported = out.flatMap((l) => l.ids);
        const links = extractStoreLinks(doc, url, (id) => reported.some((r) => r.platform === id.platform && r.value === id.value), {
          knownDomains: options.knownDomains,
        });
        out.push(...links);

        const aboutAnApp = apps.length > 0 || links.length > 0;
        const named = new Set(apps.map((a) => (a.name ? norm(a.name) : '')));
        if (aboutAnApp && h1 && h1Text && !named.has(norm(h1Text))) {
          out.push({ role: 'main', name: h1Text, ids: [], element: h1 });
        }
        return out;
      } catch {
        return [];
      }
    },
  };
}

export const genericAdapter: SiteAdapter = createGenericAdapter();
