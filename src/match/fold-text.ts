// Page text folded as the names were (src/match/normalize.ts), word by word and
// only where needed. The content script sends the page's text as it is (text
// nodes joined by "\0"); the background folds it here before counting mentions
// (src/match/answer-match.ts), so no content script carries the folding tables.

import { normalizeName } from './normalize';

// Text that needs folding first: anything but ASCII and the plain separators the
// automaton folds itself (isPlainSeparator: ·, •, –, “”, …, ★ …). Most store text is that.
const NEEDS_FOLDING = /[^\t\n\f\r\x20-\x7e\u00a0-\u00a9\u00ab\u00ac\u00ae-\u00b1\u00b4\u00b6-\u00b8\u00bb\u00bf\u00d7\u00f7\u2010-\u2027\u2030-\u205e\u2190-\u245f\u2500-\u27bf\u3000]/;
const ASCII_SPACE = /[ \t\n\r\f]+/;

/**
 * One text node's text (or a piece of it cut after whitespace), folded word by
 * word ("Best 🏆 app" folds "🏆" alone): the automaton reads ASCII as is, and
 * normalizeName on a whole paragraph costs far more than on the odd word. Words
 * are split at ASCII whitespace only, so invisible characters inside a word
 * ("Cam\u200bScanner") still fold away. O(n).
 */
export function foldNodeText(data: string): string {
  if (!NEEDS_FOLDING.test(data)) return data;
  const words = data.split(ASCII_SPACE);
  for (let i = 0; i < words.length; i++) if (NEEDS_FOLDING.test(words[i]!)) words[i] = normalizeName(words[i]!);
  return words.join(' ');
}

/** A page's text as sent (nodes joined by "\0"), each node folded apart: folding never joins two nodes. */
export function foldPageText(text: string): string {
  return text.split('\0').map(foldNodeText).join('\0');
}
