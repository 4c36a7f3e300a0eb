// Parts of a page that never identify the page's own app: text written by an
// app's authors or uploaders (a description can name or link any other app)
// and elements no reader sees (a link hidden to plant another app's id).
// Read from tags, attributes and inline styles only: no layout reads, so the
// content script can ask this of every candidate link.

/** Prose and description blocks (also "descripción", "descrizione"): text an app's authors write. */
export const AUTHORED = 'p,blockquote,[itemprop=description],[class*=descri i],[id*=descri i]';

// Inline styles (whitespace removed) that hide an element or give it no size.
const HIDING_STYLE = /(^|;)(display:none|visibility:hidden|(width|height|opacity):0(px)?(!important)?(;|$))/i;

/**
 * Does the page hide `el` from readers: `hidden` or aria-hidden="true" on it or
 * an ancestor, or an inline style (display:none, visibility:hidden, zero
 * width, height or opacity)? Styles from style sheets are not seen (that would
 * need layout).
 */
export function isHidden(el: Element): boolean {
  if (el.closest('[hidden],[aria-hidden=true i]')) return true;
  for (let e = el.closest('[style]'); e; e = e.parentElement?.closest('[style]') ?? null) {
    if (HIDING_STYLE.test(e.getAttribute('style')!.replace(/\s/g, ''))) return true;
  }
  return false;
}
