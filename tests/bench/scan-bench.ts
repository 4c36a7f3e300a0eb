// Benchmark entry (built by vite.bench.config.ts into dist/bench/scan-bench.js,
// an IIFE injected into pages by scripts/bench.mjs). Exposes window.__coveredBench:
// the real scanner pipeline without UI, the baselines it is compared with, index
// swapping, and a mutation storm driven through the real incremental API.
// Timing happens in the page (performance.now) so no CDP round trip is measured.

import raw from 'virtual:covered-index';
import type { CompiledIndex } from '../../src/match/compile';
import { describeFindings } from '../../src/match/wording';
import { mentionAutomaton } from '../../src/match/compile';
import { clearNameMemo, normalizeName } from '../../src/match/normalize';
import { clearHrefMemo } from '../../src/sites/store-links';
import { googlePlay } from '../../src/sites/google-play';
import { localMatcher } from '../../src/match/answer-match';
import { linkListings, PageScanner, type ScannerHooks } from '../../extension/content/scanner';
import { matchListing } from '../../src/match/match';
import type { Listing } from '../../src/sites/types';
import { scanTextMentions } from '../../extension/content/count-mentions';

const realIndex = raw as CompiledIndex;
let index: CompiledIndex = realIndex;
let naiveCache: { index: CompiledIndex; res: RegExp[] } | undefined;

// Words for the badges come from the background in the extension; here from the same function, in the page.
const hooks: ScannerHooks = {
  onFindings: (findings) => Promise.resolve({ ...describeFindings(findings, index as CompiledIndex), dismissed: [] }),
  onDetails() {},
  onDismiss() {},
};
/** The scan alone: nothing to describe or draw. */
const quietHooks: ScannerHooks = { onFindings() {}, onDetails() {}, onDismiss() {} };
const SKIP_PARENTS = new Set(['script', 'style', 'noscript', 'textarea', 'template']);

/** The scanner's full pass as the content script runs it (adapter + links + matcher + text mentions), drawing nothing. */
function scan(): { findings: number; mentions: number; flagged: number } {
  const scanner = new PageScanner(document, localMatcher(index), googlePlay, quietHooks, { drawUi: false });
  scanner.fullScan(new URL(location.href));
  const p = scanner.payloads();
  return { findings: p.length, mentions: p.filter((f) => f.key.startsWith('mention:')).length, flagged: p.filter((f) => f.tier <= 3).length };
}

/** The floor: a TreeWalker over the same text nodes, reading each one's text. */
function walk(): number {
  let chars = 0;
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let parent: Node | null = null;
  let skip = false;
  for (let n = w.nextNode(); n; n = w.nextNode()) {
    if (n.parentNode !== parent) {
      parent = n.parentNode;
      skip = parent !== null && SKIP_PARENTS.has((parent as Element).localName);
    }
    if (!skip) chars += (n as Text).data.length;
  }
  return chars;
}

/** The naive way: one RegExp per alias over the rendered text (warm layout: it was laid out before). */
function naive(): number {
  if (naiveCache?.index !== index) {
    const res = Object.keys(index.names).map(
      (alias) => new RegExp(`(?<![\\p{L}\\p{N}])${alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'giu'),
    );
    naiveCache = { index, res };
  }
  const text = document.body.innerText;
  let hits = 0;
  for (const re of naiveCache.res) {
    re.lastIndex = 0;
    while (re.exec(text)) hits++;
  }
  return hits;
}

/**
 * The naive way right after the page changed (a card appended, as infinite
 * scroll does): innerText must bring layout up to date first. A content script
 * that re-reads innerText on every mutation pays this each time.
 */
function naiveAfterChange(): number {
  const card = document.createElement('div');
  card.textContent = 'Another app card';
  document.body.append(card);
  const hits = naive();
  card.remove();
  return hits;
}

/** Only the text-mention pass (for the breakdown). */
function mentions(): number {
  return scanTextMentions(document.body, index).size;
}

// The scan's parts, for the breakdown: adapter, store links, matcher.
function extract(): number {
  return googlePlay.extract(document, new URL(location.href)).length;
}
function links(): number {
  return linkListings(document, new URL(location.href)).length;
}
let listingsCache: Listing[] | undefined;
function match(): number {
  listingsCache ??= googlePlay.extract(document, new URL(location.href)).concat(linkListings(document, new URL(location.href)));
  let n = 0;
  for (const l of listingsCache) if (matchListing(l, index)) n++;
  return n;
}

/** Each timed call starts as on a freshly loaded page: nothing remembered from the previous call. */
const fresh =
  <T>(fn: () => T) =>
  (): T => {
    clearNameMemo();
    clearHrefMemo();
    return fn();
  };
const FNS = { scan: fresh(scan), walk, naive, naiveAfterChange, mentions: fresh(mentions), extract: fresh(extract), links: fresh(links), match: fresh(match) } as const;
type Kind = keyof typeof FNS;

/**
 * `rounds` rounds; in each, every kind runs `inner` times back to back (order
 * rotated per round) and one sample = mean ms per call. Returns samples by kind.
 */
function measure(kinds: Kind[], rounds: number, inner: number): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const k of kinds) {
    out[k] = [];
    FNS[k](); // warm-up (and first-use preparation of the automaton)
  }
  for (let r = 0; r < rounds; r++) {
    for (let j = 0; j < kinds.length; j++) {
      const k = kinds[(r + j) % kinds.length]!;
      const t0 = performance.now();
      for (let i = 0; i < inner; i++) FNS[k]();
      out[k]!.push((performance.now() - t0) / inner);
    }
  }
  return out;
}

// Synthetic indexes: random pronounceable names, one entity and one Play id each.
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const CONSONANTS = 'bcdfghjklmnprstvwz';
const VOWELS = 'aeiou';

function syntheticIndexJson(n: number, seed = 1): string {
  const r = rng(seed);
  const seen = new Set<string>();
  const names: Record<string, number[]> = {};
  const ids: Record<string, number> = {};
  const entities: CompiledIndex['entities'] = [];
  while (entities.length < n) {
    let w = '';
    const syll = 2 + Math.floor(r() * 3);
    for (let i = 0; i < syll; i++) w += CONSONANTS[Math.floor(r() * CONSONANTS.length)]! + VOWELS[Math.floor(r() * VOWELS.length)]!;
    const name = r() < 0.2 ? `${w} ${CONSONANTS[Math.floor(r() * 18)]}${VOWELS[Math.floor(r() * 5)]}x` : w;
    const key = normalizeName(name);
    if (seen.has(key)) continue;
    seen.add(key);
    const i = entities.length;
    entities.push({ id: `syn-${i}`, name, kind: 'app', coverage: [{ m: 0, label: name, rel: 'names-it', path: [], status: realIndex.measures[0]!.status, namedOn: realIndex.asOf, fromStart: true, restricts: false }] });
    names[key] = [i];
    ids[`google-play:com.synthetic.${key.replace(/ /g, '')}`] = i;
  }
  const idx: CompiledIndex = {
    asOf: realIndex.asOf,
    measures: realIndex.measures.slice(0, 1),
    entities,
    ids,
    weakIds: {},
    names,
    developers: {},
    weakDevelopers: {},
    companyApps: {},
    companyFamily: {},
    lookalikeIds: {},
    lookalikeNames: {},
    automaton: mentionAutomaton(names, {}),
  };
  return JSON.stringify(idx);
}

/** Swap the index (a CompiledIndex as JSON); null restores the real one. Returns its JSON size. */
function setIndex(json: string | null): { aliases: number; states: number } {
  index = json === null ? realIndex : (JSON.parse(json) as CompiledIndex);
  return { aliases: Object.keys(index.names).length, states: index.automaton.counts.length };
}

interface StormFlush {
  t: number;
  roots: number;
  nodes: number;
  ms: number;
  /** The same roots again, timed part by part after the real flush (breakdown only). */
  extractMs: number;
  linksMs: number;
  mentionsMs: number;
}

/**
 * The incremental path under a mutation storm, as main.ts runs it: a
 * MutationObserver collects added roots, a 60 ms timer flushes them into the
 * real scanner's scanAdded (drawing badges and the banner as it would).
 * `append` is called by the page's own storm; here we only observe and time.
 */
function observeStorm(): { stop(): { flushes: StormFlush[]; observerMs: number } } {
  const scanner = new PageScanner(document, localMatcher(realIndex), googlePlay, hooks);
  scanner.fullScan(new URL(location.href));
  const flushes: StormFlush[] = [];
  let pending: Element[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let observerMs = 0;
  const flush = () => {
    timer = undefined;
    const roots = pending;
    pending = [];
    let nodes = 0;
    for (const r of roots) nodes += 1 + r.getElementsByTagName('*').length;
    const t0 = performance.now();
    scanner.scanAdded(roots);
    const t1 = performance.now();
    const url = new URL(location.href);
    for (const r of roots) googlePlay.extractFrom!(r, url);
    const t2 = performance.now();
    for (const r of roots) linkListings(r, url);
    const t3 = performance.now();
    for (const r of roots) scanTextMentions(r, realIndex);
    const t4 = performance.now();
    flushes.push({ t: t0, roots: roots.length, nodes, ms: t1 - t0, extractMs: t2 - t1, linksMs: t3 - t2, mentionsMs: t4 - t3 });
  };
  const mo = new MutationObserver((records) => {
    const t0 = performance.now();
    for (const rec of records) {
      for (const n of Array.from(rec.addedNodes)) {
        if (n.nodeType === 1 && !(n as Element).closest('[data-covered-apps]')) pending.push(n as Element);
      }
    }
    if (pending.length) timer ??= setTimeout(flush, 60);
    observerMs += performance.now() - t0;
  });
  mo.observe(document.documentElement, { childList: true, subtree: true });
  return {
    stop() {
      mo.disconnect();
      if (timer) {
        clearTimeout(timer);
        flush();
      }
      return { flushes, observerMs };
    },
  };
}

const bench = { ...FNS, measure, setIndex, syntheticIndexJson, observeStorm, crossOriginIsolated: globalThis.crossOriginIsolated };
(globalThis as unknown as { __coveredBench: typeof bench }).__coveredBench = bench;
