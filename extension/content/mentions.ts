// The page's text, as the content script sends it to the background (which
// folds it and counts the covered apps named in it: src/match/answer-match.ts):
// its text nodes, page text only, joined by "\0" (no name spans two), read in
// pieces so the walk can stop between them. Reads node data only, never layout:
// no rendered-text getters, no geometry, no computed styles. (Counted with the
// tables at hand in tests and benchmarks: ./count-mentions.ts.)

import { isOwnUi } from './ui';
import { type Steps } from '../../src/sites/steps';
import { WINDOW } from '../../src/match/text-window';

// Text in these is not page text (code, styles, form values, inert markup).
const SKIP_PARENTS = new Set(['script', 'style', 'noscript', 'textarea', 'template']);
// A bound for hostile pages: stop after this much text (a 1.2 MB Play page has ~60 k characters),
// cutting a longer node too (one 10 MB text node would otherwise be read whole).
const MAX_TEXT = 300_000;
const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT
/** A piece of text this long is a point where the walk may stop. */
const LONG_PIECE = 4096;
/** Text nodes read between two points where the walk may stop. */
const NODES_PER_STEP = 64;

/**
 * The page's text under `root` as one string (text nodes joined by "\0", at
 * most MAX_TEXT characters of page text): what the content script sends the
 * background to fold and count there.
 */
export function* pageTextSteps(root: Node): Steps<string> {
  let text = '';
  for (const piece of textPieceSteps(root, WINDOW)) {
    if (piece === undefined) yield;
    else {
      text += piece;
      // A point to stop after a long piece too (reading one is the costly part).
      if (piece.length >= LONG_PIECE) yield;
    }
  }
  return text;
}

/**
 * The text nodes under `root` (page text only, our UI and code left out), as they
 * are, in pieces of about `window` characters; a node after the first starts
 * with "\0". Yields undefined every few nodes (a point where the walk may stop).
 */
export function* textPieceSteps(root: Node, window: number): Generator<string | undefined, void, void> {
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
    let data = (node as Text).data.slice(0, budget);
    // "\0" in what is sent marks where a node ends; one inside a node (a script can put it there,
    // the parser never does) is dropped, as folding drops it ("We\0Chat" reads "WeChat").
    if (data.includes('\0')) data = data.replaceAll('\0', '');
    if (data.length < 2) continue;
    budget -= data.length;
    let first = true;
    for (const piece of pieces(data, window)) {
      yield first && any ? '\0' + piece : piece;
      first = false;
    }
    any = true;
  }
}

/**
 * A node's text in pieces of about `size` characters, each cut just after a run of
 * ASCII whitespace where there is one (src/match/fold-text.ts, folding word by word,
 * gives the same text folded in pieces or whole), and never inside a surrogate pair.
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
