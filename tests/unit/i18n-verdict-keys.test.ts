// The banner's, badges', toolbar's and "Who are you?" strings go through
// browser.i18n: every key they use is in the English and Chinese catalogues,
// with the same placeholders.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COUNTRY_REGIONS, US_DOD } from '../../src/profile/regions';

const repo = join(__dirname, '..', '..');
const catalogue = (lang: string) =>
  JSON.parse(readFileSync(join(repo, 'public', '_locales', lang, 'messages.json'), 'utf8')) as Record<string, { message: string; placeholders?: Record<string, unknown> }>;
const en = catalogue('en');
const zh = catalogue('zh_CN');
const FILES = ['extension/content/ui.ts', 'extension/background/main.ts', 'extension/shared/ProfilePicker.tsx', 'extension/options/main.tsx'];
// Every region a reader can pick outside the 50 states (src/profile/regions.ts): a new country needs its name in both catalogues.
const REGIONS = [...COUNTRY_REGIONS, US_DOD].map((r) => r.replace('-', '_'));

const used = new Set<string>();
for (const f of FILES) {
  const src = readFileSync(join(repo, f), 'utf8');
  for (const m of src.matchAll(/\bt\(\s*(?:[^'()]*\?\s*)?'([a-zA-Z_]+)'(?:\s*:\s*'([a-zA-Z_]+)')?/g)) {
    used.add(m[1]!);
    if (m[2]) used.add(m[2]);
  }
}
for (const r of REGIONS) used.add(`options_profile_region_${r}`);

describe('verdict strings in the catalogues', () => {
  it('finds the keys it checks', () => {
    expect(used.size).toBeGreaterThan(40);
    expect(used).toContain('banner_details_label');
    expect(used).toContain('badge_title_for_you');
  });
  for (const key of used) {
    it(key, () => {
      expect(en[key]?.message, `en: ${key}`).toBeTruthy();
      expect(zh[key]?.message, `zh_CN: ${key}`).toBeTruthy();
      const ph = (m: string) => [...m.matchAll(/\$([A-Z_]+)\$/g)].map((x) => x[1]).sort();
      expect(ph(zh[key]!.message)).toEqual(ph(en[key]!.message));
      expect(Object.keys(zh[key]!.placeholders ?? {}).sort()).toEqual(Object.keys(en[key]!.placeholders ?? {}).sort());
    });
  }
});
