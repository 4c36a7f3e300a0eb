// The verdict for the person reading: from the chosen profiles and a listing's
// measure lines (src/match/wording.ts, MeasureLine), which of five answers applies
// and which lines decide it. Pure; the sentences are the wording module's
// (verdictSentence), the colours the UI's.
import type { Audience } from '../data/schema';
import type { LineEffect } from '../match/wording';
import { bindsAnyOf, isNeutral, type Profile } from './profile';

/**
 * - restricted-for-you: a measure in force names the listing (or its maker) and binds a chosen profile.
 * - restricted-elsewhere: measures in force name it, none binds a chosen profile (or none is chosen: the neutral view).
 * - history-only: measures named it, none is in force now (revoked, enjoined, resolved, pending).
 * - possible-match: name only, developer not shown (tier 3): whatever the lines say, it may not be this app.
 * - related-info: measures name only something it is related to (information).
 */
export type VerdictKind = 'restricted-for-you' | 'restricted-elsewhere' | 'history-only' | 'possible-match' | 'related-info';
export const VERDICT_KINDS: readonly VerdictKind[] = ['restricted-for-you', 'restricted-elsewhere', 'history-only', 'possible-match', 'related-info'];

/** What a verdict needs of a line: its effect and whom its measure binds. */
export interface VerdictLine {
  effect: LineEffect;
  measure: { audiences: readonly Audience[] };
}

export interface Verdict<L extends VerdictLine = VerdictLine> {
  kind: VerdictKind;
  /** What the listing is for the reader if it is the app (for a possible match; else = kind). */
  underlying: Exclude<VerdictKind, 'possible-match'>;
  /** The lines that decide it, in display order. */
  deciding: L[];
  /** No profile says whom measures bind (none chosen, or journalist): the words never imply the reader is bound. */
  neutral: boolean;
}

/** Does this line restrict a reader with one of these profiles? */
export const restrictsProfiles = (profiles: readonly Profile[], line: VerdictLine): boolean =>
  line.effect === 'restricts' && bindsAnyOf(profiles, line.measure.audiences);

export function verdictFor<L extends VerdictLine>(profiles: readonly Profile[], lines: readonly L[], possible = false): Verdict<L> {
  const neutral = isNeutral(profiles);
  const forYou = neutral ? [] : lines.filter((l) => restrictsProfiles(profiles, l));
  const restricting = lines.filter((l) => l.effect === 'restricts');
  const history = lines.filter((l) => l.effect === 'not-in-force');
  const [underlying, deciding]: [Verdict['underlying'], L[]] = forYou.length
    ? ['restricted-for-you', forYou]
    : restricting.length
      ? ['restricted-elsewhere', restricting]
      : history.length
        ? ['history-only', history]
        : ['related-info', lines.filter((l) => l.effect === 'related')];
  return { kind: possible ? 'possible-match' : underlying, underlying, deciding, neutral };
}

const EFFECT_ORDER: Record<LineEffect, number> = { restricts: 0, 'not-in-force': 1, related: 2 };

/** The lines in display order: in force and binding you first, then the rest in force, then history, then information. */
export function linesForReader<L extends VerdictLine>(profiles: readonly Profile[], lines: readonly L[]): L[] {
  const rank = (l: L) => (restrictsProfiles(profiles, l) ? -1 : EFFECT_ORDER[l.effect]);
  return lines
    .map((l, i) => ({ l, i, r: rank(l) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.l);
}

/**
 * Does the listing count on the toolbar and its badge: it restricts the reader (a
 * measure in force binding a chosen profile), or in the neutral view any
 * restriction in force. Never history or information.
 */
export const countsForReader = (v: Verdict): boolean => (v.neutral ? v.underlying === 'restricted-elsewhere' : v.underlying === 'restricted-for-you');
