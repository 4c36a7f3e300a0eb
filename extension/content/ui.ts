// What the content script draws: a page banner and per-card badges, each in
// its own shadow root with its own styles. Text only through textContent.
// Writes only: nothing here reads layout.

/** The attribute on the host element of everything we draw (for the page's and the tests' eyes; never read back). */
export const HOST_ATTR = 'data-covered-apps';

/** What a measure does to the listing (src/match/wording.ts, LineEffect). */
export type Effect = 'restricts' | 'not-in-force' | 'related';

// What we drew, kept in memory (host → kind): the page can write any attribute,
// so telling our UI from the page's never depends on one (a page setting
// HOST_ATTR on <html> must not stop the scan, nor get its own elements removed
// as ours; one removing it from our banner must not keep that banner up).
// Weakly held: a card the page removes must be collectable with our badge in it.
const ownHosts = new WeakMap<Element, string>();
const hostRefs = new Set<WeakRef<Element>>();

function addHost(host: Element, kind: string): void {
  ownHosts.set(host, kind);
  // now and then, forget the hosts already collected (infinite scroll adds many)
  if (hostRefs.size >= 1024 && (hostRefs.size & 1023) === 0) for (const ref of hostRefs) if (!ref.deref()) hostRefs.delete(ref);
  hostRefs.add(new WeakRef(host));
}

/** Removes our hosts (of one kind, or all); forgets the ones already collected. */
function removeHosts(kind?: string): void {
  for (const ref of hostRefs) {
    const host = ref.deref();
    if (host && kind && ownHosts.get(host) !== kind) continue;
    host?.remove();
    hostRefs.delete(ref);
  }
}

export interface BannerLine {
  text: string;
  effect: Effect;
}

export interface BannerModel {
  /** Stable key: dismissing hides this banner for the browser session. */
  key: string;
  heading: string;
  possible: boolean;
  lines: BannerLine[];
  /** e.g. "Matched by Google Play package id … in the URL" */
  evidence?: string;
  asOf: string;
  /** The day statuses were computed for. */
  date: string;
  /** One line (list pages): heading and data date only. */
  compact?: boolean;
  /** The colour: the strongest effect of the findings shown (restriction, history only, information). */
  effect: Effect;
}

// Style sheets: written readably here, compacted in the bundle (compactUiCss in vite.content.config.ts).
const BANNER_CSS = `
:host { all: initial; }
.bar { box-sizing: border-box; position: fixed; top: 0; left: 0; right: 0; z-index: 2147483647;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f1f1f;
  background: #fff8e1; border-bottom: 2px solid #b26a00; box-shadow: 0 2px 6px rgba(0,0,0,.2);
  padding: 8px 12px; display: flex; gap: 12px; align-items: flex-start; }
.bar.restricts { background: #fdecea; border-bottom-color: #b3261e; }
.bar.not-in-force { background: #f1f3f4; border-bottom-color: #5f6368; }
.bar.related { background: #e8f0fe; border-bottom-color: #0b57d0; }
li.restricts { font-weight: 600; }
.body { flex: 1; min-width: 0; }
h2 { font-size: 14px; font-weight: 600; margin: 0 0 2px; }
ul { margin: 0; padding: 0 0 0 18px; }
li { margin: 1px 0; }
.tag { display: inline-block; font-size: 12px; font-weight: 600; padding: 0 6px; margin-left: 6px; border-radius: 8px;
  background: #5f6368; color: #fff; vertical-align: 1px; }
.meta { font-size: 12px; color: #5f5f5f; margin-top: 2px; }
.compact { padding: 4px 12px; align-items: center; }
.compact .body { display: flex; gap: 10px; align-items: baseline; flex-wrap: wrap; }
.compact h2 { margin: 0; }
button { font: inherit; font-size: 13px; cursor: pointer; border-radius: 6px; border: 1px solid #7a5a00; background: #fff;
  color: #1f1f1f; padding: 3px 10px; }
button:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
.close { border: none; background: transparent; font-size: 18px; line-height: 1; padding: 2px 6px; }
@media (prefers-color-scheme: dark) {
  .bar { background: #3a2e00; color: #f1f1f1; border-bottom-color: #f9bc45; }
  .bar.restricts { background: #410e0b; border-bottom-color: #f2b8b5; }
  .bar.not-in-force { background: #2b2b2b; border-bottom-color: #c4c7c5; }
  .bar.related { background: #0b2a5b; border-bottom-color: #a8c7fa; }
  .meta { color: #c8c8c8; }
  button { background: #2b2b2b; color: #f1f1f1; border-color: #f9bc45; }
  .close { background: transparent; }
}`;

const BADGE_CSS = `
:host { all: initial; }
.badge { font: 600 11px/16px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #fff; background: #b26a00;
  border-radius: 8px; padding: 0 6px; white-space: nowrap; display: inline-block; pointer-events: auto; }
.badge.restricts { background: #b3261e; }
.badge.not-in-force { background: #5f6368; }
.badge.related { background: #0b57d0; }
.badge.possible { background: #5f6368; }
@media (prefers-color-scheme: dark) { .badge { background: #f9bc45; color: #1f1f1f; } .badge.restricts { background: #f2b8b5; }
  .badge.not-in-force, .badge.possible { background: #c4c7c5; } .badge.related { background: #a8c7fa; } }`;

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function styleSheet(doc: Document, css: string): HTMLStyleElement {
  const s = doc.createElement('style');
  s.textContent = css;
  return s;
}

export interface BannerHandlers {
  onDetails(): void;
  onDismiss(key: string): void;
}

// A page may try to take the banner away: remove or move its host, restyle it,
// close its popover. Each time, the banner is drawn again from its model (never
// from what the page left), at most RESTORES times per page load; then the page
// wins and the toolbar count stays the only sign.
const RESTORES = 10;
let restoresLeft = RESTORES;
let current: { host: HTMLElement; guard: MutationObserver } | undefined;

// Inline !important outranks every page style sheet (layered or not); `all`
// resets whatever else could hide, fade or move the host.
const HOST_STYLE = 'all:initial!important;display:block!important;position:fixed!important;inset:0 0 auto!important;z-index:2147483647!important';

/** Replaces the banner (if any) with this one. Our handlers act on the user's own input only (isTrusted). */
export function showBanner(doc: Document, model: BannerModel, handlers: BannerHandlers): HTMLElement {
  removeBanner(doc);
  const host = doc.createElement('div');
  host.setAttribute(HOST_ATTR, 'banner');
  addHost(host, 'banner');
  host.setAttribute('style', HOST_STYLE);
  // The top layer: no z-index, overlay or ancestor transform of the page's can cover or move it.
  host.setAttribute('popover', 'manual');
  // Closed: page scripts cannot read or rewrite what the banner says.
  const root = host.attachShadow({ mode: 'closed' });
  root.append(styleSheet(doc, BANNER_CSS));

  const bar = el(doc, 'section', undefined, `bar ${model.effect}${model.compact ? ' compact' : ''}`);
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', 'Covered Apps notice');
  const body = el(doc, 'div', undefined, 'body');
  const h = el(doc, 'h2', model.heading);
  if (model.possible) h.append(el(doc, 'span', 'possible match', 'tag'));
  body.append(h);
  if (model.lines.length) {
    const ul = el(doc, 'ul');
    for (const line of model.lines) ul.append(el(doc, 'li', line.text, line.effect));
    body.append(ul);
  }
  const meta = [model.evidence, `Status as of ${model.date}; data as of ${model.asOf}`].filter(Boolean).join(' · ');
  body.append(el(doc, 'div', meta, 'meta'));

  const details = el(doc, 'button', 'Details');
  details.type = 'button';
  details.addEventListener('click', (e) => e.isTrusted && handlers.onDetails());
  const close = el(doc, 'button', '×', 'close');
  close.type = 'button';
  close.setAttribute('aria-label', 'Dismiss this notice for this browser session');
  close.title = 'Dismiss for this session';
  close.addEventListener('click', (e) => {
    if (!e.isTrusted) return;
    removeBanner(doc);
    handlers.onDismiss(model.key);
  });
  bar.append(body, details, close);
  root.append(bar);
  // On <html>, not <body>: a transform or filter on body cannot displace it.
  doc.documentElement.append(host);
  try {
    host.showPopover?.();
  } catch {
    // not shown in the top layer (an odd document state): still drawn, on top by z-index
  }

  const restore = (records?: MutationRecord[]) => {
    // Replaced by a newer banner (its events may still arrive), or still in place
    // and shown (another change under <html>, our own toggle event): nothing to do.
    if (current?.host !== host) return;
    if (host.parentNode === doc.documentElement && !records?.some((r) => r.target === host) && (!host.showPopover || host.matches(':popover-open'))) return;
    if (restoresLeft-- > 0) showBanner(doc, model, handlers);
    else guard.disconnect(); // the page wins; the toolbar count still shows
  };
  const guard = new doc.defaultView!.MutationObserver(restore);
  guard.observe(host, { attributes: true, childList: true });
  guard.observe(doc.documentElement, { childList: true });
  host.addEventListener('toggle', () => restore());
  current = { host, guard };
  return host;
}

export function removeBanner(_doc: Document): void {
  current?.guard.disconnect();
  current = undefined;
  removeHosts('banner');
}

export interface BadgeModel {
  text: string;
  title: string;
  effect: Effect;
  possible: boolean;
}

/**
 * A badge at the top-left of a card. The host is position:absolute with no
 * offsets, so it sits at its static position and takes no space: the card's
 * layout does not move.
 */
export function addBadge(doc: Document, card: Element, model: BadgeModel): HTMLElement {
  const host = doc.createElement('span');
  host.setAttribute(HOST_ATTR, 'badge');
  addHost(host, 'badge');
  host.style.cssText = 'position:absolute;z-index:2147483646;margin:2px;pointer-events:none;';
  const root = host.attachShadow({ mode: 'closed' });
  root.append(styleSheet(doc, BADGE_CSS));
  const b = el(doc, 'span', model.text, `badge ${model.possible ? 'possible' : model.effect}`);
  b.title = model.title;
  b.setAttribute('role', 'note');
  b.setAttribute('aria-label', model.title);
  root.append(b);
  card.prepend(host);
  return host;
}

export function removeAllUi(doc: Document): void {
  removeBanner(doc);
  removeHosts();
}

/** Is this node (or an ancestor) UI we injected? Mutations there are ours. */
export function isOwnUi(node: Node): boolean {
  for (let e = node.nodeType === 1 ? (node as Element) : node.parentElement; e; e = e.parentElement) if (ownHosts.has(e)) return true;
  return false;
}
