// npm run build: dist/chrome and dist/firefox (each loadable unpacked) from the
// same sources, plus dist/covered-apps-<browser>-<version>.zip.
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { zipDirectory } from './zip.mjs';

const source = JSON.parse(readFileSync('manifest.json', 'utf8'));
const vite = (args, env = {}) =>
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn', ...args], {
    stdio: 'inherit',
    env: { VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true', ...process.env, ...env },
  });

rmSync('dist', { recursive: true, force: true });
// 1. Pages and background through crxjs.
vite([]);
// 2. The content script: one self-contained file.
vite(['--config', 'vite.content.config.ts'], { COVERED_APPS_CONTENT_OUT: 'dist/chrome' });

// 3. Chrome manifest: add the content script back, drop Firefox-only keys.
const built = JSON.parse(readFileSync('dist/chrome/manifest.json', 'utf8'));
built.content_scripts = source.content_scripts.map((cs) => ({ ...cs, js: ['content.js'] }));
delete built.browser_specific_settings;
// Nothing of ours needs to be reachable from pages.
delete built.web_accessible_resources;
writeFileSync('dist/chrome/manifest.json', JSON.stringify(built, null, 2));

// 4. Firefox: same files; event-page background scripts and the gecko id.
cpSync('dist/chrome', 'dist/firefox', { recursive: true });
const ff = JSON.parse(JSON.stringify(built));
ff.background = { scripts: [built.background.service_worker], type: 'module' };
ff.browser_specific_settings = source.browser_specific_settings;
writeFileSync('dist/firefox/manifest.json', JSON.stringify(ff, null, 2));

// 5. Store packages.
for (const b of ['chrome', 'firefox']) zipDirectory(`dist/${b}`, `dist/covered-apps-${b}-${source.version}.zip`);

const content = readFileSync('dist/chrome/content.js');
console.log(
  `built dist/chrome and dist/firefox; content.js ${(content.length / 1024).toFixed(1)} KB minified, ${(gzipSync(content).length / 1024).toFixed(1)} KB gzipped`,
);
for (const b of ['chrome', 'firefox']) {
  const z = `dist/covered-apps-${b}-${source.version}.zip`;
  if (existsSync(z)) console.log(`  ${z} ${(statSync(z).size / 1024).toFixed(1)} KB`);
}
