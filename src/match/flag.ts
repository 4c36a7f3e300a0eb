// Which findings are drawn on the page (a banner or a badge): a module of its
// own, so the content script takes it without the matcher (./match.ts).
import type { Tier } from './match';

/** Tiers that put a banner or a badge on the page; tier 4 is popup-only. */
export function isFlag(f: { tier: Tier }): boolean {
  return f.tier <= 3;
}
