// Resumable walks: a long walk over a page (its anchors, cards, text) is a
// generator that yields where it may stop, so the content script can spread
// it over several short tasks (extension/content/slices.ts); Node and tests
// run it to the end at once. Yielding changes when the work runs, never what
// it finds.

import type { Listing } from './types';

/** A walk that yields (nothing) at each point where it may stop, and returns T. */
export type Steps<T> = Generator<void, T, void>;

/**
 * An adapter's resumable extraction: yields listings as soon as it has them
 * (the page's main listing first), or nothing at a point where it may stop.
 */
export type ListingSteps = Generator<Listing[] | void, void, void>;

/** Runs steps to their end at once: the synchronous form of a resumable walk. */
export function runSteps<T>(steps: Generator<unknown, T, void>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** All the listings a resumable extraction yields, at once. */
export function collectListings(steps: ListingSteps): Listing[] {
  const out: Listing[] = [];
  for (const found of steps) if (found) out.push(...found);
  return out;
}
