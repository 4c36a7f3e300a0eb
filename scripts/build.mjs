// npm run build: dist/chrome and dist/firefox (each loadable unpacked) from the
// same sources, plus dist/covered-apps-<browser>-<version>.zip and the source
// archive for AMO review, dist/covered-apps-source-<version>.zip.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { zipDirectory } from './zip.mjs';

const source = JSON.parse(readFileSync('manifest.json', 'utf8'));
// COVERED_APPS_DIST: another output folder (the bench builds the synthetic record,
// COVERED_APPS_RECORD=synthetic-10x, into one beside the real build); no packages or source archive there.
const DIST = process.env.COVERED_APPS_DIST || 'dist';
const packages = DIST === 'dist';
/** The content-script budget (issues 5 and 10): each file, minified. */
const CONTENT_BUDGET = 40 * 1024;
const vite = (args, env = {}) =>
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn', ...args], {
    stdio: 'inherit',
    env: { VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true', ...process.env, ...env },
  });

rmSync(DIST, { recursive: true, force: true });
// 1. Pages and background through crxjs.
vite(packages ? [] : ['--outDir', `${DIST}/chrome`]);
// 2. Content scripts: one self-contained file per site, each with only its adapter.
const sites = JSON.parse(
  execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/list-adapters.ts'], { encoding: 'utf8' }),
);
const sourceMatches = new Set(source.content_scripts.flatMap((cs) => cs.matches));
const adapterMatches = new Set(sites.flatMap((s) => s.matches));
const drift = [...sourceMatches].filter((m) => !adapterMatches.has(m)).concat([...adapterMatches].filter((m) => !sourceMatches.has(m)));
if (drift.length) throw new Error(`manifest.json content_scripts.matches and the adapters' hosts differ: ${drift.join(', ')}`);
// The optional "check any site" script: not in the manifest; the background
// registers it only after the user grants access to all sites.
const genericSite = { id: 'generic', module: 'src/sites/generic.ts', exportName: 'genericAdapter' };
for (const site of [...sites, genericSite]) {
  vite(['--config', 'vite.content.config.ts'], {
    COVERED_APPS_CONTENT_OUT: `${DIST}/chrome`,
    COVERED_APPS_SITE_ID: site.id,
    COVERED_APPS_SITE_MODULE: site.module,
    COVERED_APPS_SITE_EXPORT: site.exportName,
  });
}

// Each content script must carry its own adapter only: a module-level side effect
// in a shared file would drag every adapter into every bundle.
for (const site of [...sites, genericSite]) {
  const code = readFileSync(`${DIST}/chrome/content-${site.id}.js`, 'utf8');
  const strays = sites.filter((other) => other.id !== site.id && new RegExp(`\\bid:["'\`]${other.id}["'\`]`).test(code)).map((o) => o.id);
  if (strays.length) throw new Error(`content-${site.id}.js also carries the adapters of: ${strays.join(', ')}`);
}

// 3. Chrome manifest: per-site content scripts, drop Firefox-only keys.
const built = JSON.parse(readFileSync(`${DIST}/chrome/manifest.json`, 'utf8'));
const { matches: _all, js: _js, ...csOptions } = source.content_scripts[0];
built.content_scripts = [
  // Claims the extension's isolated world before the page has elements (see public/content-start.js).
  { matches: sites.flatMap((s) => s.matches), js: ['content-start.js'], run_at: 'document_start', all_frames: false },
  ...sites.map((site) => ({ ...csOptions, matches: site.matches, js: [`content-${site.id}.js`] })),
];
delete built.browser_specific_settings;
// Nothing of ours needs to be reachable from pages.
delete built.web_accessible_resources;
writeFileSync(`${DIST}/chrome/manifest.json`, JSON.stringify(built, null, 2));

// 4. Firefox: same files; event-page background scripts and the gecko id.
cpSync(`${DIST}/chrome`, `${DIST}/firefox`, { recursive: true });
const ff = JSON.parse(JSON.stringify(built));
ff.background = { scripts: [built.background.service_worker], type: 'module' };
ff.browser_specific_settings = source.browser_specific_settings;
delete ff.minimum_chrome_version; // Chrome's key; Firefox has strict_min_version
delete ff.storage; // managed_schema is Chrome's: Firefox reads policies.json's 3rdparty.Extensions without one
writeFileSync(`${DIST}/firefox/manifest.json`, JSON.stringify(ff, null, 2));

// 5. Store packages.
if (packages) for (const b of ['chrome', 'firefox']) zipDirectory(`dist/${b}`, `dist/covered-apps-${b}-${source.version}.zip`);

// 6. The source archive AMO reviewers build from: the repository at HEAD, as
// committed (no node_modules, no dist). A copy without git (such as that archive,
// unpacked) builds the same packages and skips this step.
const sourceZip = `dist/covered-apps-source-${source.version}.zip`;
const inGit = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { encoding: 'utf8' }).stdout?.trim() === 'true';
if (inGit && packages) execFileSync('git', ['archive', '--format=zip', `--prefix=covered-apps-source-${source.version}/`, '-o', sourceZip, 'HEAD'], { stdio: 'inherit' });
else if (packages) console.log('not a git checkout: no source archive written');

console.log(`built ${DIST}/chrome and ${DIST}/firefox (${process.env.COVERED_APPS_RECORD || 'real'} record); content scripts (minified / gzipped):`);
for (const site of [...sites, genericSite]) {
  const content = readFileSync(`${DIST}/chrome/content-${site.id}.js`);
  const over = content.length > CONTENT_BUDGET ? '  ← over the 40 KB content-script budget (issues 5 and 10; tests/unit/content-budget.test.ts fails)' : '';
  console.log(`  content-${site.id}.js ${(content.length / 1024).toFixed(1)} KB / ${(gzipSync(content).length / 1024).toFixed(1)} KB${over}`);
}
if (packages) for (const b of ['chrome', 'firefox', 'source']) {
  const z = `dist/covered-apps-${b}-${source.version}.zip`;
  if (existsSync(z)) console.log(`  ${z} ${(statSync(z).size / 1024).toFixed(1)} KB`);
}
