// The matching tables for the content scripts, compiled from the dataset at
// build time (scripts/vite-plugin-covered-index.ts) and held here as one JSON
// string: each content script asks for them at document_start (one message,
// which also wakes a stopped service worker early) and gets this string back.
// Nothing is built at run time, so a restarted worker answers as fast as a warm
// one; the whole table goes to every site because a page on any site can link
// to any store (src/sites/links.ts), so no platform can be left out.

import json from 'virtual:covered-match-index';

export const MATCH_INDEX_JSON: string = json;
