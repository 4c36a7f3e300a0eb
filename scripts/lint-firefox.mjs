// web-ext lint (Mozilla's addons-linter, as AMO runs it) on dist/firefox.
// Passes when there is no error and no warning except one: UNSAFE_VAR_ASSIGNMENT
// at Preact's own `dom.innerHTML = props.dangerouslySetInnerHTML.__html` in the
// Preact chunk (our code never uses dangerouslySetInnerHTML; tests check that too).
//   node scripts/lint-firefox.mjs      prints the findings, exits 1 on a failure
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Is this warning Preact's innerHTML path for dangerouslySetInnerHTML (and nothing else)? */
export function isPreactInnerHtml(message, dir) {
  if (message.code !== 'UNSAFE_VAR_ASSIGNMENT' || !/^assets\/jsxRuntime-[\w-]+\.js$/.test(message.file ?? '')) return false;
  const line = readFileSync(join(dir, message.file), 'utf8').split('\n')[message.line - 1] ?? '';
  const at = line.slice(message.column ?? 0);
  const before = line.slice(Math.max(0, (message.column ?? 0) - 600), message.column ?? 0);
  // The assignment itself takes the prop's __html, read a few statements earlier.
  return /^[\w$.]*innerHTML=[\w$]+\.__html\b/.test(at) && before.includes('`dangerouslySetInnerHTML`');
}

export function lintFirefox(dir = 'dist/firefox') {
  let out;
  try {
    out = execFileSync(process.execPath, ['node_modules/web-ext/bin/web-ext.js', 'lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_UPDATE_NOTIFIER: '1' }, // no update check over the network
    });
  } catch (e) {
    out = e.stdout; // errors make web-ext exit non-zero; the report is still on stdout
  }
  const report = JSON.parse(out);
  const problems = [...report.errors, ...report.warnings.filter((w) => !isPreactInnerHtml(w, dir))];
  const allowed = report.warnings.filter((w) => isPreactInnerHtml(w, dir));
  return { report, problems, allowed };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { report, problems, allowed } = lintFirefox(process.argv[2]);
  for (const m of [...report.errors, ...report.warnings, ...report.notices]) {
    console.log(`${m._type} ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}:${m.column}` : ''} ${m.message}`);
  }
  console.log(`web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings (${allowed.length} Preact innerHTML), ${report.summary.notices} notices`);
  process.exit(problems.length ? 1 : 0);
}
