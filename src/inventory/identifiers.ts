// Identifiers written in an inventory: store URLs, package URLs (purl), and bare
// ids whose shape says which store they belong to. Store URLs are read by the
// same code that reads links on pages (src/sites/store-links.ts).

import { PackageURL } from 'packageurl-js';
import type { Platform } from '../data/schema';
import { idsFromUrl } from '../sites/store-links';
import type { RowId } from './row';

const REVERSE_DNS = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_-]+)+$/;
const MS_PRODUCT = /^(?=.*\d)[0-9A-Za-z]{12}$/;
const ASIN = /^B0[0-9A-Z]{8}$/;
const APP_STORE_ID = /^(?:id)?(\d{6,12})$/;
const APPGALLERY_ID = /^C\d{5,}$/;

function fromUrl(value: string): RowId[] | undefined {
  if (!/^(https?|market|ms-windows-store):/i.test(value)) return undefined;
  try {
    return idsFromUrl(new URL(value), 'url').map(({ platform, value: v }) => ({ platform, value: v }));
  } catch {
    return [];
  }
}

/**
 * Ids a bare value can be: a store URL, a purl, an Android package / Apple bundle
 * id (reverse DNS: both, the index tells them apart), an App Store id, a Microsoft
 * Store product id, an Amazon ASIN, an AppGallery id. [] when it is none of those.
 */
export function idsFromValue(raw: string): RowId[] {
  const value = raw.trim();
  if (!value) return [];
  const url = fromUrl(value);
  if (url) return url;
  if (value.startsWith('pkg:')) return idsFromPurl(value) ?? [];
  if (ASIN.test(value)) return [{ platform: 'amazon', value }];
  if (APPGALLERY_ID.test(value)) return [{ platform: 'appgallery', value }];
  const apple = APP_STORE_ID.exec(value);
  if (apple) return [{ platform: 'apple', value: apple[1]! }];
  if (MS_PRODUCT.test(value)) return [{ platform: 'microsoft-store', value: value.toUpperCase() }];
  if (REVERSE_DNS.test(value)) {
    return [
      { platform: 'google-play', value },
      { platform: 'apple-bundle', value },
    ];
  }
  return [];
}

/** Ids of a column whose header says which kind of id it holds. */
export function idsOfKind(kind: Platform | 'any', raw: string): RowId[] {
  const value = raw.trim();
  if (!value) return [];
  if (kind === 'any') return idsFromValue(value);
  const url = fromUrl(value);
  if (url) return url;
  if (value.startsWith('pkg:')) return idsFromPurl(value) ?? [];
  return [{ platform: kind, value: kind === 'microsoft-store' ? value.toUpperCase() : value }];
}

// purl types (https://github.com/package-url/purl-spec) for app stores, and the platform each names.
const PURL_PLATFORM: Record<string, Platform | 'reverse-dns'> = {
  android: 'google-play',
  'google-play': 'google-play',
  apk: 'google-play',
  ios: 'reverse-dns',
  apple: 'reverse-dns',
  swift: 'reverse-dns',
  winget: 'winget',
  msstore: 'microsoft-store',
  'microsoft-store': 'microsoft-store',
};

/** Ids of a package URL; [] for a purl of a kind stores do not list (npm, maven…); undefined when it is not a valid purl. */
export function idsFromPurl(purl: string): RowId[] | undefined {
  let p: PackageURL;
  try {
    p = PackageURL.fromString(purl.trim());
  } catch {
    return undefined;
  }
  const kind = PURL_PLATFORM[p.type];
  if (!kind) return [];
  const name = p.namespace && kind === 'winget' ? `${p.namespace}.${p.name}` : p.name;
  if (kind === 'reverse-dns') return APP_STORE_ID.test(name) ? idsFromValue(name) : [{ platform: 'apple-bundle', value: name }];
  return idsOfKind(kind, name);
}
