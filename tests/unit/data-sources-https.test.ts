// Dataset source links are https, except the few listed, with a reason each,
// in src/data/http-only-sources.json (not checked live: see README, The data).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const allowList = JSON.parse(readFileSync('src/data/http-only-sources.json', 'utf8')) as { sources: { url: string; reason: string }[] };

/** Every "url" string anywhere in a dataset file (sources of measures, events, entities, identifiers). */
function urls(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) urls(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'url' && typeof v === 'string') out.push(v);
      else urls(v, out);
    }
  }
  return out;
}

const dataFiles = ['src/data/measures', 'src/data/entities'].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => `${dir}/${f}`),
);
const all = dataFiles.flatMap((f) => urls(JSON.parse(readFileSync(f, 'utf8'))));
const allowed = new Set(allowList.sources.map((s) => s.url));

describe('dataset source links', () => {
  test('the dataset has source URLs to check', () => {
    expect(all.filter((u) => u.startsWith('https://')).length).toBeGreaterThan(50);
  });
  test('no plain http:// source unless it is in src/data/http-only-sources.json', () => {
    expect(all.filter((u) => u.startsWith('http://') && !allowed.has(u))).toEqual([]);
  });
  test('every allow-list entry has a reason and is still used (no stale entries)', () => {
    for (const s of allowList.sources) {
      expect(s.url).toMatch(/^http:\/\//);
      expect(s.reason.length, s.url).toBeGreaterThan(20);
      expect(all, s.url).toContain(s.url);
    }
  });
});
