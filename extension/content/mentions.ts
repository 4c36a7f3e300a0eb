// Covered apps named anywhere in a page's text ("…share it on WeChat…"): one
// pass over the text nodes with the compiled Aho–Corasick automaton, so the
// cost is O(text) whatever the number of names. Reads node data only, never
// layout: no rendered-text getters, no geometry, no computed styles.

import { findMatches } from '../../src/match/automaton';
import type { MatchIndex } from '../../src/match/compile';
import { normalizeName } from '../../src/match/normalize';
import { isOwnUi } from './ui';

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

/**
 * Entity index → number of mentions in the text under `root`. Pass `names`
 * to also get the first spelling seen for each entity (for the evidence line).
 *
 * ASCII text (with common punctuation) is scanned as is: the automaton folds
 * it itself. Other text is folded with normalizeName first, as the names were.
 */
export function scanTextMentions(root: Node, index: MatchIndex, names?: Map<number, string>): Map<number, number> {
  const counts = new Map<number, number>();
  const automaton = index.automaton;
  if (!automaton || automaton.ends.length === 0) return counts;
  if (isOwnUi(root)) return counts;
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
  if (!doc) return counts;

  // The text nodes, joined by hard breaks ("\0": no name spans two nodes) and
  // scanned in one call.
  const parts: string[] = [];
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  let budget = MAX_TEXT;
  let parent: Node | null = null;
  let skip = false;
  for (let node = walker.nextNode(); node !== null && budget > 0; node = walker.nextNode()) {
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
    parts.push(NEEDS_FOLDING.test(data) ? foldWords(data) : data);
  }
  if (parts.length === 0) return counts;
  const text = parts.join('\0');

  // A longer alias and a shorter one of the same entity ("wps office" and
  // "wps") are one mention: count non-overlapping spans only.
  const lastEnd = new Map<number, number>();
  findMatches(text, automaton, (entity, from, to) => {
    const prev = lastEnd.get(entity);
    if (prev !== undefined && from < prev) {
      if (to > prev) lastEnd.set(entity, to);
      return;
    }
    lastEnd.set(entity, to);
    counts.set(entity, (counts.get(entity) ?? 0) + 1);
    if (names && !names.has(entity)) names.set(entity, text.slice(from, to).replace(/\s+/g, ' '));
  });
  return counts;
}
