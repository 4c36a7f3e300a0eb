// The bench's meter (scripts/bench.mjs section 7): a script of its own, run just before the
// metered content script in the same world (the bench adds it to the entry's `js` list), so the
// start-up the meter counts (prelude.ts) begins before the content script is compiled.
globalThis.__coveredMeterStart = performance.now();
