// A listing's canonical store address from its key (platform:value, as the content
// script keys listings), for citations: the page address is kept without its query,
// and Google Play's id lives in the query.

const STORE_URL: Record<string, (id: string) => string> = {
  'google-play': (id) => `https://play.google.com/store/apps/details?id=${encodeURIComponent(id)}`,
  apple: (id) => `https://apps.apple.com/app/id${encodeURIComponent(id)}`,
  'apple-mac': (id) => `https://apps.apple.com/app/id${encodeURIComponent(id)}`,
};

/** The store address a listing key names, when its platform has one; undefined otherwise. */
export function storeUrlFor(key: string): string | undefined {
  const m = /^([a-z-]+):(.+)$/.exec(key);
  const build = m ? STORE_URL[m[1]!] : undefined;
  return m && build ? build(m[2]!) : undefined;
}
