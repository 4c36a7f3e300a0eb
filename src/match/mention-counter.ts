// Counting covered apps named in a text ("…share it on WeChat…") with the
// compiled Aho–Corasick automaton: O(text) whatever the number of names. The
// text arrives in pieces (a page's text nodes, folded (./fold-text.ts), joined by "\0":
// no name spans two nodes) and is scanned in windows, so a caller that must keep
// its tasks short (the content script) can stop after each window; one that
// need not (the background, answering a page) passes a window of Infinity.

import { findMatches, type Automaton } from './automaton';

import { OVERLAP, WINDOW } from './text-window';

export { OVERLAP, WINDOW };

export class MentionCounter {
  /** Entity index → mentions counted. */
  readonly counts = new Map<number, number>();
  readonly #automaton: Automaton | undefined;
  readonly #names: Map<number, string> | undefined;
  readonly #window: number;
  // A longer alias and a shorter one of the same entity ("wps office" and
  // "wps") are one mention: count non-overlapping spans only (by offsets in the whole text).
  readonly #lastEnd = new Map<number, number>();
  #text = '';
  /** Offset of #text in the whole text; matches ending at or before #counted were counted. */
  #start = 0;
  #counted = 0;
  #any = false;

  /** `names`: also record the first spelling seen for each entity (for the evidence line). */
  constructor(automaton: Automaton | undefined, names?: Map<number, string>, window = WINDOW) {
    this.#automaton = automaton && automaton.ends.length > 0 ? automaton : undefined;
    this.#names = names;
    this.#window = window;
  }

  /** Adds text; true when it filled a window and that window was scanned (a point to stop). */
  add(piece: string): boolean {
    if (!this.#automaton) return false;
    this.#any = true;
    this.#text += piece;
    if (this.#text.length < this.#window) return false;
    this.#scan(false);
    return true;
  }

  /** Scans what is left; the counts for the whole text. */
  finish(): Map<number, number> {
    if (this.#any) this.#scan(true);
    this.#any = false;
    return this.counts;
  }

  /**
   * A match is counted by the window that sees the character after it (the
   * automaton's boundary check): the first one, or the last window.
   */
  #scan(last: boolean): void {
    const text = this.#text;
    const start = this.#start;
    const end = start + text.length;
    // The last character of a window that is not the last one: its match is the next window's.
    const upTo = last ? end : end - 1;
    findMatches(text, this.#automaton!, (entity, from, to) => {
      const absTo = start + to;
      if (absTo <= this.#counted || absTo > upTo) return;
      const absFrom = start + from;
      const prev = this.#lastEnd.get(entity);
      if (prev !== undefined && absFrom < prev) {
        if (absTo > prev) this.#lastEnd.set(entity, absTo);
        return;
      }
      this.#lastEnd.set(entity, absTo);
      this.counts.set(entity, (this.counts.get(entity) ?? 0) + 1);
      if (this.#names && !this.#names.has(entity)) this.#names.set(entity, text.slice(from, to).replace(/\s+/g, ' '));
    });
    this.#counted = upTo;
    const keep = Math.min(OVERLAP, text.length);
    this.#text = text.slice(text.length - keep);
    this.#start = end - keep;
  }
}
