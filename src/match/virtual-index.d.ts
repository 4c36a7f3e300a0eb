// The compiled index, generated at build time by scripts/vite-plugin-covered-index.ts.
// Typed through extension/shared/compiled-index.ts.
declare module 'virtual:covered-index' {
  const index: unknown;
  export default index;
}
