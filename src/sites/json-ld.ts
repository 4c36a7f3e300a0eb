// JSON-LD SoftwareApplication records (Play, Apple, many download sites publish them).
// Pages are hostile input: parse defensively, never throw.

export interface SoftwareApplicationLd {
  name?: string;
  developer?: string;
  url?: string;
}

const APP_TYPES = new Set(['SoftwareApplication', 'MobileApplication', 'WebApplication', 'VideoGame']);

function asString(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

function personName(v: unknown): string | undefined {
  if (Array.isArray(v)) return personName(v[0]);
  if (v && typeof v === 'object') return asString((v as Record<string, unknown>).name);
  return asString(v);
}

function isAppType(t: unknown): boolean {
  if (Array.isArray(t)) return t.some(isAppType);
  return typeof t === 'string' && APP_TYPES.has(t);
}

function collect(node: unknown, out: SoftwareApplicationLd[], depth: number): void {
  if (depth > 6 || !node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) collect(n, out, depth + 1);
    return;
  }
  const o = node as Record<string, unknown>;
  if (isAppType(o['@type'])) {
    out.push({
      name: asString(o.name),
      developer: personName(o.author) ?? personName(o.publisher) ?? personName(o.creator),
      url: asString(o.url),
    });
  }
  if (o['@graph']) collect(o['@graph'], out, depth + 1);
  if (o.mainEntity) collect(o.mainEntity, out, depth + 1);
  if (o.itemListElement) collect(o.itemListElement, out, depth + 1);
  if (o.item) collect(o.item, out, depth + 1);
}

// Bounds for hostile pages (parsing runs in one go, in the content script's first slice):
// real JSON-LD blocks are a few KB (the largest in our fixtures 4.4 KB); JSON.parse of
// 100 KB takes well under a millisecond, of 2 MB tens of milliseconds.
const MAX_SCRIPT = 100_000;
const MAX_TOTAL = 400_000;

export function readSoftwareApplications(doc: Document): SoftwareApplicationLd[] {
  const out: SoftwareApplicationLd[] = [];
  let total = 0;
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    const text = script.textContent;
    if (!text || text.length > MAX_SCRIPT) continue;
    if ((total += text.length) > MAX_TOTAL) break;
    try {
      collect(JSON.parse(text), out, 0);
    } catch {
      // malformed JSON-LD on a page is common; ignore it
    }
  }
  return out;
}
