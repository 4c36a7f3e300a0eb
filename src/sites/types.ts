// The contract every site adapter in src/sites/ fulfils. Adapters are pure:
// they read a Document (real browser or linkedom in Node) and never touch
// browser.* APIs, storage or the network.

import type { Platform } from '../data/schema';
import type { ListingSteps } from './steps';

export type PageKind = 'detail' | 'list' | 'developer' | 'download' | 'vendor' | 'other';

/** Why we think this listing carries an identifier: shown to the user as evidence. */
/** 'inventory': written in a file the user checks (src/inventory). */
export type IdSource = 'url' | 'link' | 'json-ld' | 'page-text' | 'meta' | 'inventory';

export interface ListingId {
  platform: Platform;
  value: string;
  from: IdSource;
}

export interface Listing {
  /** Display name as the page shows it (may be absent when only an id is known). */
  name?: string;
  developer?: string;
  /** Store-specific developer ids (e.g. Play dev?id=, Apple artist id). */
  ids: ListingId[];
  /** The element a badge/banner refers to (card or main header). Absent in Node-only uses. */
  element?: Element;
  /** Is this the page's main listing (detail page) or one card of a list? */
  role: 'main' | 'card' | 'link' | 'vendor';
}

export interface SiteAdapter {
  /** Stable id, e.g. "google-play". */
  id: string;
  /** Human name: "Google Play". */
  name: string;
  /** Host names this adapter handles (exact hosts; used to build the manifest matches too). */
  hosts: string[];
  /**
   * Optional: the content-script match patterns, when the adapter reads only some
   * pages of its hosts (least privilege). Without it: every https page of its hosts.
   * Every example URL with a kind must be matched (tests/unit/store-package.test.ts).
   */
  matches?: string[];
  /** Classify a URL this adapter handles; null when the URL is not one of its pages. */
  classify(url: URL): PageKind | null;
  /** Example URLs the tests walk: each with the kind classify() must return (null: not handled). */
  examples: { url: string; kind: PageKind | null }[];
  /** Extract listings from a document at `url`. Must not throw on odd pages. */
  extract(doc: Document, url: URL): Listing[];
  /**
   * Optional: listings inside a subtree added after the first scan (infinite
   * scroll, lazy rows). Without it, the content script falls back to store links.
   */
  extractFrom?(root: Element, url: URL): Listing[];
  /**
   * Optional: extract() as a resumable walk (the same listings, the main one
   * first), so the content script can spread a huge page over short tasks.
   * Without it, extract() runs in one step.
   */
  extractSteps?(doc: Document, url: URL): ListingSteps;
}
