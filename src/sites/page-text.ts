// Text read from page elements, shared by the site adapters: names, developers
// and labelled values ("Package: com.x.y") as a reader sees them. textContent
// only (no innerText, no layout reads), every walk bounded, nothing throws.

import { isPlayPackage } from './store-links';

const NON_TEXT_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG']);

/** Elements whose textContent no reader sees (<style> inside Apple lockups, inline <svg>). */
function isNonText(el: Element): boolean {
  return NON_TEXT_TAGS.has(el.tagName.toUpperCase());
}

/**
 * Whitespace collapsed and trimmed; undefined when nothing is left. `drop`
 * (a global pattern) removes invisible characters first, such as the
 * direction marks some stores wrap names in.
 */
export function tidyText(text: string | null | undefined, drop?: RegExp): string | undefined {
  const t = (drop ? text?.replace(drop, '') : text)?.replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
}

/** Longest text elementText() reads: a name or a developer, not a description. */
const MAX_ELEMENT_TEXT = 300;

export interface ElementTextOptions {
  /** Descendants whose text is not part of the label (Apple's "12+" age badges inside the <h1>). */
  skip?: (el: Element) => boolean;
  /** Invisible characters to drop, as in tidyText(). */
  drop?: RegExp;
}

/**
 * The text of one short element (a title, a developer link) as a reader sees
 * it: textContent minus <style>/<script>/<svg>, tidied, bounded to 300 chars.
 */
export function elementText(el: Element | null | undefined, options: ElementTextOptions = {}): string | undefined {
  if (!el) return undefined;
  let out = '';
  const walk = (node: Node, depth: number): void => {
    if (out.length > MAX_ELEMENT_TEXT || depth > 12) return;
    if (node.nodeType === 3) {
      out += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const e = node as Element;
    if (isNonText(e) || options.skip?.(e)) return;
    for (const child of Array.from(e.childNodes)) walk(child, depth + 1);
  };
  walk(el, 0);
  return tidyText(out.slice(0, MAX_ELEMENT_TEXT), options.drop);
}

/** The page's title as it introduces itself to link previews (og:title), else <title>. Tidied. */
export function documentTitle(doc: Document, drop?: RegExp): string | undefined {
  return tidyText(doc.querySelector('meta[property="og:title"]')?.getAttribute('content'), drop) ?? tidyText(doc.title, drop);
}

/** textContent with whitespace collapsed; undefined when empty. Bounded to `max` chars. */
export function cleanText(el: Element | null | undefined, max = 200): string | undefined {
  const raw = el?.textContent;
  if (!raw) return undefined;
  const text = raw.slice(0, max * 4).replace(/\s+/g, ' ').trim().slice(0, max);
  return text || undefined;
}

/**
 * Text a reader sees (script/style skipped), with a space between elements so
 * "<th>Package</th><td>com.x</td>" reads "Package com.x". Bounded by `maxChars`.
 * `skip` leaves out elements and their text (a description).
 */
export function visibleText(root: Node, maxChars = 200_000, skip?: (el: Element) => boolean): string {
  const parts: string[] = [];
  let size = 0;
  const stack: Node[] = [root];
  let steps = 0;
  while (stack.length > 0 && size < maxChars && steps++ < 100_000) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      const t = node.nodeValue ?? '';
      parts.push(t);
      size += t.length;
    } else if (node.nodeType === 1 || node.nodeType === 9 || node.nodeType === 11) {
      if (node.nodeType === 1 && (isNonText(node as Element) || skip?.(node as Element))) continue;
      parts.push(' ');
      const kids = node.childNodes;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
  }
  return parts.join('').replace(/\s+/g, ' ').slice(0, maxChars);
}

// "Package: com.x.y", "Package name com.x.y", "Package Name: com.x.y" as download sites print it.
const PACKAGE_IN_TEXT = /\bpackage(?:\s*name)?\s*[:：]?\s*([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)+)/gi;

/** The Android package a page prints next to a "Package" label, if exactly one is printed. */
export function packageInText(text: string): string | undefined {
  const found = new Set<string>();
  for (const m of text.matchAll(PACKAGE_IN_TEXT)) {
    if (isPlayPackage(m[1]!)) found.add(m[1]!);
    if (found.size > 1) return undefined; // several packages: a list, not one app's details
  }
  return [...found][0];
}

const LABEL_TAGS = 'dt, th, td, li, span, div, p, strong, b, h3, h4, label';

/**
 * The value printed next to a label ("Developer" → "Kingsoft Office Software").
 * Looks for a short element whose own text is the label, then reads its next
 * sibling (or the rest of its parent). Bounded to `cap` elements.
 */
export function labelledValue(root: ParentNode, label: RegExp, cap = 3_000): string | undefined {
  const els = root.querySelectorAll(LABEL_TAGS);
  for (let i = 0; i < els.length && i < cap; i++) {
    const el = els[i]!;
    const own = el.textContent ?? '';
    if (own.length > 40) continue;
    const t = own.replace(/\s+/g, ' ').trim().replace(/[:：]$/, '').trim();
    if (!label.test(t)) continue;
    const next = cleanText(el.nextElementSibling, 120);
    if (next) return next;
    const parent = cleanText(el.parentElement, 160);
    const rest = parent?.slice(parent.indexOf(t) + t.length).replace(/^\s*[:：]?\s*/, '').trim();
    if (rest) return rest;
  }
  return undefined;
}

/** "CamScanner - PDF Scanner App 6.50.0.2311" → "CamScanner - PDF Scanner App" (cards print versions). */
export function stripVersion(name: string): string {
  return name.replace(/\s+v?\d+(?:\.\d+)+(?:[\w.-]*)?(?:\s*\([^)]*\))?(?:\s+(?:beta|alpha))?\s*$/i, '').trim() || name;
}

/** First element matching any of the selectors (in order of preference). */
export function firstOf(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const s of selectors) {
    const el = root.querySelector(s);
    if (el) return el;
  }
  return null;
}
