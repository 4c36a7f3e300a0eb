// Covered apps named anywhere in a page's text ("…share it on WeChat…"): the
// page's text nodes read into pieces, counted with the compiled automaton
// (src/match/mention-counter.ts): by the background in the extension (the page
// sends pageTextSteps' text), here in tests and benchmarks. Reads node data
// only, never layout: no rendered-text getters, no geometry, no computed styles.

import { MentionCounter, OVERLAP, WINDOW } from '../../src/match/mention-counter';
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

export { OVERLAP, WINDOW };
/** A piece of text this long is a point where the walk may stop. */
const LONG_PIECE = 4096;
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
 * after every window of text (src/match/mention-counter.ts: a window cut inside
 * a node starts the next one OVERLAP characters back).
 */
export function* textMentionSteps(root: Node, index: MatchIndex, names?: Map<number, string>, window = WINDOW): Steps<Map<number, number>> {
  const counter = new MentionCounter(index.automaton, names, window);
  if (!index.automaton || index.automaton.ends.length === 0) return counter.counts;
  for (const piece of textPieceSteps(root, window)) {
    if (piece === undefined) yield;
    else if (counter.add(piece)) yield;
  }
  return counter.finish();
}

/**
 * The page's text under `root` as one string, as the counter reads it (folded,
 * text nodes joined by "\0", at most MAX_TEXT characters of page text): what the
 * content script sends the background to count there.
 */
export function* pageTextSteps(root: Node): Steps<string> {
  let text = '';
  for (const piece of textPieceSteps(root, WINDOW)) {
    if (piece === undefined) yield;
    else {
      text += piece;
      // A point to stop after a long piece too (reading and folding one is the costly part).
      if (piece.length >= LONG_PIECE) yield;
    }
  }
  return text;
}

/**
 * The text nodes under `root` (page text only, our UI and code left out), folded
 * where needed, in pieces of about `window` characters; a node after the first
 * starts with "\0". Yields undefined every few nodes (a point where the walk may stop).
 */
function* textPieceSteps(root: Node, window: number): Generator<string | undefined, void, void> {
  if (isOwnUi(root)) return;
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
  if (!doc) return;
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  let budget = MAX_TEXT;
  let parent: Node | null = null;
  let skip = false;
  let nodes = 0;
  let any = false;
  for (let node = walker.nextNode(); node !== null && budget > 0; node = walker.nextNode()) {
    if (++nodes % NODES_PER_STEP === 0) yield undefined;
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
    let first = true;
    for (const piece of pieces(data, window)) {
      const folded = fold ? foldWords(piece) : piece;
      yield first && any ? '\0' + folded : folded;
      first = false;
    }
    any = true;
  }
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
