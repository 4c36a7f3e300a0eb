// npm test: set up what is missing, build, type-check, then the three levels:
// unit (Vitest, Node), Chromium e2e (playwright-core), Firefox e2e (puppeteer-core, BiDi);
// web-ext lint on the Firefox package counts as one more test.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { ensureBrowsers, ensureNodeModules } from './ensure-env.mjs';
import { lintFirefox } from './lint-firefox.mjs';

ensureNodeModules();
ensureBrowsers();

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
  // A test file that fails to load counts as a failure even though none of its tests ran.
  if (unit.status !== 0 && j.numFailedTests === 0) failed += Math.max(1, j.numFailedTestSuites ?? 0);
}
ok &&= unit.status === 0;

// AMO's linter on the Firefox package counts as one test.
let lint;
try {
  lint = lintFirefox('dist/firefox');
} catch (e) {
  lint = { problems: [{ _type: 'error', code: 'LINT_DID_NOT_RUN', message: String(e) }], allowed: [], report: { summary: { errors: 1, warnings: 0 } } };
}
for (const m of lint.problems) console.error(`web-ext lint ${m._type} ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}:${m.column}` : ''}: ${m.message}`);
console.log(`web-ext lint dist/firefox: ${lint.problems.length ? 'FAIL' : 'ok'} (${lint.report.summary.errors} errors, ${lint.report.summary.warnings} warnings, of which ${lint.allowed.length} Preact's innerHTML)`);
if (lint.problems.length) failed += 1;
else passed += 1;

// Every tests/e2e/*.e2e.mjs file, Chromium's first, Firefox's last (each its own process).
const suites = readdirSync('tests/e2e')
  .filter((f) => f.endsWith('.e2e.mjs'))
  .map((f) => f.slice(0, -'.e2e.mjs'.length))
  .sort((a, b) => Number(a.startsWith('firefox')) - Number(b.startsWith('firefox')) || a.localeCompare(b));
for (const suite of suites) {
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

console.log(`\nunit + web-ext lint + ${suites.join(' + ')}: ${passed} passed, ${failed} failed`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
