// The background's answer to a page's question (src/match/page-match.ts): the
// listings matched against the full tables, the text (folded here) and its mentions counted with the
// automaton in one go (the background has no page to keep responsive).

import type { MatchIndex } from './compile';
import { matchListing } from './match';
import { MentionCounter } from './mention-counter';
import { foldPageText } from './fold-text';
import type { MatchAnswer, MatchRequest, MatchResult, TextMention } from './page-match';

/** The answer: each listing matched against the full tables, the text counted with the automaton in one go. */
export function answerMatch(req: MatchRequest, index: MatchIndex): MatchResult {
  const found = req.listings.map((listing): MatchAnswer | null => {
    if (listing.ids.length === 0 && !listing.name && !listing.developer) return null;
    const f = matchListing(listing, index);
    return f ? { entityId: index.entities[f.entity]!.id, tier: f.tier, evidence: f.evidence } : null;
  });
  const mentions: TextMention[] = [];
  if (req.text) {
    const names = new Map<number, string>();
    const counter = new MentionCounter(index.automaton, names, Infinity);
    counter.add(foldPageText(req.text));
    for (const [entity, count] of counter.finish()) mentions.push({ entityId: index.entities[entity]!.id, count, name: names.get(entity)! });
  }
  return { found, mentions };
}

/** The tables themselves as a page's matcher (extension/content/scanner.ts PageMatcher): tests and benchmarks. */
export function localMatcher(index: MatchIndex): { match(listings: MatchRequest['listings'], text?: string): MatchResult } {
  return { match: (listings, text) => answerMatch(text ? { type: 'match', listings, text } : { type: 'match', listings }, index) };
}
