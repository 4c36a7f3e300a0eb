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

interface AstNode {
  type?: string;
  start: number;
  end: number;
  [k: string]: unknown;
}

/** Every node of `code`'s AST, depth first. */
function eachNode(code: string, visit: (node: AstNode) => void): void {
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    visit(node as AstNode);
    for (const v of Object.values(node)) walk(v);
  };
  walk(parseAst(code, { lang: 'ts' }));
}

/** `code` with each [from, to) span replaced by its text. */
function splice(code: string, edits: [number, number, string][]): string {
  let out = code;
  for (const [from, to, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, from) + text + out.slice(to);
  return out;
}

/**
 * Site adapters carry example URLs for the tests (SiteAdapter.examples); the
 * content script never reads them, so they stay out of its bundle: the
 * `examples` property of each adapter object (an object that also has
 * `classify`) is cut from the module before bundling.
 */
function dropAdapterExamples(): Plugin {
  const sitesDir = resolve('src/sites') + '/';
  type Property = { type: string; key?: { type: string; name?: string }; start: number; end: number };
  const key = (p: Property) => (p.type === 'Property' && p.key?.type === 'Identifier' ? p.key.name : undefined);
  return {
    name: 'covered-apps:drop-adapter-examples',
    transform(code, id) {
      if (!id.startsWith(sitesDir) || !code.includes('examples')) return undefined;
      const cuts: [number, number, string][] = [];
      eachNode(code, (n) => {
        const properties = n.properties as Property[] | undefined;
        if (n.type !== 'ObjectExpression' || !properties?.some((p) => key(p) === 'classify')) return;
        for (const p of properties) {
          if (key(p) !== 'examples') continue;
          const comma = /^\s*,/.exec(code.slice(p.end));
          cuts.push([p.start, p.end + (comma ? comma[0].length : 0), '']);
        }
      });
      if (!cuts.length) return undefined;
      return { code: splice(code, cuts), map: null }; // content scripts are built without source maps
    },
  };
}

/**
 * The banner's and badges' style sheets (the `…_CSS` template literals of
 * extension/content/ui.ts) are written readably; the bundle gets them without
 * the layout: whitespace runs collapsed to one space, none kept around { } ; ,
 * nor after a colon (before one it could be a descendant combinator: "a :hover"),
 * and no ';' before a '}'. Quoted strings ("Segoe UI") are left as they are.
 * The same rules, in the same order, with the same values.
 */
function compactCss(css: string): string {
  return css
    .split(/("[^"]*")/)
    .map((part, i) =>
      i % 2 ? part : part.replace(/\s+/g, ' ').replace(/\s*([{};,])\s*/g, '$1').replace(/: /g, ':').replace(/;}/g, '}'),
    )
    .join('')
    .trim();
}

function compactUiCss(): Plugin {
  const ui = resolve('extension/content/ui.ts');
  let done = false;
  return {
    name: 'covered-apps:compact-ui-css',
    buildEnd(error) {
      if (!error && !done) throw new Error('compact-ui-css: extension/content/ui.ts was not transformed');
    },
    transform(code, id) {
      if (id !== ui) return undefined;
      const edits: [number, number, string][] = [];
      eachNode(code, (n) => {
        const name = (n.id as { name?: string } | undefined)?.name;
        const init = n.init as (AstNode & { expressions: unknown[]; quasis: { value: { cooked: string } }[] }) | undefined;
        if (n.type !== 'VariableDeclarator' || !name?.endsWith('_CSS') || init?.type !== 'TemplateLiteral' || init.expressions.length) return;
        edits.push([init.start, init.end, JSON.stringify(compactCss(init.quasis[0]!.value.cooked))]);
      });
      if (!edits.length) throw new Error('compact-ui-css: no `…_CSS` template literal found in extension/content/ui.ts');
      done = true;
      return { code: splice(code, edits), map: null };
    },
  };
}

export default defineConfig({
  plugins: [coveredIndex(), contentSite(), dropAdapterExamples(), compactUiCss()],
  publicDir: false,
  logLevel: 'warn',
  // Which site this bundle is for (src/sites/store-links.ts keeps its Play-only shortcut out of the others).
  define: { __COVERED_APPS_SITE__: JSON.stringify(site.id) },
  build: {
    outDir: process.env.COVERED_APPS_CONTENT_OUT ?? 'dist/chrome',
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    lib: {
      // The bench's floor extension (tests/bench/floor-extension) builds its own entry with this config.
      entry: process.env.COVERED_APPS_CONTENT_ENTRY ?? 'extension/content/main.ts',
      formats: ['iife'],
      name: 'coveredAppsContent',
      fileName: () => `content-${site.id}.js`,
    },
  },
});
