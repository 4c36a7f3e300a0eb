// The dataset compiled at build time (see scripts/vite-plugin-covered-index.ts).
import raw from 'virtual:covered-index';
import type { CompiledIndex } from '../../src/match/compile';

export const index = raw as CompiledIndex;
