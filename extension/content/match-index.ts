// The matching tables compiled at build time (no measures or wording: the
// background describes findings), packed small and unpacked here once.
// See scripts/vite-plugin-covered-index.ts and src/match/pack.ts.
import raw from 'virtual:covered-match-index';
import { unpackMatchIndex, type PackedMatchIndex } from '../../src/match/pack';

export const matchIndex = unpackMatchIndex(raw as PackedMatchIndex);
