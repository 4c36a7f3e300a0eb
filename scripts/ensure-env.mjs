// Installs what a fresh Debian machine lacks: npm packages (npm ci) and the
// apt browsers (chromium, firefox-esr) when running as root; else says how.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const BROWSERS = [
  { bin: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', pkg: 'chromium' },
  { bin: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', pkg: 'firefox-esr' },
];

export function ensureNodeModules() {
  if (!existsSync('node_modules/.package-lock.json')) {
    console.log('> npm ci (first run)');
    execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
  }
}

export function ensureBrowsers({ extra = [] } = {}) {
  const missing = BROWSERS.filter((b) => !existsSync(b.bin)).map((b) => b.pkg).concat(extra);
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      `Missing browser packages: ${missing.join(' ')}.\nInstall them with:\n  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}\nthen run the command again.`,
    );
    process.exit(2);
  }
  console.log(`> apt-get install ${missing.join(' ')}`);
  execSync('apt-get update -qq', { stdio: 'inherit' });
  execSync(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`, { stdio: 'inherit' });
}
