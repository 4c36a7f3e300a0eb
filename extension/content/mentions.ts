// Covered apps named anywhere in a page's text ("…share it on WeChat…"): one
// pass over the text nodes with the compiled Aho–Corasick automaton, so the
// cost is O(text) whatever the number of names. Reads node data only, never
// layout: no rendered-text getters, no geometry, no computed styles.

import { findMatches } from '../../src/match/automaton';
import type { MatchIndex } from '../../src/match/compile';
import { normalizeName } from '../../src/match/normalize';
import { isOwnUi } from './ui';
import { runSteps, type Steps } from '../../src/sites/steps';

// Text in these is not page text (code, styles, form values, inert markup).
const SKIP_PARENTS = new Set(['script', 'style', 'noscript', 'textarea', 'template']);
// A bound for hostile pages: stop after this much text (a 1.2 MB Play page has ~60 k characters),
// cutting a longer node too (one 10 MB text node would otherwise be read whole).
const MAX_TEXT = 300_000;
const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT
// Text that needs folding first: anything but ASCII and the plain separators the
// automaton folds itself (isPlainSeparator: ·, •, –, “”, …, ★ …). Most store text is that.
const NEEDS_FOLDING = /[^\t\n\f\r\x20-\x7e\u00a0-\u00a9\u00ab\u00ac\u00ae-\u00b1\u00b4\u00b6-\u00b8\u00bb\u00bf\u00d7\u00f7\u2010-\u2027\u2030-\u205e\u2190-\u245f\u2500-\u27bf\u3000]/;

/**
 * Folds only the words that need it ("Best 🏆 app" folds "🏆" alone): the
 * automaton reads ASCII as is, and normalizeName on a whole paragraph costs
 * far more than on the odd word. Words are split at ASCII whitespace only, so
 * invisible characters inside a word ("Cam\u200bScanner") still fold away. O(n).
 */
function foldWords(data: string): string {
  const words = data.split(ASCII_SPACE);
  for (let i = 0; i < words.length; i++) if (NEEDS_FOLDING.test(words[i]!)) words[i] = normalizeName(words[i]!);
  return words.join(' ');
}
const ASCII_SPACE = /[ \t\n\r\f]+/;

/** Characters per automaton call: a window of a long text takes a millisecond or two. */
export const WINDOW = 32_768;
/**
 * Characters a window repeats from the one before, when it starts inside a text
 * node: more than any name can span (names are under 100 characters; a test
 * checks the index), so a name across a window edge is found in the next window,
 * whole and once.
 */
export const OVERLAP = 512;
/** Text nodes read between two points where the walk may stop. */
const NODES_PER_STEP = 64;

/**
 * Entity index → number of mentions in the text under `root`. Pass `names`
 * to also get the first spelling seen for each entity (for the evidence line).
 *
 * ASCII text (with common punctuation) is scanned as is: the automaton folds
 * it itself. Other text is folded with normalizeName first, as the names were.
 */
export function scanTextMentions(root: Node, index: MatchIndex, names?: Map<number, string>): Map<number, number> {
  return runSteps(textMentionSteps(root, index, names));
}

/**
 * scanTextMentions as a resumable walk: it may stop every few text nodes and
 * after every window of text. The text nodes are read as one text, joined by
 * hard breaks ("\0": no name spans two nodes) and scanned in windows of WINDOW
 * characters; a window cut inside a node starts the next one OVERLAP characters
 * back. A match is counted by the window that sees the character after it (the
 * automaton's boundary check): the first one, or the last window.
 */
export function* textMentionSteps(root: Node, index: MatchIndex, names?: Map<number, string>, window = WINDOW): Steps<Map<number, number>> {
  const counts = new Map<number, number>();
  const automaton = index.automaton;
  if (!automaton || automaton.ends.length === 0) return counts;
  if (isOwnUi(root)) return counts;
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
  if (!doc) return counts;

  // A longer alias and a shorter one of the same entity ("wps office" and
  // "wps") are one mention: count non-overlapping spans only (by offsets in the whole text).
  const lastEnd = new Map<number, number>();
  let text = '';
  /** Offset of `text` in the whole text; matches ending at or before `counted` were counted. */
  let start = 0;
  let counted = 0;
  const scan = (last: boolean) => {
    const end = start + text.length;
    // The last character of a window that is not the last one: its match is the next window's.
    const upTo = last ? end : end - 1;
    findMatches(text, automaton, (entity, from, to) => {
      const absTo = start + to;
      if (absTo <= counted || absTo > upTo) return;
      const absFrom = start + from;
      const prev = lastEnd.get(entity);
      if (prev !== undefined && absFrom < prev) {
        if (absTo > prev) lastEnd.set(entity, absTo);
        return;
      }
      lastEnd.set(entity, absTo);
      counts.set(entity, (counts.get(entity) ?? 0) + 1);
      if (names && !names.has(entity)) names.set(entity, text.slice(from, to).replace(/\s+/g, ' '));
    });
    counted = upTo;
    const keep = Math.min(OVERLAP, text.length);
    text = text.slice(text.length - keep);
    start = end - keep;
  };

  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  let budget = MAX_TEXT;
  let parent: Node | null = null;
  let skip = false;
  let nodes = 0;
  let any = false;
  for (let node = walker.nextNode(); node !== null && budget > 0; node = walker.nextNode()) {
    if (++nodes % NODES_PER_STEP === 0) yield;
    const p = node.parentNode;
    if (p !== parent) {
      parent = p;
      // (Our own UI keeps its text in shadow roots, which the walker never enters.)
      skip = p !== null && p.nodeType === 1 && SKIP_PARENTS.has((p as Element).localName);
    }
    if (skip) continue;
    const data = (node as Text).data.slice(0, budget);
    if (data.length < 2) continue;
    budget -= data.length;
    const fold = NEEDS_FOLDING.test(data);
    if (any) text += '\0';
    any = true;
    for (const piece of pieces(data, window)) {
      text += fold ? foldWords(piece) : piece;
      if (text.length >= window) {
        scan(false);
        yield;
      }
    }
  }
  if (any) scan(true);
  return counts;
}

/**
 * A node's text in pieces of about `size` characters, each cut just after a run of
 * ASCII whitespace where there is one (folding word by word gives the same text
 * folded in pieces or whole), and never inside a surrogate pair.
 */
function* pieces(data: string, size: number): Generator<string, void, void> {
  let at = 0;
  while (data.length - at > size) {
    let cut = at + size;
    for (let j = cut; j > at + (size >> 1); j--) {
      if (isAsciiSpace(data.charCodeAt(j - 1)) && !isAsciiSpace(data.charCodeAt(j))) {
        cut = j;
        break;
      }
    }
    const c = data.charCodeAt(cut - 1);
    if (c >= 0xd800 && c <= 0xdbff) cut--;
    yield data.slice(at, cut);
    at = cut;
  }
  yield data.slice(at);
}

const isAsciiSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
