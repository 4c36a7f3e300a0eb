// Extension pages and background, built by @crxjs/vite-plugin from the one
// source manifest. The content script is built apart (vite.content.config.ts)
// as one self-contained file: no loader, no chunks, no web_accessible_resources.
import { defineConfig } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import manifest from './manifest.json' with { type: 'json' };
import { coveredIndex, recordFiles } from './scripts/vite-plugin-covered-index';

// Content scripts and Firefox-only keys are added back per browser by scripts/build.mjs.
const { content_scripts: _content, browser_specific_settings: _gecko, ...pagesManifest } = manifest;

export default defineConfig({
  plugins: [coveredIndex(), recordFiles(), preact(), crx({ manifest: pagesManifest as ManifestV3Export, browser: 'chrome' })],
  build: {
    outDir: 'dist/chrome',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Extension pages the manifest does not name (opened from the popup and Options).
    rollupOptions: {
      input: {
        report: 'extension/report/index.html',
        log: 'extension/log/index.html',
        inventory: 'extension/inventory/index.html',
      },
    },
  },
  // crxjs serves a dev server on localhost; builds need no network.
  server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
});
