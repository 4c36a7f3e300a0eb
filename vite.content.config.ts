// The content script: one IIFE file, minified, with the compiled index inlined.
import { defineConfig } from 'vite';
import { coveredIndex } from './scripts/vite-plugin-covered-index';

export default defineConfig({
  plugins: [coveredIndex()],
  publicDir: false,
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
      fileName: () => 'content.js',
    },
  },
});
