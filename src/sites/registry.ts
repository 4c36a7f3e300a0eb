// Every site adapter. The build gives each its own content script (only the
// adapter for the site it runs on, plus the shared core), and the manifest's
// match patterns come from their hosts. Adding a store = one adapter file + one line here.

import type { SiteAdapter } from './types';
import { googlePlay } from './google-play';
import { storeAdapters } from './stores';
import { downloadAdapters, vendorAdapter } from './downloads';
import { hostMatches } from './hosts';

export const siteAdapters: SiteAdapter[] = [googlePlay, ...storeAdapters, ...downloadAdapters, vendorAdapter];

export { hostMatches };

export function adapterFor(url: URL, adapters: SiteAdapter[] = siteAdapters): SiteAdapter | undefined {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  return adapters.find((a) => a.hosts.some((h) => hostMatches(url.hostname, h)));
}
