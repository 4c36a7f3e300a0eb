// npm test: set up what is missing, build, type-check, then the three levels:
// unit (Vitest, Node), Chromium e2e (playwright-core), Firefox e2e (puppeteer-core, BiDi).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureBrowsers, ensureNodeModules } from './ensure-env.mjs';

ensureNodeModules();
ensureBrowsers();
process.env.COVERED_APPS_FIXTURES ??= resolve('..', 'shared', 'fixtures');
if (!existsSync(resolve(process.env.COVERED_APPS_FIXTURES, 'SOURCES.md'))) {
  console.error(`Real page captures not found at ${process.env.COVERED_APPS_FIXTURES} (set COVERED_APPS_FIXTURES).`);
  process.exit(2);
}

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
run(process.execPath, ['scripts/build.mjs']);
run(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.']);

const out = 'test-results';
rmSync(out, { recursive: true, force: true });
mkdirSync(out);
let passed = 0;
let failed = 0;
let ok = true;

const unit = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}/unit.json`], { stdio: 'inherit' });
if (existsSync(`${out}/unit.json`)) {
  const j = JSON.parse(readFileSync(`${out}/unit.json`, 'utf8'));
  passed += j.numPassedTests;
  failed += j.numFailedTests;
}
ok &&= unit.status === 0;

for (const suite of ['chromium', 'chromium-robust', 'firefox']) {
  const r = spawnSync(
    process.execPath,
    ['--test', '--test-concurrency=1', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${out}/${suite}.tap`, `tests/e2e/${suite}.e2e.mjs`],
    { stdio: 'inherit' },
  );
  ok &&= r.status === 0;
  const tap = existsSync(`${out}/${suite}.tap`) ? readFileSync(`${out}/${suite}.tap`, 'utf8') : '';
  passed += Number(/^# pass (\d+)/m.exec(tap)?.[1] ?? 0);
  failed += Number(/^# fail (\d+)/m.exec(tap)?.[1] ?? 0) + (r.status !== 0 && !tap ? 1 : 0);
}

console.log(`\nunit + chromium + chromium-robust + firefox: ${passed} passed, ${failed} failed`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
