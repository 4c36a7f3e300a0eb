// The page-side scan: adapter → listings → matcher → banner/badges.
// DOM only (no browser.* APIs) so benchmarks and tests can drive it directly.

import type { CompiledIndex } from '../../src/match/compile';
import { isFlag, matchListing, type Finding } from '../../src/match/match';
import { listSummary, summarizeFinding } from '../../src/match/wording';
import type { Listing, ListingId, SiteAdapter } from '../../src/sites/types';
import { idsFromHref } from '../../src/sites/store-links';
import type { FindingPayload } from '../shared/messages';
import { addBadge, isOwnUi, removeAllUi, removeBanner, showBanner, type BannerModel } from './ui';

export interface ScannerHooks {
  /** Called whenever the set of findings changes (after a scan that found something new). */
  onFindings(findings: FindingPayload[]): void;
  onDetails(): void;
  onDismiss(key: string): void;
  isDismissed(key: string): boolean;
}

const MAX_LINKS = 3000;

function listingKey(l: Listing): string {
  const id = l.ids.find((x) => x.platform !== 'google-play-developer' && x.platform !== 'apple-developer') ?? l.ids[0];
  return id ? `${id.platform}:${id.value}` : `name:${l.name ?? ''}|${l.developer ?? ''}`;
}

/** Store links anywhere in a subtree (a "Get it on Google Play" button, a card link). */
export function linkListings(root: ParentNode, base: URL): Listing[] {
  const out: Listing[] = [];
  const anchors = root.querySelectorAll('a[href]');
  for (let i = 0; i < anchors.length && i < MAX_LINKS; i++) {
    const a = anchors[i]!;
    const ids = idsFromHref(a.getAttribute('href') ?? '', base, 'link').filter(
      (x: ListingId) => x.platform !== 'google-play-developer' && x.platform !== 'apple-developer',
    );
    if (ids.length) out.push({ ids, element: a, role: 'link', name: a.getAttribute('aria-label') ?? undefined });
  }
  return out;
}

export class PageScanner {
  private findings = new Map<string, { finding: Finding; payload: FindingPayload }>();
  private decorated = new WeakSet<Element>();
  private mainKey: string | undefined;
  private url: URL;

  constructor(
    private readonly doc: Document,
    private readonly index: CompiledIndex,
    private readonly adapter: SiteAdapter,
    private readonly hooks: ScannerHooks,
  ) {
    this.url = new URL(doc.location?.href ?? 'about:blank');
  }

  /** First scan of a page (or of a new in-page URL). */
  fullScan(url: URL): void {
    this.reset();
    this.url = url;
    if (!this.adapter.classify(url)) return;
    let listings: Listing[];
    try {
      listings = this.adapter.extract(this.doc, url);
    } catch {
      listings = []; // a hostile or changed page must never break: fall back to links
    }
    this.consume(listings.concat(linkListings(this.doc, url)));
  }

  /** Incremental scan of subtrees added after the first scan. */
  scanAdded(roots: Element[]): void {
    if (!this.adapter.classify(this.url)) return;
    const listings: Listing[] = [];
    for (const root of roots) {
      if (!root.isConnected || isOwnUi(root)) continue;
      try {
        if (this.adapter.extractFrom) listings.push(...this.adapter.extractFrom(root, this.url));
      } catch {
        // ignore: links below still work
      }
      listings.push(...linkListings(root, this.url));
      if (root.tagName === 'A') listings.push(...linkListings(root.parentElement ?? root, this.url).filter((l) => l.element === root));
    }
    this.consume(listings);
  }

  /** Re-read the whole page without clearing what is already shown (dedupe by key). */
  rescan(): void {
    if (!this.adapter.classify(this.url)) return;
    let listings: Listing[] = [];
    try {
      listings = this.adapter.extract(this.doc, this.url);
    } catch {
      // keep what we have
    }
    this.consume(listings.concat(linkListings(this.doc, this.url)));
  }

  reset(): void {
    this.findings.clear();
    this.decorated = new WeakSet();
    this.mainKey = undefined;
    removeAllUi(this.doc);
  }

  payloads(): FindingPayload[] {
    return [...this.findings.values()].map((f) => f.payload);
  }

  private consume(listings: Listing[]): void {
    let changed = false;
    for (const listing of listings) {
      const key = listingKey(listing);
      const existing = this.findings.get(key);
      // A link to the app the page is about, or a second link to a card's app: already counted.
      if (existing && (existing.payload.role === 'main' || existing.payload.role === 'vendor' || listing.role === 'link')) continue;
      if (listing.element && this.decorated.has(listing.element)) continue;
      if (listing.role === 'link' && listing.element?.closest('[data-covered-apps-card]')) continue;
      const finding = matchListing(listing, this.index);
      if (!finding) continue;
      const payload: FindingPayload = {
        entityId: this.index.entities[finding.entity]!.id,
        tier: finding.tier,
        evidence: finding.evidence,
        role: listing.role,
        name: listing.name,
        developer: listing.developer,
        key,
      };
      this.findings.set(key, { finding, payload });
      changed = true;
      if (!isFlag(finding)) continue;
      if (listing.role === 'main' || listing.role === 'vendor') {
        this.mainKey = key;
      } else if (listing.element) {
        this.decorate(listing.element, finding);
      }
    }
    if (changed) {
      this.renderBanner();
      this.hooks.onFindings(this.payloads());
    }
  }

  private decorate(element: Element, finding: Finding): void {
    this.decorated.add(element);
    element.setAttribute('data-covered-apps-card', '');
    const s = summarizeFinding(finding, this.index);
    const anyInForce = s.lines.some((l) => l.inForce);
    const text = finding.tier === 3 ? 'Possible match' : finding.tier === 2 && s.lines[0]?.text.includes('developer of') ? 'Developer named' : `Named in ${s.lines.length} measure${s.lines.length === 1 ? '' : 's'}`;
    addBadge(this.doc, element, {
      text: `Covered Apps: ${text}`,
      title: s.lines.map((l) => l.text).join('\n'),
      inForce: anyInForce,
      possible: finding.tier === 3,
    });
  }

  private renderBanner(): void {
    const main = this.mainKey ? this.findings.get(this.mainKey) : undefined;
    let model: BannerModel | undefined;
    if (main && !this.hooks.isDismissed(main.payload.key)) {
      const s = summarizeFinding(main.finding, this.index);
      model = {
        key: main.payload.key,
        heading: s.subject,
        possible: s.possible,
        lines: s.lines.map((l) => ({ text: l.text, inForce: l.inForce })),
        evidence: `Matched by ${main.finding.evidence.join('; ')}`,
        asOf: this.index.asOf,
      };
    } else if (!main) {
      const flagged = [...this.findings.values()].filter((f) => isFlag(f.finding)).map((f) => f.finding);
      const key = `list:${this.url.origin}${this.url.pathname}${this.url.search}`;
      if (flagged.length > 0 && !this.hooks.isDismissed(key)) {
        const lines = flagged.slice(0, 4).map((f) => {
          const s = summarizeFinding(f, this.index);
          return { text: s.lines[0]?.text ?? s.subject, inForce: s.lines.some((l) => l.inForce) };
        });
        if (flagged.length > 4) lines.push({ text: `…and ${flagged.length - 4} more (see Details)`, inForce: false });
        model = { key, heading: listSummary(flagged, this.index), possible: false, lines, asOf: this.index.asOf };
      }
    }
    if (!model) {
      removeBanner(this.doc);
      return;
    }
    showBanner(this.doc, model, { onDetails: () => this.hooks.onDetails(), onDismiss: (k) => this.hooks.onDismiss(k) });
  }
}
