// The matching tables compiled at build time (no measures or wording: the
// background describes findings). See scripts/vite-plugin-covered-index.ts.
import raw from 'virtual:covered-match-index';
import type { MatchIndex } from '../../src/match/compile';

export const matchIndex = raw as MatchIndex;
