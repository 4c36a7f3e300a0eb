// The match index as the content scripts carry it: the same tables as
// MatchIndex (compile.ts), written without the repetition JSON objects have,
// and unpacked once when the script loads. Nothing is dropped:
// unpackMatchIndex(packMatchIndex(x)) deep-equals x, which the build checks
// (scripts/vite-plugin-covered-index.ts) and tests/unit/pack.test.ts too.
//
// - entities: their ids in one space-separated string, their kinds in another (a digit each);
// - identifier tables grouped by platform ("google-play:" written once) and front-coded
//   (each identifier written as what it adds to the one before: see ByPlatform);
// - names: most are spelled by the automaton already (a pattern per name and entity,
//   see mentionAutomaton), so they are read back from its trie (a pattern's text is the
//   path to its end state); only the others are written, a lone entity as a number;
// - look-alike names as their display names only (the key is normalizeName of it),
//   and look-alike identifiers as an index into them instead of repeating them;
// - the automaton without its failure links (recomputed from the trie: failureLinks),
//   and its edge counts as one character each (48 + count) instead of a JSON number list.

import type { CompiledEntity, MatchIndex } from './compile';
import { failureLinks, type Automaton } from './automaton';
import { normalizeName } from './normalize';

const KINDS: CompiledEntity['kind'][] = ['app', 'feature', 'company'];

/**
 * platform → that platform's identifiers, front-coded: sorted, each written as
 * how many characters it shares with the one before (one character, '0' + n),
 * the rest of it, ':' and its number; space-separated. "com.tencent.mobileqq:29
 * <qqlite:29" instead of two full JSON keys. Keys are "platform:value" (identifierKey).
 */
type ByPlatform = Record<string, string>;

/** The tables written differently; the others (asOf, developers, companyApps …) are carried as they are. */
type Repacked = 'entities' | 'ids' | 'weakIds' | 'names' | 'automaton' | 'lookalikeNames' | 'lookalikeIds';

export interface PackedMatchIndex extends Omit<MatchIndex, Repacked> {
  /** The entities' ids, space-separated. */
  entities: string;
  /** Per entity, its kind as a digit: index into KINDS. */
  kinds: string;
  ids: ByPlatform;
  weakIds: ByPlatform;
  /** The names no automaton pattern spells (e.g. too short to look for in text, or also a look-alike's). */
  names: Record<string, number | number[]>;
  automaton: PackedAutomaton;
  /** The values of MatchIndex.lookalikeNames; each key is normalizeName of its value. */
  lookalikeNames: string[];
  /** Index into `lookalikeNames`. */
  lookalikeIds: ByPlatform;
}

/** The automaton minus `fail`, with `counts` as characters (String.fromCharCode(48 + count)). */
type PackedAutomaton = Omit<Automaton, 'fail' | 'counts'> & { counts: string };

const COUNT_BASE = 48; // '0': the common counts (0–9) are digits, none needs escaping in JSON

function packAutomaton({ fail: _fail, counts, ...rest }: Automaton): PackedAutomaton {
  return { ...rest, counts: counts.map((n) => String.fromCharCode(COUNT_BASE + n)).join('') };
}

function unpackAutomaton({ counts: packed, ...rest }: PackedAutomaton): Automaton {
  const counts = Array.from({ length: packed.length }, (_, i) => packed.charCodeAt(i) - COUNT_BASE);
  return { ...rest, counts, fail: failureLinks(rest.chars, counts) };
}

/** Each pattern's text: the edge labels from the root to its end state (edge e leads to state e + 1). */
function patternTexts(a: Automaton): string[] {
  const parent = new Int32Array(a.counts.length);
  for (let s = 0, e = 0; s < a.counts.length; s++) for (const end = e + a.counts[s]!; e < end; e++) parent[e + 1] = s;
  return a.ends.map((state) => {
    let text = '';
    for (let x = state; x !== 0; x = parent[x]!) text = a.chars[x - 1] + text;
    return text;
  });
}

const MAX_SHARED = 43; // '0' + 43 = '[': the prefix character never needs escaping in JSON

function groupByPlatform<T>(table: Record<string, T>, f: (v: T) => number): ByPlatform {
  const byPlatform: Record<string, [string, number][]> = {};
  for (const [key, v] of Object.entries(table)) {
    const colon = key.indexOf(':');
    const value = key.slice(colon + 1);
    if (!value || /[\s:]/.test(value)) throw new Error(`identifier "${key}" cannot be packed (empty, a space or a colon)`);
    (byPlatform[key.slice(0, colon)] ??= []).push([value, f(v)]);
  }
  const out: ByPlatform = {};
  for (const [platform, entries] of Object.entries(byPlatform)) {
    let prev = '';
    out[platform] = entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([value, n]) => {
        let shared = 0;
        while (shared < MAX_SHARED && value[shared] !== undefined && value[shared] === prev[shared]) shared++;
        prev = value;
        return `${String.fromCharCode(48 + shared)}${value.slice(shared)}:${n}`;
      })
      .join(' ');
  }
  return out;
}

function ungroup<U>(grouped: ByPlatform, f: (n: number) => U): Record<string, U> {
  const out: Record<string, U> = {};
  for (const [platform, coded] of Object.entries(grouped)) {
    let prev = '';
    for (const entry of coded.split(' ')) {
      const colon = entry.lastIndexOf(':');
      prev = prev.slice(0, entry.charCodeAt(0) - 48) + entry.slice(1, colon);
      out[`${platform}:${prev}`] = f(Number(entry.slice(colon + 1)));
    }
  }
  return out;
}

/** Build time: MatchIndex → the form inlined in the content scripts. */
export function packMatchIndex(ix: MatchIndex): PackedMatchIndex {
  const { entities, ids, weakIds, names, automaton, lookalikeNames, lookalikeIds, ...same } = ix;
  const lookalikes = Object.values(lookalikeNames);
  for (const [key, name] of Object.entries(lookalikeNames)) {
    if (normalizeName(name) !== key) throw new Error(`look-alike name "${name}" is not under its normalized key ("${key}")`);
  }
  const lookalike = (name: string) => {
    const i = lookalikes.indexOf(name);
    if (i < 0) throw new Error(`look-alike identifier's name "${name}" is not among the look-alike names`);
    return i;
  };
  for (const e of entities) if (!/^\S+$/.test(e.id)) throw new Error(`entity id "${e.id}" is empty or has a space`);
  const spelled = new Set(patternTexts(automaton));
  return {
    ...same,
    entities: entities.map((e) => e.id).join(' '),
    kinds: entities.map((e) => KINDS.indexOf(e.kind)).join(''),
    ids: groupByPlatform(ids, (e) => e),
    weakIds: groupByPlatform(weakIds, (e) => e),
    names: Object.fromEntries(Object.entries(names).flatMap(([k, v]) => (spelled.has(k) ? [] : [[k, v.length === 1 ? v[0]! : v]]))),
    automaton: packAutomaton(automaton),
    lookalikeNames: lookalikes,
    lookalikeIds: groupByPlatform(lookalikeIds, lookalike),
  };
}

/** Page time, once per content script. */
export function unpackMatchIndex(p: PackedMatchIndex): MatchIndex {
  const { entities, kinds, ids, weakIds, names: written, automaton: packed, lookalikeNames, lookalikeIds, ...same } = p;
  const automaton = unpackAutomaton(packed);
  const names: Record<string, number[]> = {};
  for (const [k, v] of Object.entries(written)) names[k] = typeof v === 'number' ? [v] : v;
  patternTexts(automaton).forEach((text, i) => (names[text] ??= []).push(automaton.values[i]!));
  const index: MatchIndex = {
    ...same,
    entities: entities.split(' ').map((id, i) => ({ id, kind: KINDS[Number(kinds[i])]! })),
    ids: ungroup(ids, (e) => e),
    weakIds: ungroup(weakIds, (e) => e),
    names,
    automaton,
    lookalikeNames: {},
    lookalikeIds: ungroup(lookalikeIds, (i) => lookalikeNames[i]!),
  };
  // Keyed on first use: the matcher reads them only once some name matched, and
  // normalizing the CJK ones costs the first Unicode-expression compile of the page.
  let keyed: Record<string, string> | undefined;
  Object.defineProperty(index, 'lookalikeNames', {
    enumerable: true,
    get: () => (keyed ??= Object.fromEntries(lookalikeNames.map((name) => [normalizeName(name), name]))),
  });
  return index;
}
