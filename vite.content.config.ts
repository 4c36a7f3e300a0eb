// One content script per site: an IIFE file with the shared core, that site's
// adapter only, and the compiled index inlined. scripts/build.mjs runs this
// config once per adapter (COVERED_APPS_SITE_* say which).
import { defineConfig, parseAst, type Plugin } from 'vite';
import { resolve } from 'node:path';
import { coveredIndex } from './scripts/vite-plugin-covered-index';

const site = {
  id: process.env.COVERED_APPS_SITE_ID ?? 'google-play',
  module: process.env.COVERED_APPS_SITE_MODULE ?? 'src/sites/google-play.ts',
  exportName: process.env.COVERED_APPS_SITE_EXPORT ?? 'googlePlay',
};

function contentSite(): Plugin {
  const ID = 'virtual:content-site';
  return {
    name: 'covered-apps:content-site',
    resolveId: (id) => (id === ID ? '\0' + ID : undefined),
    load: (id) =>
      id === '\0' + ID ? `export { ${site.exportName} as adapter } from ${JSON.stringify(resolve(site.module))};` : undefined,
  };
}

/**
 * Site adapters carry example URLs for the tests (SiteAdapter.examples); the
 * content script never reads them, so they stay out of its bundle: the
 * `examples` property of each adapter object (an object that also has
 * `classify`) is cut from the module before bundling.
 */
function dropAdapterExamples(): Plugin {
  const sitesDir = resolve('src/sites') + '/';
  const key = (p: { type: string; key?: { type: string; name?: string } }) => (p.type === 'Property' && p.key?.type === 'Identifier' ? p.key.name : undefined);
  return {
    name: 'covered-apps:drop-adapter-examples',
    transform(code, id) {
      if (!id.startsWith(sitesDir) || !code.includes('examples')) return undefined;
      const cuts: [number, number][] = [];
      const visit = (node: unknown): void => {
        if (!node || typeof node !== 'object') return;
        if (Array.isArray(node)) return node.forEach(visit);
        const n = node as { type?: string; properties?: { type: string; key?: { type: string; name?: string }; start: number; end: number }[] };
        if (n.type === 'ObjectExpression' && n.properties?.some((p) => key(p) === 'classify')) {
          for (const p of n.properties) {
            if (key(p) !== 'examples') continue;
            const comma = /^\s*,/.exec(code.slice(p.end));
            cuts.push([p.start, p.end + (comma ? comma[0].length : 0)]);
          }
        }
        for (const v of Object.values(n)) visit(v);
      };
      visit(parseAst(code, { lang: 'ts' }));
      if (!cuts.length) return undefined;
      let out = code;
      for (const [from, to] of cuts.sort((a, b) => b[0] - a[0])) out = out.slice(0, from) + out.slice(to);
      return { code: out, map: null }; // content scripts are built without source maps
    },
  };
}

export default defineConfig({
  plugins: [coveredIndex(), contentSite(), dropAdapterExamples()],
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: process.env.COVERED_APPS_CONTENT_OUT ?? 'dist/chrome',
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    lib: {
      entry: 'extension/content/main.ts',
      formats: ['iife'],
      name: 'coveredAppsContent',
      fileName: () => `content-${site.id}.js`,
    },
  },
});
