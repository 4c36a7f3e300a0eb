// Where a card's badge goes: inside the card, over none of its images and not
// over its title. Drawn at the card's start (where an icon usually is), the
// badge is then moved by a translation to the first free spot.
//
// Geometry is read only where it forces no layout: in a ResizeObserver's report
// (at once, then whenever the card changes size: an icon loading late, a
// narrower window), which comes after the page's layout; every box is read
// before any badge is moved. Moving a badge (position:absolute, a translation)
// does not change its card's size. (An IntersectionObserver's first report,
// also free of forced layouts, gave boxes from before an icon loaded.)

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const GAP = 2;

const meets = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const within = (a: Box, o: Box) => a.x >= o.x && a.y >= o.y && a.x + a.width <= o.x + o.width && a.y + a.height <= o.y + o.height;

/**
 * The first spot (top left corner) for a badge `w` × `h` inside `card` that
 * covers none of `avoid` (its images) nor `title`: right after the title, under
 * it, the card's top, then bottom, corner at the end side. None free: under
 * the title, else the bottom corner. Right to left: the same, mirrored.
 */
export function freeSpot(card: Box, avoid: readonly Box[], title: Box | undefined, w: number, h: number, rtl = false): { x: number; y: number } {
  // Worked out left to right on mirrored boxes when the page runs right to left.
  const flip = (b: Box): Box => (rtl ? { ...b, x: 2 * card.x + card.width - b.x - b.width } : b);
  const t = title && flip(title);
  const end = card.x + card.width - GAP - w;
  const spots = [
    ...(t ? [{ x: t.x + t.width + GAP, y: t.y }, { x: t.x, y: t.y + t.height + GAP }] : []),
    { x: end, y: card.y + GAP },
    { x: end, y: card.y + card.height - GAP - h },
  ].map((s) => flip({ ...s, width: w, height: h }));
  const blocked = title ? [...avoid, title] : avoid;
  return spots.find((s) => within(s, card) && !blocked.some((b) => meets(s, b))) ?? spots[1]!;
}

/** Per card: its badge, its title, the translation last written. */
const placed = new WeakMap<Element, { host: HTMLElement; title?: Element; dx: number; dy: number }>();
/** The card of each element watched: the card, and its images (a card stretched by its row does not change size when its icon loads). */
const cardOf = new WeakMap<Element, Element>();
let resizes: ResizeObserver | undefined;
/**
 * Cards placed per report: 3,000 cards appended at once would otherwise be read and
 * moved in one task. The rest wait, unobserved, and are observed again a few at a
 * time from an animation frame: a new observation is reported in that frame, after
 * its layout (still no forced layout).
 */
const PER_REPORT = 150;
const later: Element[] = [];
let frameAsked = false;
function observeLater(view: Window): void {
  if (frameAsked || later.length === 0) return;
  frameAsked = true;
  view.requestAnimationFrame(() => {
    frameAsked = false;
    for (const c of later.splice(0, PER_REPORT)) if (placed.get(c)?.host.isConnected) resizes!.observe(c);
    observeLater(view);
  });
}

/** Places `host` (a badge drawn at the start of `card`), now and whenever the card or one of its images changes size. */
export function placeBadge(host: HTMLElement, card: Element, title?: Element): void {
  const view = card.ownerDocument.defaultView;
  if (!view?.ResizeObserver) return; // no observer (a test DOM): left at the start
  placed.set(card, { host, title, dx: 0, dy: 0 });
  resizes ??= new view.ResizeObserver(place);
  for (const e of [card, ...Array.from(card.getElementsByTagName('img'))]) {
    cardOf.set(e, card);
    resizes.observe(e); // the first report (at once) makes the first placement
  }
}

function place(entries: ResizeObserverEntry[]): void {
  const box = (e: Element) => e.getBoundingClientRect();
  const cards = [...new Set(entries.map((e) => cardOf.get(e.target)!))];
  if (cards.length > PER_REPORT) {
    for (const c of cards.splice(PER_REPORT)) {
      resizes!.unobserve(c);
      later.push(c);
    }
    observeLater(cards[0]!.ownerDocument.defaultView!);
  }
  // Every box first (the layout is fresh), then every move.
  const moves = cards.map((c) => {
    const p = placed.get(c);
    if (!p?.host.isConnected) {
      for (const e of [c, ...Array.from(c.getElementsByTagName('img'))]) resizes!.unobserve(e);
      return;
    }
    const cb = box(c);
    const b = box(p.host);
    if (!cb.width || !cb.height) return;
    const imgs = Array.from(c.getElementsByTagName('img'), box).filter((r) => r.width && r.height);
    const t = p.title && box(p.title);
    const w = Math.min(b.width, cb.width - 2 * GAP);
    const s = freeSpot(cb, imgs, t?.width ? t : undefined, w, b.height, c.closest('[dir]')?.getAttribute('dir') === 'rtl');
    // Where the badge is without our translation, and the translation that puts it on the spot.
    return () => {
      p.dx += s.x - b.x;
      p.dy += s.y - b.y;
      p.host.style.translate = `${p.dx}px ${p.dy}px`;
      // (Written only when it changes: a width is a layout change, a translation is not.)
      if (p.host.style.maxWidth !== `${w}px`) p.host.style.maxWidth = `${w}px`;
    };
  });
  for (const m of moves) m?.();
}
