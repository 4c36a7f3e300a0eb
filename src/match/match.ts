// Decides whether a listing is a covered app. Identifiers first, developers
// second, names last; look-alike exclusions always beat name evidence.
// Pure and O(1) per listing: hash look-ups in the compiled index.

import type { Listing, ListingId } from '../sites/types';
import type { CompiledIndex } from './compile';
import { identifierKey, normalizeDeveloper, normalizeName } from './normalize';

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
};

export function describeId(id: ListingId): string {
  return `${PLATFORM_LABEL[id.platform] ?? id.platform} ${id.value} ${FROM_LABEL[id.from]}`;
}

// Store titles append taglines: "CamScanner - PDF Scanner App", "WPS Office: PDF, Word".
const TAGLINE_SPLIT = /\s[-–—|:]\s|[:：|(（]/;

/** The name and its head before a tagline, both normalized (deduplicated). */
export function nameCandidates(name: string): string[] {
  const full = normalizeName(name);
  const head = normalizeName(name.split(TAGLINE_SPLIT)[0] ?? '');
  return head && head !== full ? [full, head] : [full];
}

/**
 * Index keys for a listing id. Galaxy Store and other Android stores use the
 * Android package name, the same identifier as Google Play.
 */
function keysOf(id: ListingId): string[] {
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

/** Every run of up to 6 consecutive tokens: names are short, so this stays tiny. */
function tokenRuns(normalized: string): string[] {
  const words = normalized.split(' ').filter(Boolean);
  const runs: string[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j <= Math.min(words.length, i + 6); j++) runs.push(words.slice(i, j).join(' '));
  }
  return runs;
}

export function lookalikeFor(listing: Pick<Listing, 'name' | 'ids'>, index: CompiledIndex): string | undefined {
  for (const id of listing.ids) {
    for (const k of keysOf(id)) {
      const hit = index.lookalikeIds[k];
      if (hit) return hit;
    }
  }
  if (listing.name) {
    // hash look-ups of the name's token runs: cost independent of how many look-alikes exist
    for (const run of tokenRuns(normalizeName(listing.name).slice(0, 200))) {
      const hit = index.lookalikeNames[run];
      if (hit) return hit;
    }
  }
  return undefined;
}

function nameMatches(listing: Listing, index: CompiledIndex): number[] {
  if (!listing.name) return [];
  for (const cand of nameCandidates(listing.name)) {
    const hit = index.names[cand];
    if (hit) return hit;
  }
  return [];
}

export function matchListing(listing: Listing, index: CompiledIndex): Finding | null {
  const base = { role: listing.role, name: listing.name, developer: listing.developer };
  const lookalike = lookalikeFor(listing, index);

  // Tier 1: a verified identifier of a covered entity (companies' developer ids are tier 2).
  let devFromId: { entity: number; evidence: string } | undefined;
  if (!lookalike || !listing.ids.some((id) => keysOf(id).some((k) => index.lookalikeIds[k]))) {
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

  // Tier 2: the developer is a covered company (by store developer id or by name).
  let company = devFromId?.entity;
  let devEvidence = devFromId?.evidence;
  if (company === undefined && listing.developer) {
    const c = index.developers[normalizeDeveloper(listing.developer)];
    if (c !== undefined) {
      company = c;
      devEvidence = `developer name "${listing.developer}" on the page`;
    }
  }
  const named = lookalike ? [] : nameMatches(listing, index);
  if (company !== undefined) {
    // The name is also one of this developer's covered apps: the app itself, found by developer + name.
    const apps = index.companyApps[company] ?? [];
    const app = named.find((n) => apps.includes(n));
    if (app !== undefined) {
      return { entity: app, tier: 2, evidence: [devEvidence!, `app name "${listing.name}" on the page`], ...base };
    }
    return { entity: company, tier: 2, evidence: [devEvidence!], ...base };
  }

  // Unverified evidence (an unverified store id or developer spelling) only
  // supports a name match: together they make a tier 2, alone nothing is flagged.
  if (named.length > 0) {
    const weakDev = listing.developer ? index.weakDevelopers[normalizeDeveloper(listing.developer)] : undefined;
    if (weakDev !== undefined) {
      const app = named.find((n) => (index.companyApps[weakDev] ?? []).includes(n));
      if (app !== undefined) {
        return {
          entity: app,
          tier: 2,
          evidence: [`app name "${listing.name}" and developer name "${listing.developer}" on the page (developer spelling not independently verified)`],
          ...base,
        };
      }
    }
    for (const id of listing.ids) {
      const e = lookup(index.weakIds, id);
      if (e !== undefined && named.includes(e)) {
        return { entity: e, tier: 2, evidence: [`app name "${listing.name}" on the page`, `${describeId(id)} (identifier not independently verified)`], ...base };
      }
    }
  }

  // Tier 3/4: name only.
  if (named.length > 0) {
    const e = named[0]!;
    const evidence = [`app name "${listing.name}" on the page`];
    if (listing.developer && listing.developer.trim()) {
      return { entity: e, tier: 4, evidence: [...evidence, `but the developer shown is "${listing.developer}"`], ...base };
    }
    return { entity: e, tier: 3, evidence, ...base };
  }
  // An unverified identifier alone: reported in the popup, never flagged.
  for (const id of listing.ids) {
    const e = lookup(index.weakIds, id);
    if (e !== undefined) return { entity: e, tier: 4, evidence: [`${describeId(id)} (identifier not independently verified)`], ...base };
  }
  return null;
}

/** Tiers that put a banner or a badge on the page; tier 4 is popup-only. */
export function isFlag(f: Finding): boolean {
  return f.tier <= 3;
}
