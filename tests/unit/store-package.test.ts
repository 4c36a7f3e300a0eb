// The packages as the stores take them: listing limits, least privilege
// (content scripts only where an adapter reads), a CSP without remote sources,
// Firefox's data-collection declaration, and the source archive for AMO review.
// Reads dist/: `npm test` builds first (alone: `npm run build`, then `npx vitest run`).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { siteAdapters } from '../../src/sites/registry';
import { contentMatches } from '../../src/sites/hosts';
import { amazonAppstore } from '../../src/sites/amazon-appstore';
import { cnetDownloadAdapter } from '../../src/sites/cnet-download';
import { vendorAdapter } from '../../src/sites/vendor-sites';
// @ts-expect-error plain ESM module, no types
import { isPreactInnerHtml } from '../../scripts/lint-firefox.mjs';
// @ts-expect-error plain ESM module of the e2e harness, no types
import { ownCases } from '../e2e/pages.mjs';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- manifests are read as JSON and checked field by field
type Manifest = Record<string, any>;
const readJson = (p: string): Manifest => JSON.parse(readFileSync(p, 'utf8'));

function built(browser: 'chrome' | 'firefox'): Manifest {
  const p = join('dist', browser, 'manifest.json');
  if (!existsSync(p)) throw new Error(`${p} is missing: run npm run build first (npm test does)`);
  return readJson(p);
}

/** The three manifests and the folder their icons and _locales are read from. */
const manifests: [string, () => { m: Manifest; root: string }][] = [
  ['manifest.json (source)', () => ({ m: readJson('manifest.json'), root: 'public' })],
  ['dist/chrome/manifest.json', () => ({ m: built('chrome'), root: 'dist/chrome' })],
  ['dist/firefox/manifest.json', () => ({ m: built('firefox'), root: 'dist/firefox' })],
];

/** "__MSG_extName__" → the default locale's message. */
function localized(value: string, m: Manifest, root: string): string {
  const key = /^__MSG_(\w+)__$/.exec(value)?.[1];
  if (!key) return value;
  const messages = readJson(join(root, '_locales', m.default_locale, 'messages.json'));
  const text = messages[key]?.message;
  if (typeof text !== 'string') throw new Error(`${value}: no message ${key}`);
  return text;
}

function pngSize(file: string): [number, number] {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

/** A match pattern (scheme://host/path, '*' wildcards) against a URL, path checked with its query. */
function patternMatches(pattern: string, url: string): boolean {
  const p = /^(https?|\*):\/\/(\*|\*\.[^/*]+|[^/*]+)(\/.*)$/.exec(pattern);
  if (!p) throw new Error(`not a match pattern: ${pattern}`);
  const [, scheme, host, path] = p as unknown as [string, string, string, string];
  const u = new URL(url);
  if (scheme !== '*' && `${scheme}:` !== u.protocol) return false;
  const h = u.hostname;
  if (host !== '*' && !(host.startsWith('*.') ? h === host.slice(2) || h.endsWith(host.slice(1)) : h === host)) return false;
  const glob = new RegExp(`^${path.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return glob.test(u.pathname + u.search);
}

describe('Chrome Web Store listing limits', () => {
  test.each(manifests)('%s: name ≤ 75, description ≤ 132 characters, icons at 16/32/48/128', (_name, load) => {
    const { m, root } = load();
    const name = localized(m.name, m, root);
    const description = localized(m.description, m, root);
    expect(name).toBe('Covered Apps');
    expect(name.length).toBeLessThanOrEqual(75);
    expect(m.short_name.length).toBeLessThanOrEqual(12);
    expect(description.length).toBeGreaterThan(20);
    expect(description.length).toBeLessThanOrEqual(132);
    for (const size of [16, 32, 48, 128]) {
      const icon = m.icons[String(size)];
      expect(icon, `icon ${size}`).toBeTypeOf('string');
      expect(pngSize(join(root, icon))).toEqual([size, size]);
    }
  });
});

describe('extension pages: a content security policy without remote sources', () => {
  test.each(manifests)('%s', (_name, load) => {
    const csp: string = load().m.content_security_policy?.extension_pages;
    expect(csp).toBeTypeOf('string');
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k!, v]));
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'self'"]);
    for (const [, sources] of directives) {
      for (const s of sources) expect(s, csp).toMatch(/^'(self|none)'$/);
    }
  });
});

describe('Firefox: data collection declared as none', () => {
  test('the Firefox package declares required: ["none"]; the Chrome one carries no gecko keys', () => {
    expect(built('firefox').browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(built('chrome').browser_specific_settings).toBeUndefined();
  });
  test("the lint allowance is only Preact's innerHTML for dangerouslySetInnerHTML", () => {
    const chunk = readdirAssets().find((f) => /^jsxRuntime-[\w-]+\.js$/.test(f));
    expect(chunk, 'the Preact chunk').toBeTruthy();
    const code = readFileSync(join('dist/firefox/assets', chunk!), 'utf8');
    const lines = code.split('\n');
    const line = lines.findIndex((l) => /[\w$.]*innerHTML=[\w$]+\.__html/.test(l));
    expect(line).toBeGreaterThanOrEqual(0);
    const column = lines[line]!.search(/[\w$]+\.innerHTML=[\w$]+\.__html/);
    const at = { code: 'UNSAFE_VAR_ASSIGNMENT', file: `assets/${chunk}`, line: line + 1, column };
    expect(isPreactInnerHtml(at, 'dist/firefox')).toBe(true);
    expect(isPreactInnerHtml({ ...at, code: 'DANGEROUS_EVAL' }, 'dist/firefox')).toBe(false);
    expect(isPreactInnerHtml({ ...at, file: 'assets/main.ts-x.js' }, 'dist/firefox')).toBe(false);
    expect(isPreactInnerHtml({ ...at, column: 0 }, 'dist/firefox')).toBe(false);
    // And our own code never asks for it.
    for (const dir of ['extension', 'src']) {
      const hits = walkFiles(dir).filter((f) => /\.(ts|tsx)$/.test(f) && /dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=/.test(readFileSync(f, 'utf8')));
      expect(hits).toEqual([]);
    }
  });
});

describe('host access: content scripts only on the pages an adapter reads', () => {
  test.each(siteAdapters.map((a) => [a.id, a] as const))('%s: every example URL it handles is matched by one of its patterns', (_id, adapter) => {
    const patterns = contentMatches(adapter);
    for (const ex of adapter.examples.filter((e) => e.kind !== null)) {
      expect(patterns.some((p) => patternMatches(p, ex.url)), ex.url).toBe(true);
    }
  });

  test('every page the e2e tests serve for a site is matched by that site’s patterns', () => {
    const byId = new Map(siteAdapters.map((a) => [a.id, a]));
    const cases = ownCases() as { site: string; url: string; kind: string }[];
    for (const c of cases.filter((x) => x.kind !== null && byId.has(x.site))) {
      expect(contentMatches(byId.get(c.site)!).some((p) => patternMatches(p, c.url)), c.url).toBe(true);
    }
  });

  test('no whole-host pattern for the vendor sites, the Amazon storefronts or CNET', () => {
    const narrowed = [vendorAdapter, amazonAppstore, cnetDownloadAdapter].flatMap(contentMatches);
    expect(narrowed.length).toBeGreaterThan(40);
    for (const p of narrowed) expect(p, p).not.toMatch(/^https:\/\/[^/]+\/\*$/);
  });

  test.each([
    'https://www.amazon.com/',
    'https://www.amazon.com/gp/cart/view.html',
    'https://www.amazon.com/s?k=scanner',
    'https://www.amazon.de/gp/your-account/order-history',
    'https://www.cnet.com/tech/mobile/tiktok-ban-explained/',
    'https://download.cnet.com/blog/download-blog/',
    'https://www.tiktok.com/@someone/video/7000000000000000000',
    'https://www.alipay.com/legal/privacy',
    'https://www.wechat.com/en/service_terms.html',
    'https://docs.wps.com/spreadsheet/abc',
  ])('no content script on %s', (url) => {
    expect(siteAdapters.flatMap(contentMatches).filter((p) => patternMatches(p, url))).toEqual([]);
  });

  test.each([
    ['dist/chrome', 'chrome'],
    ['dist/firefox', 'firefox'],
  ] as const)('%s: each site’s content script has exactly its adapter’s patterns', (_dir, browser) => {
    const m = built(browser);
    for (const a of siteAdapters) {
      const cs = m.content_scripts.find((c: Manifest) => c.js.includes(`content-${a.id}.js`));
      expect(cs?.matches, a.id).toEqual(contentMatches(a));
    }
  });
});

describe('source archive for AMO review', () => {
  test('dist/covered-apps-source-<version>.zip holds the repository at HEAD (package.json, src/), no node_modules or dist', () => {
    const version = readJson('package.json').version;
    const zip = `dist/covered-apps-source-${version}.zip`;
    expect(existsSync(zip), `${zip}: run npm run build first`).toBe(true);
    const entries = zipEntries(readFileSync(zip));
    const prefix = `covered-apps-source-${version}/`;
    const names = [...entries.keys()].map((n) => n.slice(prefix.length));
    expect(names).toContain('package.json');
    expect(names).toContain('package-lock.json');
    expect(names).toContain('manifest.json');
    expect(names.some((n) => n.startsWith('src/sites/'))).toBe(true);
    expect(names.some((n) => n.startsWith('node_modules/') || n.startsWith('dist/'))).toBe(false);
    expect(JSON.parse(entries.get(`${prefix}package.json`)!.toString('utf8')).version).toBe(version);
  });
});

function readdirAssets(): string[] {
  return walkFiles('dist/firefox/assets').map((f) => f.slice('dist/firefox/assets/'.length));
}

function walkFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walkFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Names → contents of a ZIP file (stored or deflated entries), from its central directory. */
function zipEntries(buf: Buffer): Map<string, Buffer> {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBeGreaterThanOrEqual(0);
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    const data = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(data, data + size);
    out.set(name, method === 8 ? inflateRawSync(raw) : raw);
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}
