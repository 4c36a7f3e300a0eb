// Every site adapter, and the one question the content script asks first:
// "does any adapter handle this URL?" Adding a store = one file + one line here.

import type { SiteAdapter } from './types';
import { googlePlay } from './google-play';

export const siteAdapters: SiteAdapter[] = [googlePlay];

/** A host matches an adapter host when equal to it or a subdomain of it. */
export function hostMatches(host: string, adapterHost: string): boolean {
  const h = host.toLowerCase().replace(/^www\./, '');
  const a = adapterHost.toLowerCase().replace(/^www\./, '');
  return h === a || h.endsWith(`.${a}`);
}

export function adapterFor(url: URL, adapters: SiteAdapter[] = siteAdapters): SiteAdapter | undefined {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  return adapters.find((a) => a.hosts.some((h) => hostMatches(url.hostname, h)));
}
