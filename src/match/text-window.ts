// How page text is read in windows (src/match/mention-counter.ts counts them;
// extension/content/mentions.ts cuts the page's text nodes to the same size).

/** Characters per automaton call: a window of a long text takes a millisecond or two. */
export const WINDOW = 32_768;
/**
 * Characters a window repeats from the one before: more than any name can span
 * (names are under 100 characters; a test checks the index), so a name across a
 * window edge is found in the next window, whole and once.
 */
export const OVERLAP = 512;
