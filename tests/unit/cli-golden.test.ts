// Golden outputs of `covered-apps` for every input format, with tricky rows:
// look-alikes (VidMate, QQ English, Wi-Fi "WPS" tools), Chinese names (微信, 支付宝,
// 抖音), quoted commas and quotes, a BOM, Windows line endings, a blank spreadsheet
// row, a truncated JSON file, wrong columns, a bad purl, junk lines in adb output,
// saved pages read by the site adapters. Each golden holds the command, its exit
// code, standard error and standard output; `npm run golden:cli` rewrites them
// (review the diff).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli-run';

const INVENTORY = 'tests/fixtures/inventory';
const update = process.env.UPDATE_GOLDEN === '1';

const cases: { golden: string; args: string[] }[] = [
  ...readdirSync(INVENTORY)
    .sort()
    .map((f) => ({ golden: `${f}.out`, args: ['check', `${INVENTORY}/${f}`, '--output', 'json'] })),
  { golden: 'devices.csv.table.out', args: ['check', `${INVENTORY}/devices.csv`] },
  { golden: 'devices.csv.csv.out', args: ['check', `${INVENTORY}/devices.csv`, '--output', 'csv'] },
  { golden: 'devices.csv.markdown.out', args: ['check', `${INVENTORY}/devices.csv`, '--output', 'markdown'] },
  // EO 13971's apps before it was revoked (June 9, 2021): statuses recomputed at that date.
  { golden: 'store-links.as-of-2021-03-01.out', args: ['check', `${INVENTORY}/store-links.txt`, '--as-of', '2021-03-01'] },
  // Verdicts for profiles (src/profile): a Texas procurement officer, and the public in India.
  { golden: 'devices.csv.profile-procurement-US-TX.out', args: ['check', `${INVENTORY}/devices.csv`, '--profile', 'procurement:US-TX', '--output', 'json'] },
  { golden: 'store-links.profile-public-IN.out', args: ['check', `${INVENTORY}/store-links.txt`, '--profile', 'public:IN,journalist'] },
  // Saved pages: the page's own address from its canonical link, or given with --url.
  { golden: 'page-apkpure-shareit.out', args: ['check', 'tests/fixtures/apkpure/app-shareit.html', '--output', 'json'] },
  { golden: 'page-play-home.out', args: ['check', 'tests/fixtures/captured/google-play/store_apps_home_en_US.html'] },
  {
    golden: 'page-apkmirror-url.out',
    args: ['check', 'tests/fixtures/apkmirror/app-camscanner.html', '--url', 'https://www.apkmirror.com/apk/intsig-information-co-ltd/camscanner-phone-pdf-creator/'],
  },
  { golden: 'explain-camscanner.out', args: ['explain', 'CamScanner'] },
  { golden: 'explain-wechat-as-of-2020.out', args: ['explain', '微信', '--as-of', '2020-09-01', '--output', 'json'] },
  { golden: 'list.out', args: ['list', '--output', 'csv'] },
];

describe('covered-apps golden outputs (tests/golden/cli)', () => {
  for (const c of cases) {
    it(`covered-apps ${c.args.join(' ')}`, async () => {
      const r = await runCli(c.args);
      const text = `$ covered-apps ${c.args.join(' ')}\nexit ${r.code}\n--- stderr\n${r.stderr}--- stdout\n${r.stdout}`;
      const path = `tests/golden/cli/${c.golden}`;
      if (update) writeFileSync(path, text);
      expect(text).toBe(readFileSync(path, 'utf8'));
    });
  }
});
