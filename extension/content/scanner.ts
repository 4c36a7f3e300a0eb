// The page-side scan: adapter → listings → matcher → banner/badges, plus
// mentions of covered apps in the page text (tier 4: popup only, never drawn).
// The matcher is the background in the extension (it holds the full tables:
// the page sends what it read and gets findings back, src/match/page-match.ts)
// and the tables themselves in tests and benchmarks. The words on the banner
// and badges come from the background too (it holds the measures and wording),
// in its answer to the findings message, which also brings what the user
// dismissed. DOM only (no browser.* APIs) so benchmarks and tests can drive it directly.

import { type ListingQuery, type MatchAnswer, type MatchResult, type TextMention } from '../../src/match/page-match';
import type { Listing, ListingId, SiteAdapter } from '../../src/sites/types';
import { isFlag } from '../../src/match/flag';
import { storeLinkSteps } from '../../src/sites/links';
import { idsFromUrl } from '../../src/sites/store-links';
import { runSteps, type ListingSteps, type Steps } from '../../src/sites/steps';
import { parseDescriptions, type Descriptions, type FindingDescription, type FindingPayload } from '../shared/messages';
import { addBadge, badgeText, isOwnUi, removeAllUi, removeBanner, showBanner, type BannerModel } from './ui';
import { pageTextSteps } from './mentions';
import { inOneGo, type Slices } from './slices';

export interface ScannerHooks {
  /**
   * Called whenever the set of findings changes. The answer (if any) says how to
   * describe flagged findings and which keys the user dismissed; without one
   * nothing is drawn.
   */
  onFindings(findings: FindingPayload[], partial?: true, total?: number): Promise<Descriptions | undefined> | void;
  /** key: the listing whose badge was activated (absent: the banner's Details). */
  onDetails(key?: string): void;
  onDismiss(key: string): void;
}

const MENTION = 'mention:';
/**
 * Findings per message (cards still waiting for their words first); the count
 * covers all. A message is serialized in one task of the page's: 500 keeps it to a few ms.
 */
const MAX_SENT = 500;
/** At most one findings message per this many ms (the last change always goes out). */
const THROTTLE_MS = 250;

export interface ScannerOptions {
  /** false: find and report, draw nothing (benchmarks measure the scan alone). */
  drawUi?: boolean;
  /** How scans and drawing are spread over tasks (the content script: timeSlices()). Default: in one go. */
  slices?: Slices;
}

/** Who says which listings and names are covered: the background (a message away) or the tables at hand. */
export interface PageMatcher {
  /** describe: also the words for what is flagged (MatchResult.described), when the matcher has them. */
  match(listings: ListingQuery[], text?: string, describe?: true): MatchResult | Promise<MatchResult | undefined>;
}

/** Text read from the page, to ask about. */
interface PageText {
  text: string;
  /** true: the whole page (mention counts replace); false: added subtrees (they add). */
  whole: boolean;
}

const asQuery = (l: Listing, withKey?: true): ListingQuery => {
  const q: ListingQuery = { ids: l.ids, role: l.role };
  if (withKey) q.key = listingKey(l);
  if (l.name !== undefined) q.name = l.name;
  if (l.developer !== undefined) q.developer = l.developer;
  return q;
};
const isPromise = <T>(v: T | Promise<T>): v is Promise<T> => typeof (v as { then?: unknown } | null)?.then === 'function';

function listingKey(l: Listing): string {
  const id = l.ids.find((x) => x.platform !== 'google-play-developer' && x.platform !== 'apple-developer') ?? l.ids[0];
  return id ? `${id.platform}:${id.value}` : `name:${l.name ?? ''}|${l.developer ?? ''}`;
}

const MAX_LINKS = 3000;

// Developer ids in links (a card's "by INTSIG" link) are not listings of their own.
const notAListing = (id: ListingId) => id.platform === 'google-play-developer' || id.platform === 'apple-developer';

/**
 * The page's own listing as its address alone tells it (a detail page's store
 * id), or undefined. The content script asks about it at document_start, while
 * the page parses: a page whose address names a covered app gets its banner as
 * soon as it is parsed. Its name and developer, read from the page, follow with
 * the rest of the page.
 */
export function urlListing(adapter: SiteAdapter, url: URL): ListingQuery | undefined {
  if (adapter.classify(url) !== 'detail') return undefined;
  const ids = idsFromUrl(url, 'url').filter((id) => !notAListing(id));
  if (ids.length === 0) return undefined;
  const listing: Listing = { role: 'main', ids };
  return asQuery(listing, true);
}

/** The page's own listing as its address told it (urlListing), and the matcher's answer about it. */
export interface ByUrl {
  query: ListingQuery;
  result: MatchResult;
}

/** What a finding says, as one string (computed once, when it is recorded): the findings are compared by it. */
const signature = (p: FindingPayload) => `${p.entityId}\0${p.tier}\0${p.role}\0${p.name ?? ''}\0${p.developer ?? ''}\0${p.evidence.join('\0')}`;
/** A finding whose element the page removed is let go when it is still gone this much later. */
const PRUNE_GRACE_MS = 100;
/** Listings per question (at most MAX_QUERIES): each batch is serialized in a task of the page's. */
const QUERY_BATCH = 250;
/** Listings' answers kept in memory (then forgotten all at once and asked again). */
const MAX_REMEMBERED = 5000;

/** Store links in the page or in an added subtree (a "Get it on Google Play" button, a card link). */
export function linkListings(root: ParentNode, base: URL): Listing[] {
  return runSteps(linkListingSteps(root, base));
}

function linkListingSteps(root: ParentNode, base: URL): Steps<Listing[]> {
  const doc = (root as Node).ownerDocument ?? (root as Document);
  return storeLinkSteps(doc, base, notAListing, { root, maxAnchors: MAX_LINKS });
}

/** An adapter's extraction as a resumable walk; one that has none runs in one step. */
function* extractionSteps(adapter: SiteAdapter, doc: Document, url: URL): ListingSteps {
  if (adapter.extractSteps) yield* adapter.extractSteps(doc, url);
  else yield adapter.extract(doc, url);
}

/** A queued piece of work: its steps, and what to call when it ends (true) or is dropped (false). */
interface Job {
  steps: Steps<void>;
  done(finished: boolean): void;
}

const isMain = (l: Listing) => l.role === 'main' || l.role === 'vendor';

function insideAny(node: Element, roots: { has(e: Element): boolean }): boolean {
  for (let p = node.parentElement; p; p = p.parentElement) if (roots.has(p)) return true;
  return false;
}

const TITLE_CANDIDATES = 200;

/** The element of a card that shows the listing's name (the first leaf whose whole text it is), if any. */
function titleIn(card: Element, name: string | undefined): Element | undefined {
  if (!name) return undefined;
  const all = card.querySelectorAll('div, span, p, h1, h2, h3, h4, h5, h6');
  for (let i = 0; i < all.length && i < TITLE_CANDIDATES; i++) {
    const e = all[i]!;
    if (e.firstElementChild === null && e.textContent?.trim() === name) return e;
  }
  return undefined;
}

export class PageScanner {
  /** By listing key; text mentions under `mention:<entity id>` with their count and first spelling. */
  #findings = new Map<string, { payload: FindingPayload; sig: string; mention?: { count: number; name: string }; el?: Element; byUrl?: true }>();
  /** What the last full message held (key → signature; a list of 3,000 is not compared as one text), and the last answer. */
  #sentSigs = new Map<string, string>();
  /** Findings whose element was gone at the last prune (let go at the next if still gone). */
  #gone = new Set<string>();
  #pruneTimer: ReturnType<typeof setTimeout> | undefined;
  /** Keys in the last full message: a card whose key was asked about gets its words from that answer or none. */
  #asked = new Set<string>();
  #answer: Descriptions | undefined;
  #lastAt = -1e9;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #decorated = new WeakSet<Element>();
  /** Flagged cards waiting for their words from the background. */
  #pendingCards = new Map<Element, string>();
  /** The badge drawn on each card (replaced when the words change). */
  #badges = new WeakMap<Element, HTMLElement>();
  #dismissed = new Set<string>();
  #mainKey: string | undefined;
  #url: URL;
  /** Bumped on every reset: answers for an earlier page state are dropped. */
  #generation = 0;
  #drawn = false;
  /** The banner last drawn and its model (JSON), to skip redrawing the same banner. */
  #banner: { model: string; host: HTMLElement } | undefined;
  readonly #doc: Document;
  readonly #matcher: PageMatcher;
  readonly #adapter: SiteAdapter;
  readonly #hooks: ScannerHooks;
  readonly #options: ScannerOptions;
  readonly #slices: Slices;
  /** Work waiting its turn, the running job first; drawing goes before scanning. */
  #jobs: Job[] = [];
  #pumping = false;
  /** Answers by question (a listing as asked): the tables do not change while the page is open. */
  #answers = new Map<string, MatchAnswer | null>();
  /** The matcher's answer the running job waits for (the pump stops until it is there). */
  #waiting: Promise<void> | undefined;

  /** matcher: the background's answers in the extension; localMatcher(tables) in tests and benchmarks. */
  constructor(doc: Document, matcher: PageMatcher, adapter: SiteAdapter, hooks: ScannerHooks, options: ScannerOptions = {}) {
    this.#doc = doc;
    this.#matcher = matcher;
    this.#adapter = adapter;
    this.#hooks = hooks;
    this.#options = options;
    this.#slices = options.slices ?? inOneGo;
    this.#url = new URL(doc.location?.href ?? 'about:blank');
  }

  /**
   * First scan of a page (or of a new in-page URL). Resolves when it has run to
   * its end (true), or was dropped for a newer page state (false).
   * byUrl: the question about urlListing(url) and the matcher's answer (asked with describe), when it is already in.
   */
  fullScan(url: URL, byUrl?: ByUrl): Promise<boolean> {
    this.reset();
    this.#url = url;
    if (!this.#adapter.classify(url)) return Promise.resolve(true);
    const drawn = byUrl ? this.#takeByUrl(byUrl) : false;
    return this.#enqueue(this.#fullScanSteps(url, drawn));
  }

  /**
   * The banner from the answer about the page's address (drawn now, before the
   * page is read); true when the page's own listing is flagged by it. The scan
   * then reads the listing's name and developer and sends them with the rest of
   * the page; that answer's words replace these where they differ.
   */
  #takeByUrl({ query, result }: ByUrl): boolean {
    const answer = result.found[0];
    const described = parseDescriptions(result.described);
    if (!answer || answer.tier > 3 || !described || this.#options.drawUi === false) return false;
    const listing: Listing = { role: 'main', ids: query.ids };
    if (!this.#take(listing, answer)) return false;
    this.#findings.get(listingKey(listing))!.byUrl = true;
    this.#answer = described;
    this.#draw(described);
    return true;
  }

  *#fullScanSteps(url: URL, drawn: boolean): Steps<void> {
    // The page's own listing first: if it is covered, its findings go to the
    // background now and the banner's round trip overlaps the rest of the scan.
    // (Already drawn from the page's address: it goes with the rest, no words asked ahead.)
    let early = drawn;
    const rest: Listing[] = [];
    try {
      for (const found of extractionSteps(this.#adapter, this.#doc, url)) {
        if (!found) {
          yield;
          continue;
        }
        const main = found.filter(isMain);
        if (drawn) rest.push(...main);
        else if (main.length > 0 && (yield* this.#consumeSteps(main, undefined, true))) early = true;
        for (const l of found) if (!isMain(l)) rest.push(l);
      }
    } catch {
      // a hostile or changed page must never break: fall back to links
    }
    rest.push(...(yield* linkListingSteps(this.#doc, url)));
    const text = yield* this.#textSteps(this.#doc.body ?? this.#doc.documentElement, true);
    const sent = yield* this.#consumeSteps(rest, text);
    // The rest added nothing: the full list (the same) still has to follow the partial one.
    if (early && !sent) this.#send();
  }

  /** Incremental scan of subtrees added after the first scan (after the work already queued). */
  scanAdded(roots: Element[]): void {
    if (!this.#adapter.classify(this.#url)) return;
    void this.#enqueue(this.#scanAddedSteps(roots));
  }

  *#scanAddedSteps(roots: Element[]): Steps<void> {
    const listings: Listing[] = [];
    const text: PageText = { text: '', whole: false };
    const added = roots.length > 1 ? new Set(roots) : undefined;
    for (const root of roots) {
      yield;
      if (!root.isConnected || isOwnUi(root)) continue;
      // A root inside another added root is scanned with it: count its text once.
      if (added && insideAny(root, added)) continue;
      try {
        if (this.#adapter.extractFrom) listings.push(...this.#adapter.extractFrom(root, this.#url));
      } catch {
        // ignore: links below still work
      }
      listings.push(...(yield* linkListingSteps(root, this.#url))); // includes the root when it is an anchor
      const more = yield* pageTextSteps(root);
      // Subtrees' texts apart: no name spans two of them.
      if (more) text.text += (text.text ? '\0' : '') + more;
    }
    yield* this.#consumeSteps(listings, text);
  }

  /** Re-read the whole page without clearing what is already shown (dedupe by key). */
  rescan(): void {
    if (!this.#adapter.classify(this.#url)) return;
    void this.#enqueue(this.#rescanSteps());
  }

  *#rescanSteps(): Steps<void> {
    const listings: Listing[] = [];
    try {
      for (const found of extractionSteps(this.#adapter, this.#doc, this.#url)) {
        if (found) listings.push(...found);
        else yield;
      }
    } catch {
      // keep what we have
    }
    listings.push(...(yield* linkListingSteps(this.#doc, this.#url)));
    const text = yield* this.#textSteps(this.#doc.body ?? this.#doc.documentElement, true);
    yield* this.#consumeSteps(listings, text);
  }

  /** Is no scan or drawing waiting or under way? */
  get idle(): boolean {
    return this.#jobs.length === 0;
  }

  /** Queues steps (drawing before scans); resolves when they ran to their end (true) or were dropped (false). */
  #enqueue(steps: Steps<void>, first = false): Promise<boolean> {
    return new Promise((done) => {
      const job = { steps, done };
      // First: after the running job (it may be half-way), before the rest.
      if (first && this.#jobs.length > 0) this.#jobs.splice(1, 0, job);
      else this.#jobs.push(job);
      this.#pump();
    });
  }

  /** Runs queued steps until the slice is used, then lets the page run and goes on. */
  #pump(): void {
    if (this.#pumping) return;
    this.#pumping = true;
    this.#slices.begin();
    const generation = this.#generation;
    while (this.#jobs.length > 0) {
      const job = this.#jobs[0]!;
      let finished: boolean;
      try {
        finished = job.steps.next().done === true;
      } catch {
        finished = true; // a page that breaks a walk loses that walk only
      }
      if (generation !== this.#generation) break; // reset() from inside a step: it dropped the queue
      const waiting = this.#waiting;
      if (waiting && !finished) {
        // The job asked the matcher: the page runs meanwhile; the pump goes on once the answer is in.
        this.#waiting = undefined;
        void waiting.then(() => {
          this.#pumping = false;
          this.#pump();
        });
        return;
      }
      if (finished) {
        this.#jobs.shift();
        job.done(true);
      }
      if (this.#jobs.length > 0 && this.#slices.due()) {
        void this.#slices.pause().then(() => {
          this.#pumping = false;
          this.#pump();
        });
        return;
      }
    }
    this.#pumping = false;
  }

  reset(): void {
    // Work for the page as it was is dropped; a pause under way finds an empty queue.
    for (const job of this.#jobs.splice(0)) job.done(false);
    this.#findings.clear();
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#sentSigs.clear();
    this.#gone.clear();
    clearTimeout(this.#pruneTimer);
    this.#asked.clear();
    this.#decorated = new WeakSet();
    this.#badges = new WeakMap();
    this.#pendingCards.clear();
    this.#mainKey = undefined;
    this.#banner = undefined;
    this.#generation++;
    // Only look for our UI when we drew some (a query over a 1 MB page is not free).
    if (this.#drawn) removeAllUi(this.#doc);
    this.#drawn = false;
  }

  /**
   * The words drawn are stale (the reader's profiles changed): the findings go
   * to the background again, and its answer redraws the banner and every badge.
   */
  redescribe(): void {
    if (this.#findings.size === 0) return;
    for (const [key, f] of this.#findings) if (f.el && this.#badges.has(f.el) && f.el.isConnected) this.#pendingCards.set(f.el, key);
    // Sent again even though nothing changed: the answer carries the words for the new profiles.
    this.#sentSigs.clear();
    this.#send();
  }

  /** The dismissal key of the page's main listing: per site, so dismissing on one store is not global. */
  #dismissKey(key: string): string {
    return `${this.#url.host}|${key}`;
  }

  payloads(): FindingPayload[] {
    return [...this.#findings.values()].map((f) => f.payload);
  }

  *#textSteps(root: Node | null, whole: boolean): Steps<PageText | undefined> {
    if (!root) return undefined;
    return { text: yield* pageTextSteps(root), whole };
  }

  /** Resolves a value that may be on its way: the running job stops there and the pump resumes it with the answer. */
  *#wait<T>(v: T | Promise<T>): Steps<T | undefined> {
    if (!isPromise(v)) return v;
    const box: { value?: T } = {};
    this.#waiting = v.then(
      (x) => void (box.value = x),
      () => undefined,
    );
    yield;
    return box.value;
  }

  /** Asks the matcher about listings (in batches) and a text; undefined when no answer came. */
  *#matchSteps(listings: Listing[], text: string | undefined, describe?: true): Steps<MatchResult | undefined> {
    const found: (MatchAnswer | null)[] = new Array<MatchAnswer | null>(listings.length).fill(null);
    let mentions: TextMention[] = [];
    let described: unknown;
    let textAsked = !text;
    // In batches, each read, written and sent in a step of its own (a message is serialized in the page's task).
    for (let i = 0; i === 0 || i < listings.length; i += QUERY_BATCH) {
      if (i > 0) yield;
      const queries = listings.slice(i, i + QUERY_BATCH).map((l) => asQuery(l, describe));
      const seen = queries.map((q) => JSON.stringify(q));
      // Listings asked about before (a card the page re-rendered, the same app further down an
      // endless list) are answered from memory: no message, and no wait a fast re-render could outrun.
      const ask: number[] = [];
      seen.forEach((s, k) => {
        const known = describe ? undefined : this.#answers.get(s);
        if (known === undefined) ask.push(k);
        else found[i + k] = known;
      });
      if (ask.length === 0 && textAsked) continue;
      const answer = yield* this.#wait(this.#matcher.match(ask.map((k) => queries[k]!), textAsked ? undefined : text, describe));
      if (!answer || answer.found.length !== ask.length) return undefined;
      ask.forEach((k, n) => {
        const a = answer.found[n] ?? null;
        found[i + k] = a;
        if (this.#answers.size >= MAX_REMEMBERED) this.#answers.clear();
        this.#answers.set(seen[k]!, a);
      });
      if (!textAsked) {
        textAsked = true;
        mentions = answer.mentions;
      }
      described ??= answer.described;
    }
    return { found, mentions, described };
  }

  /** Match and record listings, one per step; true when the findings changed (and were sent). */
  *#consumeSteps(listings: Listing[], text?: PageText, partial?: true): Steps<boolean> {
    let changed = false;
    // A second link to the same app in one batch is not asked about twice.
    const linkKeys = new Set<string>();
    const asked = listings.filter((l) => {
      if (!this.#worthAsking(l)) return false;
      if (l.role !== 'link') return true;
      const key = listingKey(l);
      return !linkKeys.has(key) && !!linkKeys.add(key);
    });
    if (asked.length === 0 && !text?.text) return false;
    // The page's own listing, ahead of the rest, is asked with its words: its banner needs no second message.
    const answer = yield* this.#matchSteps(asked, text?.text || undefined, partial && this.#options.drawUi !== false ? true : undefined);
    if (!answer) return false;
    for (let i = 0; i < asked.length; i++) {
      // (None before the first: the page's own listing goes out in the slice that read it.)
      if (i > 0) yield;
      if (this.#take(asked[i]!, answer.found[i] ?? null)) changed = true;
    }
    if (text && this.#addMentions(answer.mentions, text.whole)) changed = true;
    const described = partial && changed ? parseDescriptions(answer.described) : undefined;
    if (described) {
      // Drawn now; the page's findings go to the background with the rest of the page.
      this.#answer = described;
      this.#draw(described);
    } else if (changed) this.#send(partial);
    return changed;
  }

  /** Is this listing new to the page's findings (and still there)? Asked before the question and again with the answer. */
  #worthAsking(listing: Listing): boolean {
    const existing = this.#findings.get(listingKey(listing));
    // A link to the app the page is about, or a second link to a card's app: already counted.
    // (The page's own listing as its address told it: the listing read from the page replaces it.)
    if (existing && (existing.payload.role === 'main' || existing.payload.role === 'vendor' || listing.role === 'link')) return !!existing.byUrl && isMain(listing);
    // A card the page removed while the scan was paused: nothing of it is kept.
    if (listing.element && (this.#decorated.has(listing.element) || (listing.role !== 'main' && !listing.element.isConnected))) return false;
    // A flagged card's own link is not a second listing (memory, not an attribute: the page can write those).
    if (listing.role === 'link' && listing.element && insideAny(listing.element, this.#decorated)) return false;
    return true;
  }

  /** Records one listing's finding (the matcher's answer); true when that changed the findings. */
  #take(listing: Listing, answer: MatchAnswer | null): boolean {
    if (!answer || !this.#worthAsking(listing)) return false;
    const key = listingKey(listing);
    // The page's own listing read from the page: the one its address told goes (under whatever key).
    if (isMain(listing)) for (const [k, f] of this.#findings) if (f.byUrl) this.#findings.delete(k);
    const payload: FindingPayload = {
      entityId: answer.entityId,
      tier: answer.tier,
      evidence: answer.evidence,
      role: listing.role,
      name: listing.name,
      developer: listing.developer,
      key,
    };
    this.#gone.delete(key);
    this.#findings.set(key, { payload, sig: signature(payload), el: listing.role === 'card' || listing.role === 'link' ? listing.element : undefined });
    // The listing says more than a mention of the same app in the text.
    this.#findings.delete(MENTION + payload.entityId);
    if (!isFlag(payload)) return true;
    if (listing.role === 'main' || listing.role === 'vendor') {
      this.#mainKey = key;
    } else if (listing.element && this.#options.drawUi !== false) {
      this.#decorated.add(listing.element);
      this.#pendingCards.set(listing.element, key);
    }
    return true;
  }

  /**
   * Forgets cards the page removed (and their findings): nothing of a removed
   * subtree is kept. Queued after the scans of what was added (a re-rendered
   * card replaces its old self before the old one is let go: no change).
   */
  prune(): void {
    void this.#enqueue(this.#pruneSteps());
  }

  // (One step, no yield: a job like the others, run in its turn.)
  *#pruneSteps(): Steps<void> {
    let changed = false;
    let later = false;
    for (const [key, f] of this.#findings) {
      if (!f.el || f.el.isConnected) continue;
      // Gone at the last look too: let go. Else look again a moment later (a page that
      // re-renders its cards faster than we read them must not make its findings flap).
      if (this.#gone.delete(key)) changed = this.#findings.delete(key) || changed;
      else later = !!this.#gone.add(key);
    }
    if (later) {
      clearTimeout(this.#pruneTimer);
      this.#pruneTimer = setTimeout(() => this.prune(), PRUNE_GRACE_MS);
    }
    for (const el of this.#pendingCards.keys()) if (!el.isConnected) this.#pendingCards.delete(el);
    if (changed) this.#send();
  }

  /** Findings to the background, at most one message per THROTTLE_MS (trailing); a partial list goes at once. */
  #send(partial?: true): void {
    if (partial) return this.#post(partial);
    if (this.#timer) return;
    const wait = this.#lastAt + THROTTLE_MS - performance.now();
    if (wait <= 0) return this.#post();
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#post();
    }, wait);
  }

  /** Sends the findings unless they are the ones last sent; the answer (words, dismissals) is drawn unless the page moved on. */
  #post(partial?: true): void {
    const all = this.payloads();
    const pending = new Set(this.#pendingCards.values());
    const draw = this.#options.drawUi !== false;
    const sent = all.length > MAX_SENT ? all.filter((p) => pending.has(p.key)).concat(all.filter((p) => !pending.has(p.key))).slice(0, MAX_SENT) : all;
    if (!partial) {
      // Unchanged, or changed and changed back (a card removed, then the same card re-rendered).
      if (this.#sameAsSent() && [...pending].every((k) => this.#asked.has(k))) {
        // Same findings (a re-rendered card): its words are in the last answer (or the one on its way).
        if (draw && this.#answer) this.#draw(this.#answer);
        return;
      }
      this.#sentSigs = new Map([...this.#findings].map(([k, f]) => [k, f.sig]));
      this.#asked = new Set(sent.map((p) => p.key));
      this.#lastAt = performance.now();
    }
    const generation = this.#generation;
    // The toolbar count covers every flagged finding, sent or not (the background ignores a total it can count itself).
    const answer = this.#hooks.onFindings(sent, partial, all.filter((p) => p.tier <= 3).length);
    if (!draw || !answer) return;
    void answer.then((d) => {
      if (!d || generation !== this.#generation) return;
      this.#answer = d;
      this.#draw(d);
      // Cards beyond one message's cap get their words in the next.
      if ([...this.#pendingCards.values()].some((k) => !this.#asked.has(k))) this.#send();
    });
  }

  /** Do the findings say what the last message said (compared key by key, not as one text)? */
  #sameAsSent(): boolean {
    if (this.#findings.size !== this.#sentSigs.size) return false;
    for (const [k, f] of this.#findings) if (this.#sentSigs.get(k) !== f.sig) return false;
    return true;
  }

  /** Draws what the background described: the banner, then badges on waiting cards (a queued job, ahead of scans). */
  #draw(d: Descriptions): void {
    for (const k of d.dismissed) this.#dismissed.add(k);
    this.#renderBanner(d);
    void this.#enqueue(this.#badgeSteps(d), true);
  }

  /** One badge per step. */
  *#badgeSteps(d: Descriptions): Steps<void> {
    for (const [element, key] of this.#pendingCards) {
      const summary = d.summaries[key];
      const f = this.#findings.get(key);
      if (!summary || !f || !element.isConnected) continue;
      this.#pendingCards.delete(element);
      // The count on a badge: the lines that restrict the reader (neutral view: every line in force).
      const n = summary.lines.filter((l) => (d.neutral ? l.effect === 'restricts' : l.forYou)).length;
      this.#badges.get(element)?.remove();
      const host = addBadge(
        this.#doc,
        element,
        { text: badgeText(summary.verdict, n, d.neutral !== false), title: summary.verdictText, subject: summary.subject, verdict: summary.verdict },
        () => this.#hooks.onDetails(key),
        // A card: the badge goes where it covers neither its images nor its title (a link keeps it at its start).
        f.payload.role === 'card' ? { title: titleIn(element, f.payload.name) } : undefined,
      );
      this.#badges.set(element, host);
      this.#drawn = true;
      yield;
    }
  }

  /**
   * Covered apps named in the text with no finding of their own become tier-4
   * findings (popup only: no badge, no banner, not in the toolbar count).
   */
  #addMentions(mentions: TextMention[], whole: boolean): boolean {
    if (mentions.length === 0) return false;
    const found = new Set<string>();
    for (const [key, f] of this.#findings) if (!key.startsWith(MENTION)) found.add(f.payload.entityId);
    let changed = false;
    for (const m of mentions) {
      if (found.has(m.entityId)) continue;
      const key = MENTION + m.entityId;
      const existing = this.#findings.get(key);
      const count = whole || !existing?.mention ? m.count : existing.mention.count + m.count;
      if (existing?.mention?.count === count) continue;
      const name = existing?.mention?.name ?? m.name;
      const evidence = [`name "${name}" mentioned in the page text (${count} time${count === 1 ? '' : 's'})`];
      const payload: FindingPayload = { entityId: m.entityId, tier: 4, evidence, role: 'link', key };
      this.#findings.set(key, { payload, sig: signature(payload), mention: { count, name } });
      changed = true;
    }
    return changed;
  }

  #renderBanner(d: Descriptions): void {
    const main = this.#mainKey ? this.#findings.get(this.#mainKey) : undefined;
    let model: BannerModel | undefined;
    if (main) {
      const key = this.#dismissKey(main.payload.key);
      const s = d.summaries[main.payload.key];
      if (s && !this.#dismissed.has(key)) {
        model = {
          key,
          subject: s.subject,
          verdict: s.verdict,
          verdictText: s.verdictText,
          possible: s.possible,
          lines: s.lines,
          evidence: `Matched by ${main.payload.evidence.join('; ')}`,
          asOf: d.asOf,
          date: d.date,
        };
      }
    } else if (!/^d(etail|ownload)$/.test(this.#adapter.classify(this.#url)!)) {
      // A page about one app (kind "detail" or "download") gets a banner about that
      // app only: a flagged link or card on it (a description linking another app)
      // keeps to its own badge.
      const flagged = [...this.#findings.values()].filter((f) => isFlag(f.payload));
      const key = `list:${this.#url.origin}${this.#url.pathname}${this.#url.search}`;
      if (flagged.length > 0 && d.listHeading && !this.#dismissed.has(key)) {
        // Compact on lists: one line; each card carries its own badge, the popup the details.
        const verdicts = new Set(flagged.map((f) => d.summaries[f.payload.key]?.verdict));
        const verdict = (['restricted-for-you', 'restricted-elsewhere', 'history-only', 'possible-match'] as const).find((v) => verdicts.has(v)) ?? 'related-info';
        model = { key, subject: d.listHeading, verdict, verdictText: d.listHeading, possible: false, lines: [], compact: true, asOf: d.asOf, date: d.date };
      }
    }
    if (!model) {
      if (this.#drawn) removeBanner(this.#doc);
      this.#banner = undefined;
      return;
    }
    // The same banner again (another answer for the same page): leave it as it is.
    // (If the page took it away, ui.ts has put it back, or has stopped doing so.)
    const json = JSON.stringify(model);
    if (json === this.#banner?.model) return;
    this.#drawn = true;
    const host = showBanner(this.#doc, model, {
      onDetails: () => this.#hooks.onDetails(),
      onDismiss: (k) => {
        this.#dismissed.add(k);
        this.#hooks.onDismiss(k);
      },
    });
    this.#banner = { model: json, host };
  }
}
