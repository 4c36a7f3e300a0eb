// One content script per site: an IIFE file with the shared core, that site's
// adapter only, and the compiled index inlined. scripts/build.mjs runs this
// config once per adapter (COVERED_APPS_SITE_* say which).
import { defineConfig, type Plugin } from 'vite';
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

export default defineConfig({
  plugins: [coveredIndex(), contentSite()],
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
