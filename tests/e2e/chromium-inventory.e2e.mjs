// The inventory check page (extension/inventory) in Debian's Chromium with the built
// extension, against the command line on the same file: same rows (issue 12, parity).
// Reached from the options page by keyboard; a file chosen, checked, filtered, and
// exported as JSON and CSV — each export compared with `covered-apps check` output.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium-harness.mjs';
import { requireBuild } from './pages.mjs';

requireBuild();
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const inventoryDir = join(repo, 'tests', 'fixtures', 'inventory');
// The data's own date: the CLI's default, set on the page too so both compute statuses for the same day.
const DATE = '2026-11-01';

/** `covered-apps check FILE --as-of DATE --output O`, run where the file is so both name it the same. */
function cli(file, output) {
  const r = spawnSync(process.execPath, [join(repo, 'bin', 'covered-apps.mjs'), 'check', file, '--as-of', DATE, '--output', output], {
    cwd: inventoryDir,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let h;
let page;
before(async () => {
  h = await launchChromium();
  const options = await h.context.newPage();
  await options.goto(`chrome-extension://${h.extensionId}/extension/options/index.html`);
  // Keyboard: focus the link and follow it.
  await options.locator('#inventory-link').focus();
  await Promise.all([options.waitForURL(/\/extension\/inventory\/index\.html$/), options.keyboard.press('Enter')]);
  page = options;
  await page.locator('#inventory-text').waitFor();
});
after(async () => {
  await h?.close();
});

async function checkFile(name) {
  await page.locator('#inventory-file').setInputFiles(join(inventoryDir, name));
  await page.locator('#inventory-date').fill(DATE);
  await page.locator('#inventory-check').click();
  await page.locator('#inventory-summary').waitFor();
}

async function exported(buttonId) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(buttonId).click()]);
  return readFileSync(await download.path(), 'utf8');
}

describe('inventory page (Chromium) and the command line give the same rows', () => {
  test('devices.csv: the table, the JSON export and the CSV export equal covered-apps check', async () => {
    await checkFile('devices.csv');
    const fromCli = cli('devices.csv', 'json');
    assert.equal(fromCli.code, 2, fromCli.stderr); // one bad row: still checked, and named
    const cliJson = JSON.parse(fromCli.stdout);

    // The page's JSON export is the command line's output, row for row.
    const pageJson = JSON.parse(await exported('#export-json'));
    assert.deepEqual(pageJson.rows, cliJson.rows);
    assert.deepEqual(pageJson.errors, cliJson.errors);
    assert.deepEqual(pageJson.summary, cliJson.summary);
    assert.equal(pageJson.schema, 'covered-apps/inventory-check');

    // The table shows every row with its line and verdict, in the same order.
    const shown = await page.locator('#inventory-table tbody tr').evaluateAll((trs) => trs.map((tr) => [Number(tr.dataset.line), tr.className]));
    assert.deepEqual(shown, cliJson.rows.map((r) => [r.source.line, r.verdict]));
    assert.match(await page.locator('#inventory-errors').textContent(), /devices\.csv:13: name: empty: the row has no name and no id/);
    // Chinese names and look-alikes, as the command line reads them.
    const text = await page.locator('#inventory-table').textContent();
    assert.match(text, /Alipay/);
    assert.match(text, /a look-alike: VidMate, not a covered app/);

    // CSV export: byte for byte the command line's CSV.
    assert.equal(await exported('#export-csv'), cli('devices.csv', 'csv').stdout);
  });

  test('filter by text and by verdict', async () => {
    await checkFile('devices.csv');
    const rows = () => page.locator('#inventory-table tbody tr').count();
    const all = await rows();
    await page.locator('#inventory-filter').fill('wechat');
    assert.equal(await rows(), 2); // by package and by 微信 (matched to WeChat)
    await page.locator('#inventory-filter').fill('');
    await page.locator('#inventory-verdict').selectOption('flagged');
    const flagged = JSON.parse(cli('devices.csv', 'json').stdout).rows.filter((r) => r.flagged).length;
    assert.equal(await rows(), flagged);
    assert.ok(flagged < all);
    await page.locator('#inventory-verdict').selectOption('all');
    assert.equal(await rows(), all);
  });

  test('pasted text (a winget export) is checked like the file', async () => {
    const text = readFileSync(join(inventoryDir, 'winget-export.json'), 'utf8');
    await page.locator('#inventory-text').fill(text);
    await page.locator('#inventory-date').fill(DATE);
    await page.locator('#inventory-check').click();
    const pageJson = JSON.parse(await exported('#export-json'));
    const cliJson = JSON.parse(cli('winget-export.json', 'json').stdout);
    // Pasted text has no file name: rows are named "pasted"; otherwise the same.
    const strip = (rows) => rows.map(({ source, ...rest }) => ({ line: source.line, ...rest }));
    assert.deepEqual(strip(pageJson.rows), strip(cliJson.rows));
    assert.ok(pageJson.rows.every((r) => r.source.file === 'pasted'));
  });
});
