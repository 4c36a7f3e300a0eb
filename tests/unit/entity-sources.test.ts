// Entity files (src/data/entities/*.json) only: every source that points at a file in a
// repository names the commit at which that path exists, so its link can be opened.
// (The measures files get the same rule when the lead turns on REQUIRE_REPO_COMMITS.)
import { describe, expect, it } from 'vitest';
import { ENTITY_FILES } from '../../src/data/dataset';
import type { Source } from '../../src/data/schema';

/** Every `sources` array anywhere in a value, with a path for the message. */
function sourcesIn(value: unknown, path: string, out: { where: string; source: Source }[] = []) {
  if (Array.isArray(value)) value.forEach((v, i) => sourcesIn(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'sources' && Array.isArray(v)) v.forEach((s, i) => out.push({ where: `${path}.sources[${i}]`, source: s as Source }));
      else sourcesIn(v, `${path}.${k}`, out);
    }
  }
  return out;
}

const REPO_FILE = /^repo:[^/\s]+\/[^/\s]+\/\S/;

describe('entity sources', () => {
  const all = Object.entries(ENTITY_FILES).flatMap(([file, records]) => sourcesIn(records, file));

  it('finds the sources to check', () => {
    expect(all.filter((s) => REPO_FILE.test(s.source.url)).length).toBeGreaterThan(50);
  });

  it('every repo:owner/name/path source names its commit (40 hex digits)', () => {
    const missing = all.filter((s) => REPO_FILE.test(s.source.url) && !/^[0-9a-f]{40}$/.test(s.source.commit ?? '')).map((s) => `${s.where}: ${s.source.url}`);
    expect(missing).toEqual([]);
  });

  it('no repo path names a folder where a file is meant (winget version folders point at a manifest file)', () => {
    const folders = all.filter((s) => /^repo:microsoft\/winget-pkgs\/manifests\//.test(s.source.url) && !/\.yaml$/.test(s.source.url));
    expect(folders.map((s) => s.where)).toEqual([]);
  });
});
