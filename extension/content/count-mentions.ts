// Covered apps named in a page's text, counted here with the tables at hand: the
// tests and benchmarks of the text walk (./mentions.ts). The content script does
// not count: it sends the text, and the background folds and counts it
// (src/match/answer-match.ts). Same walk, same folding (src/match/fold-text.ts), in windows.

import { MentionCounter, WINDOW } from '../../src/match/mention-counter';
import type { MatchIndex } from '../../src/match/compile';
import { foldPageText } from '../../src/match/fold-text';
import { runSteps, type Steps } from '../../src/sites/steps';
import { textPieceSteps } from './mentions';

/**
 * Entity index → number of mentions in the text under `root`. Pass `names`
 * to also get the first spelling seen for each entity (for the evidence line).
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
    // Folded as the background folds the text the page sends (a node's piece may start with the "\0" before it).
    else if (counter.add(foldPageText(piece))) yield;
  }
  return counter.finish();
}
