// Source links in the popup.

/**
 * Only http(s) links are clickable. `repo:owner/name/path` sources point at the
 * file in its public repository; anything else (e.g. an unnamed code-search hit)
 * is shown as text.
 */
export function safeHref(url: string): string | undefined {
  if (/^https?:\/\//.test(url)) return url;
  const repo = /^repo:([\w.-]+)\/([\w.-]+)\/(.+)$/.exec(url);
  return repo ? `https://github.com/${repo[1]}/${repo[2]}/blob/HEAD/${repo[3]}` : undefined;
}
