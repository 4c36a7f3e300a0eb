// The compiled index, generated at build time by scripts/vite-plugin-covered-index.ts.
// The whole compiled index: used by the bench (tests/bench); extension pages describe from the dataset (extension/shared/describing.ts).
declare module 'virtual:covered-index' {
  const index: unknown;
  export default index;
}

// The one site adapter a per-site content script carries (vite.content.config.ts).
declare module 'virtual:content-site' {
  export const adapter: unknown; // a SiteAdapter (src/sites/types.ts)
}

