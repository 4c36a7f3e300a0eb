// The page-side scan: adapter → listings → matcher → banner/badges, plus
// mentions of covered apps in the page text (tier 4: popup only, never drawn).
// The words on the banner and badges come from the background (it holds the
// measures and wording), in its answer to the findings message: one round trip,
// which also brings what the user dismissed. DOM only (no browser.* APIs) so
// benchmarks and tests can drive it directly.

import type { MatchIndex } from '../../src/match/compile';
import { isFlag, matchListing, type Finding } from '../../src/match/match';
import type { Listing, ListingId, SiteAdapter } from '../../src/sites/types';
import { storeLinkSteps } from '../../src/sites/links';
import { runSteps, type ListingSteps, type Steps } from '../../src/sites/steps';
import type { Descriptions, FindingDescription, FindingPayload } from '../shared/messages';
import { addBadge, badgeText, isOwnUi, removeAllUi, removeBanner, showBanner, type BannerModel } from './ui';
import { textMentionSteps } from './mentions';
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
/** Findings per message (cards still waiting for their words first); the count covers all. */
const MAX_SENT = 1000;
/** At most one findings message per this many ms (the last change always goes out). */
const THROTTLE_MS = 250;

export interface ScannerOptions {
  /** false: find and report, draw nothing (benchmarks measure the scan alone). */
  drawUi?: boolean;
  /** How scans and drawing are spread over tasks (the content script: timeSlices()). Default: in one go. */
  slices?: Slices;
}

/** Mentions found in page text, to merge into the findings. */
interface Mentions {
  counts: Map<number, number>;
  names: Map<number, string>;
  /** true: counts are for the whole page (replace); false: for added subtrees (add). */
  whole: boolean;
}

function listingKey(l: Listing): string {
  const id = l.ids.find((x) => x.platform !== 'google-play-developer' && x.platform !== 'apple-developer') ?? l.ids[0];
  return id ? `${id.platform}:${id.value}` : `name:${l.name ?? ''}|${l.developer ?? ''}`;
}

const MAX_LINKS = 3000;

// Developer ids in links (a card's "by INTSIG" link) are not listings of their own.
const notAListing = (id: ListingId) => id.platform === 'google-play-developer' || id.platform === 'apple-developer';

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
  #findings = new Map<string, { finding: Finding; payload: FindingPayload; mention?: { count: number; name: string }; el?: Element }>();
  /** The findings last sent (JSON) and the last answer. */
  #sent = '';
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
  readonly #index: MatchIndex;
  readonly #adapter: SiteAdapter;
  readonly #hooks: ScannerHooks;
  readonly #options: ScannerOptions;
  readonly #slices: Slices;
  /** Work waiting its turn, the running job first; drawing goes before scanning. */
  #jobs: Job[] = [];
  #pumping = false;

  constructor(doc: Document, index: MatchIndex, adapter: SiteAdapter, hooks: ScannerHooks, options: ScannerOptions = {}) {
    this.#doc = doc;
    this.#index = index;
    this.#adapter = adapter;
    this.#hooks = hooks;
    this.#options = options;
    this.#slices = options.slices ?? inOneGo;
    this.#url = new URL(doc.location?.href ?? 'about:blank');
  }

  /**
   * First scan of a page (or of a new in-page URL). Resolves when it has run to
   * its end (true), or was dropped for a newer page state (false).
   */
  fullScan(url: URL): Promise<boolean> {
    this.reset();
    this.#url = url;
    if (!this.#adapter.classify(url)) return Promise.resolve(true);
    return this.#enqueue(this.#fullScanSteps(url));
  }

  *#fullScanSteps(url: URL): Steps<void> {
    // The page's own listing first: if it is covered, its findings go to the
    // background now and the banner's round trip overlaps the rest of the scan.
    let early = false;
    const rest: Listing[] = [];
    try {
      for (const found of extractionSteps(this.#adapter, this.#doc, url)) {
        if (!found) {
          yield;
          continue;
        }
        const main = found.filter(isMain);
        if (main.length > 0 && runSteps(this.#consumeSteps(main, undefined, true))) early = true;
        for (const l of found) if (!isMain(l)) rest.push(l);
      }
    } catch {
      // a hostile or changed page must never break: fall back to links
    }
    rest.push(...(yield* linkListingSteps(this.#doc, url)));
    const mentions = yield* this.#mentionSteps(this.#doc.body ?? this.#doc.documentElement, true);
    const sent = yield* this.#consumeSteps(rest, mentions);
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
    const mentions: Mentions = { counts: new Map(), names: new Map(), whole: false };
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
      const found = yield* textMentionSteps(root, this.#index, mentions.names);
      for (const [e, n] of found) mentions.counts.set(e, (mentions.counts.get(e) ?? 0) + n);
    }
    yield* this.#consumeSteps(listings, mentions);
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
    const mentions = yield* this.#mentionSteps(this.#doc.body ?? this.#doc.documentElement, true);
    yield* this.#consumeSteps(listings, mentions);
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
    this.#sent = '';
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
    this.#sent = '';
    this.#send();
  }

  /** The dismissal key of the page's main listing: per site, so dismissing on one store is not global. */
  #dismissKey(key: string): string {
    return `${this.#url.host}|${key}`;
  }

  payloads(): FindingPayload[] {
    return [...this.#findings.values()].map((f) => f.payload);
  }

  *#mentionSteps(root: Node | null, whole: boolean): Steps<Mentions | undefined> {
    if (!root) return undefined;
    const names = new Map<number, string>();
    return { counts: yield* textMentionSteps(root, this.#index, names), names, whole };
  }

  /** Match and record listings, one per step; true when the findings changed (and were sent). */
  *#consumeSteps(listings: Listing[], mentions?: Mentions, partial?: true): Steps<boolean> {
    let changed = false;
    for (const listing of listings) {
      yield;
      if (this.#take(listing)) changed = true;
    }
    if (mentions && this.#addMentions(mentions)) changed = true;
    if (changed) this.#send(partial);
    return changed;
  }

  /** Matches one listing and records its finding; true when that changed the findings. */
  #take(listing: Listing): boolean {
    const key = listingKey(listing);
    const existing = this.#findings.get(key);
    // A link to the app the page is about, or a second link to a card's app: already counted.
    if (existing && (existing.payload.role === 'main' || existing.payload.role === 'vendor' || listing.role === 'link')) return false;
    // A card the page removed while the scan was paused: nothing of it is kept.
    if (listing.element && (this.#decorated.has(listing.element) || (listing.role !== 'main' && !listing.element.isConnected))) return false;
    // A flagged card's own link is not a second listing (memory, not an attribute: the page can write those).
    if (listing.role === 'link' && listing.element && insideAny(listing.element, this.#decorated)) return false;
    const finding = matchListing(listing, this.#index);
    if (!finding) return false;
    const payload: FindingPayload = {
      entityId: this.#index.entities[finding.entity]!.id,
      tier: finding.tier,
      evidence: finding.evidence,
      role: listing.role,
      name: listing.name,
      developer: listing.developer,
      key,
    };
    this.#findings.set(key, { finding, payload, el: listing.role === 'card' || listing.role === 'link' ? listing.element : undefined });
    // The listing says more than a mention of the same app in the text.
    this.#findings.delete(MENTION + payload.entityId);
    if (!isFlag(finding)) return true;
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
    for (const [key, f] of this.#findings) {
      if (f.el && !f.el.isConnected) changed = this.#findings.delete(key);
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
    const json = JSON.stringify(all);
    const pending = new Set(this.#pendingCards.values());
    const draw = this.#options.drawUi !== false;
    const sent = all.length > MAX_SENT ? all.filter((p) => pending.has(p.key)).concat(all.filter((p) => !pending.has(p.key))).slice(0, MAX_SENT) : all;
    if (!partial) {
      if (json === this.#sent && [...pending].every((k) => this.#asked.has(k))) {
        // Same findings (a re-rendered card): its words are in the last answer (or the one on its way).
        if (draw && this.#answer) this.#draw(this.#answer);
        return;
      }
      this.#sent = json;
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
  #addMentions(m: Mentions): boolean {
    if (m.counts.size === 0) return false;
    const found = new Set<number>();
    for (const [key, f] of this.#findings) if (!key.startsWith(MENTION)) found.add(f.finding.entity);
    let changed = false;
    for (const [entity, n] of m.counts) {
      if (found.has(entity)) continue;
      const id = this.#index.entities[entity]!.id;
      const key = MENTION + id;
      const existing = this.#findings.get(key);
      const count = m.whole || !existing?.mention ? n : existing.mention.count + n;
      if (existing?.mention?.count === count) continue;
      // scanTextMentions records a spelling for every entity it counts.
      const name = existing?.mention?.name ?? m.names.get(entity)!;
      const evidence = [`name "${name}" mentioned in the page text (${count} time${count === 1 ? '' : 's'})`];
      const finding: Finding = { entity, tier: 4, evidence, role: 'link' };
      this.#findings.set(key, { finding, payload: { entityId: id, tier: 4, evidence, role: 'link', key }, mention: { count, name } });
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
          evidence: `Matched by ${main.finding.evidence.join('; ')}`,
          asOf: d.asOf,
          date: d.date,
        };
      }
    } else if (!/^d(etail|ownload)$/.test(this.#adapter.classify(this.#url)!)) {
      // A page about one app (kind "detail" or "download") gets a banner about that
      // app only: a flagged link or card on it (a description linking another app)
      // keeps to its own badge.
      const flagged = [...this.#findings.values()].filter((f) => isFlag(f.finding));
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
