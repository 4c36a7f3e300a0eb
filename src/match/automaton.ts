// Aho–Corasick over normalized names: every alias found in a page's text in one
// pass, O(text) whatever the number of aliases (uBlock's model: the lists are
// compiled once, at build time, into this structure; the page only walks it).
//
// The serialized form is small flat arrays (it is inlined in the content
// script); the typed arrays the scan needs are derived from it once per
// automaton, on first use.

/**
 * Boundary classes. A match is accepted when the character before it is not of
 * the class of the pattern's first character, and the character after it not
 * of the class of its last one: Latin patterns match whole tokens ("qq" not in
 * "qqq", "vmate" not in "vmates"), CJK patterns only where no ideograph extends
 * them (微信 not inside 微信输入法 or 企业微信).
 */
const SEP = 0;
const LATIN = 1;
const CJK = 2;
const OTHER = 3;

/** Longest pattern kept (UTF-16 units): names are short; this bounds the scan's ring buffer. */
export const MAX_PATTERN_LENGTH = 128;
const RING = 128; // power of two ≥ MAX_PATTERN_LENGTH

export interface AutomatonPattern {
  /** Normalized text (normalizeName): folded, single spaces, trimmed. */
  text: string;
  value: number;
}

export interface Automaton {
  /** Edge labels in breadth-first order, one UTF-16 unit each; edge e leads to state e + 1. */
  chars: string;
  /** Number of edges out of each state (state 0 is the root); a state's edges are sorted by char code. */
  counts: number[];
  /** Failure link of each state: the longest proper suffix that is also a trie path. */
  fail: number[];
  /** Per pattern: the state its text ends in, its value, and its boundary classes (first * 4 + last). */
  ends: number[];
  values: number[];
  classes: number[];
}

/**
 * Punctuation and symbols outside ASCII that normalizeName turns into spaces
 * and that fold to nothing else (·, •, –, “”, …, ★, arrows, box drawing): the
 * scan treats them as separators, so text made of ASCII and these needs no
 * folding first. Excludes invisibles (soft hyphen, zero-width, bidi controls),
 * letters and digits (ª, ², ①) and anything NFKC would turn into them.
 */
export function isPlainSeparator(c: number): boolean {
  return (
    (c >= 0xa0 && c <= 0xa9) ||
    c === 0xab ||
    c === 0xac ||
    (c >= 0xae && c <= 0xb1) ||
    c === 0xb4 ||
    (c >= 0xb6 && c <= 0xb8) ||
    c === 0xbb ||
    c === 0xbf ||
    c === 0xd7 ||
    c === 0xf7 ||
    (c >= 0x2010 && c <= 0x2027) ||
    (c >= 0x2030 && c <= 0x205e) ||
    (c >= 0x2190 && c <= 0x245f) ||
    (c >= 0x2500 && c <= 0x27bf) ||
    c === 0x3000
  );
}

/** Class of a character of folded text (ASCII already lower-cased or folded by the scan). */
export function charClass(c: number): number {
  if (c < 0x80) {
    // '+' ends a token in normalized names ("alipay+" is not "alipay")
    return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || c === 0x2b ? LATIN : SEP;
  }
  if (isPlainSeparator(c)) return SEP;
  if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff)) return LATIN;
  if ((c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) return CJK;
  // Supplementary ideographs (planes 2–3) come as surrogate pairs.
  if ((c >= 0xd840 && c <= 0xd8bf) || (c >= 0xdc00 && c <= 0xdfff)) return CJK;
  if (c >= 0x2000 && c <= 0x200a) return SEP;
  return OTHER;
}

/** Does this normalized text contain a CJK ideograph? */
export function hasCjk(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (charClass(text.charCodeAt(i)) === CJK) return true;
  return false;
}

export function buildAutomaton(patterns: AutomatonPattern[]): Automaton {
  // 1. A trie with child maps (build time only).
  const kids: Map<number, number>[] = [new Map()];
  const ends: number[] = [];
  const values: number[] = [];
  const classes: number[] = [];
  for (const p of patterns) {
    const t = p.text;
    if (!t || t.length > MAX_PATTERN_LENGTH) continue;
    let s = 0;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      let next = kids[s]!.get(c);
      if (next === undefined) {
        next = kids.length;
        kids.push(new Map());
        kids[s]!.set(c, next);
      }
      s = next;
    }
    ends.push(s);
    values.push(p.value);
    classes.push(charClass(t.charCodeAt(0)) * 4 + charClass(t.charCodeAt(t.length - 1)));
  }

  // 2. Renumber breadth-first, children sorted by char: then edge e leads to state e + 1
  //    and no "next state" array needs shipping.
  const order: number[] = [0];
  const newId = new Int32Array(kids.length);
  let chars = '';
  const counts: number[] = [];
  for (let q = 0; q < order.length; q++) {
    const sorted = [...kids[order[q]!]!].sort((a, b) => a[0] - b[0]);
    counts.push(sorted.length);
    for (const [c, child] of sorted) {
      newId[child] = order.length;
      order.push(child);
      chars += String.fromCharCode(c);
    }
  }
  return { chars, counts, fail: failureLinks(chars, counts), ends: ends.map((s) => newId[s]!), values, classes };
}

/**
 * The failure link of each state (the longest proper suffix that is also a trie
 * path), from the trie alone: chars and counts. Breadth-first, so a state's
 * link, being shallower, is known before its children's. Amortized O(states).
 */
function failureLinks(chars: string, counts: number[]): number[] {
  const n = counts.length;
  const first = new Int32Array(n + 1);
  for (let s = 0; s < n; s++) first[s + 1] = first[s]! + counts[s]!;
  const labels = edgeLabels(chars);
  const fail = new Array<number>(n).fill(0);
  // Depth-1 states (the root's children) fail to the root.
  for (let s = 1; s < n; s++) {
    for (let e = first[s]!; e < first[s + 1]!; e++) {
      const c = labels[e]!;
      for (let f = fail[s]!; ; f = fail[f]!) {
        const t = gotoState(labels, first, f, c);
        if (t > 0) {
          fail[e + 1] = t;
          break;
        }
        if (f === 0) break;
      }
    }
  }
  return fail;
}

/** The edge labels as numbers: typed-array reads are much cheaper than charCodeAt on a two-byte string. */
function edgeLabels(chars: string): Uint16Array {
  const labels = new Uint16Array(chars.length);
  for (let e = 0; e < labels.length; e++) labels[e] = chars.charCodeAt(e);
  return labels;
}

/** The child of state s along char c, or 0 (the root is never a child). */
function gotoState(labels: Uint16Array, first: Int32Array, s: number, c: number): number {
  let lo = first[s]!;
  let hi = first[s + 1]! - 1;
  if (hi - lo < 8) {
    for (let e = lo; e <= hi; e++) {
      const x = labels[e]!;
      if (x === c) return e + 1;
      if (x > c) return 0;
    }
    return 0;
  }
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = labels[mid]!;
    if (x === c) return mid + 1;
    if (x < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/** What the scan uses: derived once per automaton (O(states)), then cached. */
interface Ready {
  /** The edge labels (edgeLabels). */
  edgeChars: Uint16Array;
  first: Int32Array;
  fail: Int32Array;
  depth: Int32Array;
  /** 1 + first pattern ending at this state, 0 when none. */
  term: Int32Array;
  /** Next pattern ending at the same state (-1 ends the list). */
  nextPattern: Int32Array;
  /** Nearest proper suffix state where a pattern ends (0 = none). */
  dict: Int32Array;
  /** Root transitions for ASCII, the common case. */
  rootAscii: Int32Array;
  values: number[];
  classes: number[];
}

const ready = new WeakMap<Automaton, Ready>();

function prepare(a: Automaton): Ready {
  const cached = ready.get(a);
  if (cached) return cached;
  const n = a.counts.length;
  const first = new Int32Array(n + 1);
  for (let s = 0; s < n; s++) first[s + 1] = first[s]! + a.counts[s]!;
  const depth = new Int32Array(n);
  for (let s = 0; s < n; s++) for (let e = first[s]!; e < first[s + 1]!; e++) depth[e + 1] = depth[s]! + 1;
  const term = new Int32Array(n);
  const nextPattern = new Int32Array(a.ends.length).fill(-1);
  for (let p = a.ends.length - 1; p >= 0; p--) {
    const s = a.ends[p]!;
    nextPattern[p] = term[s]! - 1;
    term[s] = p + 1;
  }
  const fail = Int32Array.from(a.fail);
  const dict = new Int32Array(n);
  // Breadth-first order = state order, so fail[s] (shallower) is done before s.
  for (let s = 1; s < n; s++) {
    const f = fail[s]!;
    dict[s] = term[f] ? f : dict[f]!;
  }
  const rootAscii = new Int32Array(128);
  for (let e = 0; e < first[1]!; e++) {
    const c = a.chars.charCodeAt(e);
    if (c < 128) rootAscii[c] = e + 1;
  }
  const edgeChars = edgeLabels(a.chars);
  const r: Ready = { edgeChars, first, fail, depth, term, nextPattern, dict, rootAscii, values: a.values, classes: a.classes };
  ready.set(a, r);
  return r;
}

// ASCII as the automaton sees it: A–Z folded to a–z, letters and digits kept,
// everything else a word separator (space), '+' decided in context. Same result
// as normalizeName on ASCII.
const PLUS = 0x2b;
const ASCII_FOLD = new Int32Array(128);
for (let c = 0; c < 128; c++) {
  ASCII_FOLD[c] = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === PLUS ? c : c >= 0x41 && c <= 0x5a ? c + 32 : 32;
}

/** Is c (raw) a letter or digit, i.e. not a separator once folded? */
function isWordChar(c: number): boolean {
  return c < 128 ? ASCII_FOLD[c] !== 32 && c !== PLUS : charClass(c) !== SEP;
}

// The ring buffer of fed offsets, shared by calls (findMatches is not re-entered from onMatch).
let sharedRing: Int32Array | undefined;
let scanning = false;

export type MatchHandler = (value: number, start: number, end: number) => void;

/**
 * Reports every pattern occurrence in `text` that sits on boundaries (see the
 * classes above), as (value, start, end) with offsets into `text`.
 *
 * `text` must already be folded like normalizeName folds (foldText); runs of
 * separators are collapsed here, and ASCII (plus the plain separators above) is
 * folded here too, so such text can be passed raw. "\0" is a hard break: no
 * match spans it (join separate texts with it). O(text.length), independent
 * of the pattern count.
 */
export function findMatches(text: string, automaton: Automaton, onMatch: MatchHandler): void {
  const a = prepare(automaton);
  const { edgeChars, first, fail, depth, term, nextPattern, dict, rootAscii, values, classes } = a;
  if (first[1] === 0) return; // no patterns
  // Raw offsets of the last RING characters fed to the automaton (separator runs feed one space).
  const nested = scanning;
  const fed = nested ? new Int32Array(RING) : (sharedRing ??= new Int32Array(RING));
  scanning = true;
  try {
    scan(text, edgeChars, fed, onMatch, first, fail, depth, term, nextPattern, dict, rootAscii, values, classes);
  } finally {
    scanning = nested;
  }
}

function scan(
  text: string,
  edgeChars: Uint16Array,
  fed: Int32Array,
  onMatch: MatchHandler,
  first: Int32Array,
  fail: Int32Array,
  depth: Int32Array,
  term: Int32Array,
  nextPattern: Int32Array,
  dict: Int32Array,
  rootAscii: Int32Array,
  values: number[],
  classes: number[],
): void {
  let k = 0;
  let s = 0;
  let prevSep = true;
  // ASCII letters and digits fed in a row just before this character. A match
  // that starts inside such a run (a Latin letter right after a Latin letter)
  // is always rejected by the boundary check, so the scan never goes there: at
  // the root, a letter inside a word is skipped without a transition (most
  // letters of ordinary text), and failure links that would land on a suffix
  // starting inside the word go to the root instead.
  let run = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    if (c === 0) {
      // hard break (between text nodes): nothing spans it
      s = 0;
      prevSep = true;
      run = 0;
      continue;
    }
    if (c < 128) {
      c = ASCII_FOLD[c]!;
      // normalizeName keeps '+' only where it ends a word ("Alipay+"); elsewhere it separates.
      if (c === PLUS && (prevSep || (i + 1 < n && isWordChar(text.charCodeAt(i + 1))))) c = 32;
    } else if (isPlainSeparator(c)) {
      c = 32;
    }
    if (c === 32) {
      if (prevSep) continue;
      prevSep = true;
    } else {
      prevSep = false;
    }
    const alnum = c < 128 && c !== 32 && c !== PLUS;
    const inWord = alnum && run > 0;
    run = alnum ? run + 1 : 0;
    // (Skipped characters are never part of a match: no need to record them.)
    if (inWord && s === 0) continue;
    fed[k & (RING - 1)] = i;
    k++;

    // Transition: follow failure links until an edge along c exists (or the root).
    for (;;) {
      let t: number;
      if (s === 0) {
        t = c < 128 ? rootAscii[c]! : gotoState(edgeChars, first, 0, c);
        s = t;
        break;
      }
      let lo = first[s]!;
      const hi = first[s + 1]!;
      t = 0;
      if (hi - lo < 8) {
        for (; lo < hi; lo++) {
          const x = edgeChars[lo]!;
          if (x === c) {
            t = lo + 1;
            break;
          }
          if (x > c) break;
        }
      } else {
        t = gotoState(edgeChars, first, s, c);
      }
      if (t !== 0) {
        s = t;
        break;
      }
      s = fail[s]!;
      if (inWord && depth[s]! < run - 1) {
        s = 0; // what is left starts inside this word
        break;
      }
    }
    if (s === 0) continue;

    // Outputs: this state's patterns, then its dictionary-suffix chain.
    let o = term[s] ? s : dict[s]!;
    while (o !== 0) {
      const len = depth[o]!;
      const start = fed[(k - len) & (RING - 1)]!;
      const before = start > 0 ? beforeClass(text.charCodeAt(start - 1)) : SEP;
      const after = i + 1 < n ? afterClass(text, i + 1) : SEP;
      for (let p = term[o]! - 1; p >= 0; p = nextPattern[p]!) {
        const cls = classes[p]!;
        if (before !== cls >> 2 && after !== (cls & 3)) onMatch(values[p]!, start, i + 1);
      }
      o = dict[o]!;
    }
  }
}

/** Class of the character before a match ('+' there never belongs to the matched token). */
function beforeClass(c: number): number {
  return c < 128 ? (ASCII_FOLD[c] === 32 || c === PLUS ? SEP : LATIN) : charClass(c);
}

/** Class of the character after a match: a word-final '+' makes another token ("alipay+"). */
function afterClass(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === PLUS) return i + 1 < text.length && isWordChar(text.charCodeAt(i + 1)) ? SEP : LATIN;
  return c < 128 ? (ASCII_FOLD[c] === 32 ? SEP : LATIN) : charClass(c);
}
