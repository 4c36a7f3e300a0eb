// Decides whether a listing is a covered app. Identifiers first, developers
// second, names last; look-alike exclusions always beat name evidence.
// Pure and O(1) per listing: a bounded number of hash look-ups in the compiled
// index (plus tables derived from it once per index), never a loop over aliases.

import type { Listing, ListingId } from '../sites/types';
import type { MatchIndex } from './compile';
import { foldText, identifierKey, normalizeDeveloper, normalizeName, tokensOf } from './normalize';

/**
 * 1 identifier (package / app id / product id / official domain) — banner
 * 2 developer (an app by a covered developer) — banner, "by the developer of …"
 * 3 name only, developer unknown — banner marked "possible match"
 * 4 weak: name matches but the developer differs, or a mere mention — popup only
 */
export type Tier = 1 | 2 | 3 | 4;

export interface Finding {
  /** index into index.entities */
  entity: number;
  tier: Tier;
  /** Human-readable reasons, e.g. "Google Play package id com.intsig.camscanner in the URL". */
  evidence: string[];
  role: Listing['role'];
  name?: string;
  developer?: string;
}

const PLATFORM_LABEL: Record<string, string> = {
  'google-play': 'Google Play package id',
  apple: 'App Store id',
  'apple-mac': 'Mac App Store id',
  'apple-bundle': 'bundle id',
  'apple-developer': 'App Store developer id',
  'google-play-developer': 'Google Play developer id',
  'microsoft-store': 'Microsoft Store product id',
  winget: 'winget id',
  'galaxy-store': 'Galaxy Store app id',
  appgallery: 'AppGallery app id',
  amazon: 'Amazon Appstore ASIN',
  domain: 'official site',
  flathub: 'Flathub id',
};

const FROM_LABEL: Record<ListingId['from'], string> = {
  url: 'in the URL',
  link: 'in a link on the page',
  'json-ld': "in the page's structured data",
  'page-text': 'shown on the page',
  meta: "in the page's metadata",
  inventory: 'in the inventory',
};

export function describeId(id: ListingId): string {
  return `${PLATFORM_LABEL[id.platform] ?? id.platform} ${id.value} ${FROM_LABEL[id.from]}`;
}

// ---------------------------------------------------------------------------
// Names

/** Longest listing name we look at (store titles are short; page junk is not a name). */
const MAX_NAME = 200;

// Store titles append taglines: "CamScanner - PDF Scanner App", "WPS Office: PDF, Word",
// "支付宝 | 生活好帮手", "SHAREit (Lite)". A spaced dash, a colon, a bar, an opening
// bracket or a comma ends the app's own name.
const TAGLINE_SPLIT = /\s[-–—‐‑~]\s|[:：|｜(（[【「《,，、/]|\s[-–—]+$/;
// "CamScanner- scanner, PDF maker", "WPS Office-智能AI办公助手": a dash glued to the
// name. Weaker: only aliases that are not short acronyms may end at one.
const GLUED_DASH_SPLIT = /[-–—‐‑]/;

// Edition words after an app's name that keep it the same product: "CamScanner HD",
// "SHAREit Lite", "QQ轻聊版", "微信 For Windows". Exact-name keys are tried first, so
// "TikTok Lite" (its own entity) and "QQ International" still resolve to themselves.
const EDITION_WORDS = new Set([
  'lite', 'hd', 'pro', 'plus', 'international', 'intl', 'global', 'tv', 'beta', 'mini', 'free', 'premium',
  '轻聊版', '极速版', '国际版', '精简版', '轻量版', '海外版', '完整版', '高清版', '輕聊版', '極速版', '國際版',
]);
const PLATFORM_WORDS = new Set(['android', 'ios', 'iphone', 'ipad', 'pc', 'windows', 'mac', 'macos', 'desktop', 'tablet']);

/** A short Latin acronym alias ("QQ", "WPS", "TIM", "RED"): whole-name matches only. */
function isShortAlias(key: string): boolean {
  return key.length <= 3 && /^[a-z0-9]+$/.test(key);
}

/**
 * Acronyms are written as acronyms: "QQ", "TIM", "QQi" name the apps, while an
 * ordinary word ("Tim", "Red", "qq" as a crying face) does not. True when the
 * name writes the short alias `key` with more than an initial capital.
 */
function writtenAsAcronym(name: string, key: string): boolean {
  for (const token of name.slice(0, MAX_NAME).normalize('NFKC').split(/[^\p{L}\p{M}\p{N}]+/u)) {
    if (foldText(token) === key) return !/^\p{Lu}?[\p{Ll}\p{M}]+$/u.test(token);
  }
  return true;
}

interface NameCandidate {
  key: string;
  /** full: the whole name; head: before a tagline; glued: before a glued dash; edition: minus edition words. */
  via: 'full' | 'head' | 'glued';
  edition: boolean;
}

/** Drop trailing edition words ("hd", "lite", "for android"); null when there are none. */
function stripEdition(key: string): string | null {
  const words = tokensOf(key);
  let n = words.length;
  for (let rounds = 0; rounds < 2 && n > 1; rounds++) {
    const last = words[n - 1]!;
    if (EDITION_WORDS.has(last)) n -= 1;
    else if (n > 2 && words[n - 2] === 'for' && PLATFORM_WORDS.has(last)) n -= 2;
    else break;
  }
  return n < words.length && n > 0 ? words.slice(0, n).join(' ') : null;
}

function candidatesOf(name: string): NameCandidate[] {
  const raw = name.slice(0, MAX_NAME);
  const out: NameCandidate[] = [];
  const seen = new Set<string>();
  const add = (key: string, via: NameCandidate['via']) => {
    if (!key) return;
    for (const [k, edition] of [[key, false], [stripEdition(key), true]] as const) {
      if (k && !seen.has(k)) {
        seen.add(k);
        out.push({ key: k, via, edition });
      }
    }
  };
  add(normalizeName(raw), 'full');
  const head = raw.split(TAGLINE_SPLIT)[0] ?? '';
  add(normalizeName(head), 'head');
  const glued = head.split(GLUED_DASH_SPLIT)[0] ?? '';
  if (glued !== head) add(normalizeName(glued), 'glued');
  return out;
}

/** The name and its head before a tagline, both normalized (deduplicated). */
export function nameCandidates(name: string): string[] {
  return candidatesOf(name).map((c) => c.key);
}

// ---------------------------------------------------------------------------
// Tables derived once per compiled index (no change to the shipped format)

interface Derived {
  /** Look-alike names split into the product names they list: normalized → display name. */
  lookalikeNames: Map<string, string>;
  maxLookalikeTokens: number;
  /** app entity index → its developer's company entity index. */
  appCompany: Map<number, number>;
}

const derivedCache = new WeakMap<MatchIndex, Derived>();

// Splits look-alike descriptions such as 'WeChat Keyboard (微信输入法)' or
// 'Wi-Fi Protected Setup (WPS) tools, e.g. "WIFI WPS WPA TESTER"' into names.
const LOOKALIKE_PIECE_SPLIT = /[()（）[\]",，、/;“”「」]|\be\.g\.|\bi\.e\./;

function derive(index: MatchIndex): Derived {
  const cached = derivedCache.get(index);
  if (cached) return cached;
  const lookalikeNames = new Map<string, string>();
  let maxLookalikeTokens = 1;
  const addPiece = (piece: string, display: string) => {
    const key = normalizeName(piece);
    // A covered app's own name is never a look-alike of another covered app
    // (QQ Music is a look-alike of Tencent QQ and a covered entity itself).
    if (!key || index.names[key] || lookalikeNames.has(key)) return;
    lookalikeNames.set(key, display);
    maxLookalikeTokens = Math.max(maxLookalikeTokens, tokensOf(key).length);
  };
  for (const [key, display] of Object.entries(index.lookalikeNames)) {
    addPiece(key, display);
    // Product names are capitalised; lower-case pieces are description ("tools", "inside other words").
    for (const piece of display.split(LOOKALIKE_PIECE_SPLIT)) if (!/^\s*\p{Ll}/u.test(piece)) addPiece(piece, display);
  }
  const appCompany = new Map<number, number>();
  for (const [c, apps] of Object.entries(index.companyApps)) for (const a of apps) appCompany.set(a, Number(c));
  const d: Derived = { lookalikeNames, maxLookalikeTokens: Math.min(maxLookalikeTokens, 8), appCompany };
  derivedCache.set(index, d);
  return d;
}

// ---------------------------------------------------------------------------
// Identifiers

/**
 * Index keys for a listing id. Galaxy Store and other Android stores use the
 * Android package name, the same identifier as Google Play.
 */
export function keysOf(id: ListingId): string[] {
  const key = identifierKey(id.platform, id.value);
  return id.platform === 'galaxy-store' ? [key, identifierKey('google-play', id.value)] : [key];
}

function lookup(table: Record<string, number>, id: ListingId): number | undefined {
  for (const k of keysOf(id)) {
    const hit = table[k];
    if (hit !== undefined) return hit;
  }
  return undefined;
}

function lookalikeIdFor(ids: ListingId[], index: MatchIndex): string | undefined {
  for (const id of ids) {
    for (const k of keysOf(id)) {
      const hit = index.lookalikeIds[k];
      if (hit) return hit;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Name matching

interface NameHit {
  entities: number[];
  /** the covered name key that matched */
  key: string;
}

/** A look-alike name the listing's name begins with, longer than `minTokens` tokens. */
function lookalikeNamePrefix(name: string, index: MatchIndex, minTokens: number): string | undefined {
  const d = derive(index);
  const words = tokensOf(normalizeName(name.slice(0, MAX_NAME)));
  for (let n = Math.min(words.length, d.maxLookalikeTokens); n > minTokens; n--) {
    const hit = d.lookalikeNames.get(words.slice(0, n).join(' '));
    if (hit) return hit;
  }
  return undefined;
}

/** The covered app a listing name names, if any (whole name, head before a tagline, or name + edition word). */
function nameMatch(name: string | undefined, index: MatchIndex): NameHit | undefined {
  if (!name || !name.trim()) return undefined;
  for (const c of candidatesOf(name)) {
    const entities = index.names[c.key];
    if (!entities || entities.length === 0) continue;
    // Short acronyms ("QQ", "WPS") only as the whole name, optionally with an edition
    // word ("QQ HD", "QQ轻聊版"): never before a tagline ("WPS - WiFi Tester").
    if (isShortAlias(c.key) && (c.via !== 'full' || !writtenAsAcronym(name, c.key))) continue;
    // A longer look-alike name at the start wins ("微信输入法 …" is WeChat Keyboard, not 微信).
    if (lookalikeNamePrefix(name, index, tokensOf(c.key).length)) return undefined;
    return { entities, key: c.key };
  }
  return undefined;
}

/** Names that begin with a covered name ("VMate Status 2020-…"): support only, never a claim alone. */
function namePrefixEntities(name: string | undefined, index: MatchIndex): number[] {
  if (!name) return [];
  const words = tokensOf(normalizeName(name.slice(0, MAX_NAME)));
  const out: number[] = [];
  for (let n = Math.min(words.length, 6); n >= 1; n--) {
    const key = words.slice(0, n).join(' ');
    if (isShortAlias(key)) continue;
    for (const e of index.names[key] ?? []) if (!out.includes(e)) out.push(e);
  }
  return out;
}

/** Is company `a` part of the same corporate family as company `b` (compile.ts: companyFamilies)? */
function sameFamily(a: number, b: number, index: MatchIndex): boolean {
  return a === b || !!index.companyFamily[a]?.includes(b);
}

/** Of the apps a name matched, the one the developer `company` (or its family) makes. */
function appOfCompany(named: number[], company: number, index: MatchIndex): number | undefined {
  const own = index.companyApps[company] ?? [];
  const direct = named.find((n) => own.includes(n));
  if (direct !== undefined) return direct;
  const d = derive(index);
  return named.find((n) => {
    const c = d.appCompany.get(n);
    return c !== undefined && sameFamily(company, c, index);
  });
}

export function lookalikeFor(listing: Pick<Listing, 'name' | 'ids'>, index: MatchIndex): string | undefined {
  return lookalikeIdFor(listing.ids, index) ?? (listing.name ? lookalikeNamePrefix(listing.name, index, 0) : undefined);
}

// ---------------------------------------------------------------------------

const UNVERIFIED_ID = ' (identifier not independently verified)';
const UNVERIFIED_DEVELOPER = ' (developer spelling not independently verified)';

/** `where`: where the listing's name and developer were read ("on the page"; "in the inventory" for src/inventory). */
export function matchListing(listing: Listing, index: MatchIndex, where = 'on the page'): Finding | null {
  const base = { role: listing.role, name: listing.name, developer: listing.developer };
  const developer = listing.developer?.trim() ? listing.developer : undefined;
  // A look-alike's identifier: this listing is known not to be the covered app.
  const lookalikeId = lookalikeIdFor(listing.ids, index);

  // Tier 1: a verified identifier of a covered app or feature (companies' ids are tier 2).
  let devFromId: { entity: number; evidence: string } | undefined;
  if (!lookalikeId) {
    for (const id of listing.ids) {
      const e = lookup(index.ids, id);
      if (e === undefined) continue;
      if (index.entities[e]!.kind === 'company') {
        devFromId ??= { entity: e, evidence: describeId(id) };
        continue;
      }
      const evidence = [describeId(id)];
      for (const other of listing.ids) {
        if (other !== id && lookup(index.ids, other) === e) evidence.push(describeId(other));
      }
      return { entity: e, tier: 1, evidence, ...base };
    }
  }

  const hit = lookalikeId ? undefined : nameMatch(listing.name, index);
  const named = hit?.entities ?? [];
  const nameEvidence = `app name "${listing.name}" ${where}`;
  const developerEvidence = `developer name "${developer}" ${where}`;

  // Tier 2: the developer is a covered company (by store developer id or by name).
  let company = devFromId?.entity;
  let devEvidence = devFromId?.evidence;
  if (company === undefined && developer) {
    const c = index.developers[normalizeDeveloper(developer)];
    if (c !== undefined) {
      company = c;
      devEvidence = developerEvidence;
    }
  }
  if (company !== undefined) {
    // The name is also one of this developer's covered apps: the app itself, found by developer + name.
    const app = appOfCompany(named, company, index);
    if (app !== undefined) return { entity: app, tier: 2, evidence: [devEvidence!, nameEvidence], ...base };
    return { entity: company, tier: 2, evidence: [devEvidence!], ...base };
  }

  // Unverified evidence (an unverified store id or developer spelling) only
  // supports a name match: together they make a tier 2, alone nothing is flagged.
  const weakDev = developer ? index.weakDevelopers[normalizeDeveloper(developer)] : undefined;
  if (named.length > 0 && weakDev !== undefined) {
    const app = appOfCompany(named, weakDev, index);
    if (app !== undefined) {
      return {
        entity: app,
        tier: 2,
        evidence: [`${nameEvidence} and ${developerEvidence}${UNVERIFIED_DEVELOPER}`],
        ...base,
      };
    }
  }
  if (!lookalikeId) {
    // An unverified id of the app the name names, or begins with ("VMate Status 2020-…").
    const supported = named.length > 0 ? named : namePrefixEntities(listing.name, index);
    for (const id of listing.ids) {
      const e = lookup(index.weakIds, id);
      if (e !== undefined && supported.includes(e)) {
        return { entity: e, tier: 2, evidence: [nameEvidence, describeId(id) + UNVERIFIED_ID], ...base };
      }
    }
  }

  // Tier 3/4: name only.
  if (named.length > 0) {
    const e = named[0]!;
    if (developer) return { entity: e, tier: 4, evidence: [nameEvidence, `but the developer shown is "${developer}"`], ...base };
    return { entity: e, tier: 3, evidence: [nameEvidence], ...base };
  }
  // Unverified evidence alone: reported in the popup, never flagged.
  if (!lookalikeId) {
    for (const id of listing.ids) {
      const e = lookup(index.weakIds, id);
      if (e !== undefined) return { entity: e, tier: 4, evidence: [describeId(id) + UNVERIFIED_ID], ...base };
    }
  }
  if (weakDev !== undefined) {
    return { entity: weakDev, tier: 4, evidence: [developerEvidence + UNVERIFIED_DEVELOPER], ...base };
  }
  return null;
}

export { isFlag } from './flag';
