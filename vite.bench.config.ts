// The benchmark bundle (npm run bench): the real scanner, Google Play adapter
// and compiled index in one IIFE that scripts/bench.mjs injects into pages.
// Not part of the extension or of npm test.
import { defineConfig } from 'vite';
import { coveredIndex } from './scripts/vite-plugin-covered-index';

export default defineConfig({
  plugins: [coveredIndex()],
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: 'dist/bench',
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    lib: {
      entry: 'tests/bench/scan-bench.ts',
      formats: ['iife'],
      name: 'coveredAppsBench',
      fileName: () => 'scan-bench.js',
    },
  },
});
