// The matching tables, compiled from the dataset at build time
// (scripts/vite-plugin-covered-index.ts) and held here as one JSON string,
// parsed on first use: the background answers the content scripts' questions
// ("which of these listings and names are covered?", src/match/page-match.ts)
// with them, so no content script holds or parses the tables. A woken worker
// parses them after answering the page's first message, while the page parses.

import json from 'virtual:covered-match-index';
import type { MatchIndex } from '../../src/match/compile';

let tables: MatchIndex | undefined;

export function matchIndex(): MatchIndex {
  return (tables ??= JSON.parse(json) as MatchIndex);
}
