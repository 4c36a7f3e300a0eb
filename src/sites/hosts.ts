// Which hosts an adapter covers, in one rule shared by the content script,
// the manifest's match patterns and the tests:
// - a bare registrable domain ("uptodown.com", "wps.com") covers its subdomains
//   (per-app subdomains such as wps-office.en.uptodown.com);
// - any longer host ("play.google.com", "www.amazon.de") covers itself only.

export function isBareDomain(host: string): boolean {
  return host.split('.').length === 2;
}

export function hostMatches(pageHost: string, adapterHost: string): boolean {
  const h = pageHost.toLowerCase();
  const a = adapterHost.toLowerCase();
  return h === a || (isBareDomain(a) && h.endsWith(`.${a}`));
}

/** An adapter's content-script match patterns: its own narrowed list, else every https page of its hosts. */
export function contentMatches(adapter: { hosts: readonly string[]; matches?: readonly string[] }): string[] {
  return adapter.matches ? [...adapter.matches] : matchPatterns(adapter.hosts);
}

/** Manifest match patterns for an adapter's hosts (https only). */
export function matchPatterns(hosts: readonly string[]): string[] {
  // A host already covered by a bare domain in the list needs no pattern of its own.
  const kept = hosts.filter((h) => !hosts.some((other) => other !== h && isBareDomain(other) && hostMatches(h, other)));
  return kept.map((h) => (isBareDomain(h) ? `https://*.${h}/*` : `https://${h}/*`));
}
