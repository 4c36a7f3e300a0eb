// What the content script draws: a page banner and per-card badges, each in
// its own shadow root with its own styles. Text only through textContent.
// Writes only: nothing here reads layout.

import { translator, uiDirection, type I18nApi, type Translate } from '../shared/i18n';
import { placeBadge } from './badge-place';

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

/** The verdict for the reader (src/profile/verdict.ts, VerdictKind): decides the colour. */
export type Verdict = 'restricted-for-you' | 'restricted-elsewhere' | 'history-only' | 'possible-match' | 'related-info';

export interface BannerLine {
  text: string;
  effect: Effect;
  /** In force and binding the reader's profile. */
  forYou?: true;
}

export interface BannerModel {
  /** Stable key: dismissing hides this banner for the browser session. */
  key: string;
  /** The listing ("CamScanner (INTSIG …)"), or for a list page its heading. */
  subject: string;
  /** The verdict for the reader, and its one line (the wording module's). */
  verdict: Verdict;
  verdictText: string;
  possible: boolean;
  /** In the reader's order: in force and binding them first. */
  lines: BannerLine[];
  /** e.g. "Matched by Google Play package id … in the URL" */
  evidence?: string;
  asOf: string;
  /** The day statuses were computed for. */
  date: string;
  /** List pages: the verdict line and data date only (each card has its badge). */
  compact?: boolean;
}

// The words around the data's sentences, through browser.i18n (the content
// script's own captured API, set by main.ts); without one (tests, benchmarks), the keys.
let t: Translate = (key) => key;
let uiLang = 'en';
let uiDir: 'ltr' | 'rtl' = 'ltr';
export function setUiI18n(api: I18nApi): void {
  t = translator(api);
  uiLang = api.getUILanguage();
  uiDir = uiDirection(api);
}

// Style sheets: written readably here, compacted in the bundle (compactUiCss in vite.content.config.ts).
// Docked in the bottom corner (inline end): one line, drawn collapsed, over no page
// header or first control; it grows upward when expanded.
const BANNER_CSS = `
:host { all: initial; }
.bar { box-sizing: border-box; max-width: min(640px, calc(100vw - 16px)); max-height: calc(100vh - 16px); display: flex; flex-direction: column;
  font: 14px/20px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f1f1f; background: #fff8e1;
  border: 2px solid #8a5300; border-inline-start-width: 6px; border-radius: 10px; box-shadow: 0 2px 8px rgba(0,0,0,.3); overflow: hidden; }
.bar.restricted-for-you { background: #fdecea; border-color: #b3261e; }
.bar.restricted-elsewhere { background: #fff8e1; border-color: #8a5300; }
.bar.history-only { background: #f1f3f4; border-color: #5f6368; }
.bar.possible-match { background: #f3edf7; border-color: #6750a4; border-style: dashed; }
.bar.related-info { background: #e8f0fe; border-color: #0b57d0; }
.line { display: flex; align-items: center; gap: 6px; padding: 4px 6px 4px 10px; min-height: 36px; box-sizing: border-box; }
.verdict { flex: 1; min-width: 0; margin: 0; font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.bar.expanded .line { flex-wrap: wrap; }
.bar.expanded .verdict { flex-basis: 16em; white-space: normal; overflow-wrap: anywhere; text-overflow: clip; }
.more { overflow: auto; padding: 0 12px 8px; border-top: 1px solid rgba(0,0,0,.15); }
.more[hidden] { display: none; }
.more:focus-visible { outline: 3px solid #0b57d0; outline-offset: -3px; }
h2 { font-size: 14px; font-weight: 600; margin: 6px 0 2px; }
ul { margin: 0; padding-inline-start: 20px; }
li { margin: 2px 0; }
li.restricts { font-weight: 600; }
li.not-in-force { color: #444; }
li.related { color: #0b3d91; }
.you { font-size: 12px; font-weight: 600; padding: 0 6px; margin-inline-start: 6px; border-radius: 8px; background: #b3261e; color: #fff; }
.tag { font-size: 12px; font-weight: 600; padding: 0 6px; margin-inline-start: 6px; border-radius: 8px; background: #5f6368; color: #fff; }
.meta { font-size: 12px; color: #4a4a4a; margin-top: 4px; }
button { font: inherit; font-size: 13px; line-height: 18px; cursor: pointer; border-radius: 6px; border: 1px solid #5f5f5f; background: #fff;
  color: #1f1f1f; padding: 3px 8px; flex: none; }
button:focus-visible { outline: 3px solid #0b57d0; outline-offset: 1px; }
.close { border-color: transparent; background: transparent; font-size: 18px; padding: 1px 7px; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
@media (prefers-color-scheme: dark) {
  .bar, .bar.restricted-elsewhere { background: #3a2e00; color: #f1f1f1; border-color: #f9bc45; }
  .bar.restricted-for-you { background: #410e0b; border-color: #f2b8b5; }
  .bar.history-only { background: #2b2b2b; border-color: #c4c7c5; }
  .bar.possible-match { background: #2d2536; border-color: #d0bcff; }
  .bar.related-info { background: #0b2a5b; border-color: #a8c7fa; }
  li.not-in-force, .meta { color: #d0d0d0; }
  li.related { color: #c2d7fb; }
  .more { border-top-color: rgba(255,255,255,.2); }
  button { background: #2b2b2b; color: #f1f1f1; border-color: #c4c7c5; }
  button:focus-visible, .more:focus-visible { outline-color: #a8c7fa; }
  .close { background: transparent; border-color: transparent; }
  .you { background: #f2b8b5; color: #410e0b; }
}`;

const BADGE_CSS = `
:host { all: initial; }
.badge { font: 600 11px/16px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #fff; background: #8a5300; border: 0;
  border-radius: 8px; padding: 0 6px; margin: 0; height: 16px; max-width: min(12em, 100%); box-sizing: border-box; overflow: hidden; text-overflow: ellipsis; white-space: nowrap;
  display: inline-block; vertical-align: top; cursor: pointer; pointer-events: auto; }
.badge:focus-visible { outline: 2px solid #0b57d0; outline-offset: 1px; }
.badge.restricted-for-you { background: #b3261e; }
.badge.history-only { background: #5f6368; }
.badge.related-info { background: #0b57d0; }
.badge.possible-match { background: #6750a4; }
@media (prefers-color-scheme: dark) { .badge { background: #f9bc45; color: #1f1f1f; } .badge.restricted-for-you { background: #f2b8b5; }
  .badge.history-only { background: #c4c7c5; } .badge.related-info { background: #a8c7fa; } .badge.possible-match { background: #d0bcff; }
  .badge:focus-visible { outline-color: #a8c7fa; } }`;

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function button(doc: Document, text: string, cls: string, label: string, onClick: () => void): HTMLButtonElement {
  const b = el(doc, 'button', text, cls);
  b.type = 'button';
  b.setAttribute('aria-label', label);
  // Only the user's own input (a real click, or Enter/Space on the focused button) acts.
  b.addEventListener('click', (e) => e.isTrusted && onClick());
  return b;
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
let current: { host: HTMLElement; guard: MutationObserver; root: ShadowRoot; bar: HTMLElement; live: HTMLElement; key: string; model: BannerModel } | undefined;
// Per banner key, across redraws: whether the reader expanded it, and whether (and which verdict) it announced.
const expandedKeys = new Set<string>();
const announcedKeys = new Set<string>();

// Inline !important outranks every page style sheet (layered or not); `all`
// resets whatever else could hide, fade or move the host. Docked in the bottom
// corner at the inline end of the reader's language.
const hostStyle = () =>
  `all:initial!important;display:block!important;position:fixed!important;inset:auto ${uiDir === 'rtl' ? 'auto 8px 8px' : '8px 8px auto'}!important;margin:0!important;padding:0!important;border:0!important;background:transparent!important;overflow:visible!important;z-index:2147483647!important`;

/** Calls `fn` after the page's next layout (a ResizeObserver's first report); at once where there is none. */
function afterLayout(doc: Document, fn: () => void): void {
  const RO = doc.defaultView?.ResizeObserver;
  if (!RO) return fn();
  const ro = new RO(() => {
    ro.disconnect();
    fn();
  });
  ro.observe(doc.documentElement);
}

/** Replaces the banner (if any) with this one. Our handlers act on the user's own input only (isTrusted). */
export function showBanner(doc: Document, model: BannerModel, handlers: BannerHandlers): HTMLElement {
  // The same listing's banner, still in place (new words for it: the page's own
  // name and developer after its address, another profile): its contents change,
  // its host and style sheet stay (nothing is parsed, laid out or shown anew).
  if (current && current.key === model.key && current.host.parentNode === doc.documentElement) {
    const old = current.bar;
    const hadFocus = current.root.activeElement;
    current.bar = banner(doc, model, handlers);
    current.model = model;
    old.replaceWith(current.bar);
    announce(current.live, model);
    // Keyboard focus on a control of the old contents moves to the same control.
    const cls = hadFocus?.getAttribute('class');
    if (cls) (current.bar.querySelector(`.${cls.split(' ')[0]}`) as HTMLElement | null)?.focus();
    return current.host;
  }
  removeBanner(doc);
  const host = doc.createElement('div');
  host.setAttribute(HOST_ATTR, 'banner');
  addHost(host, 'banner');
  host.setAttribute('style', hostStyle());
  // Our language and direction, not the page's (an RTL page does not flip or clip it).
  host.lang = uiLang;
  host.dir = uiDir;
  // The top layer: no z-index, overlay or ancestor transform of the page's can cover or move it.
  host.setAttribute('popover', 'manual');
  // Closed: page scripts cannot read or rewrite what the banner says.
  const root = host.attachShadow({ mode: 'closed' });
  const bar = banner(doc, model, handlers);
  const live = el(doc, 'div', undefined, 'sr');
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  root.append(styleSheet(doc, BANNER_CSS), bar, live);
  announce(live, model);
  // On <html>, not <body>: a transform or filter on body cannot displace it.
  doc.documentElement.append(host);
  // Shown at once (its inline style outranks the closed popover's display:none), and
  // moved into the top layer once the page has been laid out: showPopover() brings
  // the page's style up to date first, and a page not yet rendered (a banner drawn
  // while it parses) would have all of it computed in our call instead of the browser's frame.
  let pending = !!host.showPopover;
  afterLayout(doc, () => {
    pending = false;
    if (current?.host !== host || !host.isConnected) return;
    try {
      host.showPopover();
    } catch {
      // not shown in the top layer (an odd document state): still drawn, on top by z-index
    }
  });

  const restore = (records?: MutationRecord[]) => {
    // Replaced by a newer banner (its events may still arrive), or still in place
    // and shown (another change under <html>, our own toggle event): nothing to do.
    if (current?.host !== host) return;
    if (host.parentNode === doc.documentElement && !records?.some((r) => r.target === host) && (pending || !host.showPopover || host.matches(':popover-open'))) return;
    // Drawn again from the latest model (never from what the page left).
    if (restoresLeft-- > 0) {
      const latest = current.model;
      removeBanner(doc);
      showBanner(doc, latest, handlers);
    } else guard.disconnect(); // the page wins; the toolbar count still shows
  };
  const guard = new doc.defaultView!.MutationObserver(restore);
  guard.observe(host, { attributes: true, childList: true });
  guard.observe(doc.documentElement, { childList: true });
  host.addEventListener('toggle', () => restore());
  current = { host, guard, root, bar, live, key: model.key, model };
  return host;
}

/** The banner's contents (the region inside our root): its verdict, lines and controls. */
function banner(doc: Document, model: BannerModel, handlers: BannerHandlers): HTMLElement {
  const bar = el(doc, 'section', undefined, `bar ${model.verdict}`);
  bar.lang = uiLang;
  bar.dir = uiDir;
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', t('banner_region_label', model.subject));
  const line = el(doc, 'div', undefined, 'line');
  const verdict = el(doc, 'p', model.verdictText, 'verdict');
  verdict.title = model.verdictText;
  line.append(verdict);

  const more = el(doc, 'div', undefined, 'more');
  more.id = 'more';
  // It scrolls when the lines outgrow the window: focusable, so the keyboard can scroll it (and named, for what it holds).
  more.tabIndex = 0;
  more.setAttribute('role', 'group');
  more.setAttribute('aria-label', t('banner_more_label', model.subject));
  if (!model.compact) {
    const h = el(doc, 'h2', model.subject);
    if (model.possible) h.append(el(doc, 'span', t('banner_possible'), 'tag'));
    more.append(h);
  }
  if (model.lines.length) {
    const ul = el(doc, 'ul');
    for (const l of model.lines) {
      const li = el(doc, 'li', l.text, l.effect);
      if (l.forYou) li.append(el(doc, 'span', t('banner_for_you'), 'you'));
      ul.append(li);
    }
    more.append(ul);
  }
  const meta = [model.evidence, t('banner_meta', [model.date, model.asOf])].filter(Boolean).join(' · ');
  more.append(el(doc, 'div', meta, 'meta'));

  let expanded = expandedKeys.has(model.key);
  const toggle = button(doc, '', 'toggle', t('banner_toggle_label', model.subject), () => setExpanded(!expanded));
  toggle.setAttribute('aria-controls', 'more');
  const setExpanded = (on: boolean) => {
    expanded = on;
    if (on) expandedKeys.add(model.key);
    else expandedKeys.delete(model.key);
    more.hidden = !on;
    // Expanded, the verdict line wraps (the whole sentence shown); collapsed, one line (its full text in the title and the accessibility tree).
    bar.classList.toggle('expanded', on);
    toggle.setAttribute('aria-expanded', String(on));
    toggle.textContent = t(on ? 'banner_hide' : 'banner_show');
  };
  setExpanded(expanded);
  const details = button(doc, t('banner_details'), 'details', t('banner_details_label', model.subject), () => handlers.onDetails());
  const close = button(doc, '×', 'close', t('banner_dismiss_label', model.subject), () => {
    removeBanner(doc);
    handlers.onDismiss(model.key);
  });
  close.title = t('banner_dismiss_title');
  line.append(toggle, details, close);
  // Escape collapses (the reader's own key press only), and leaves the focus on the toggle.
  bar.addEventListener('keydown', (e) => {
    if (!e.isTrusted || e.key !== 'Escape' || !expanded) return;
    setExpanded(false);
    toggle.focus();
  });
  bar.append(line, more);
  return bar;
}

/**
 * A polite, one-time announcement of the verdict (not again when the banner is
 * redrawn), in the host's live region (it outlives redrawn contents). Keyed by
 * the verdict too: a verdict that changed (the reader's profiles did) is announced again.
 */
function announce(live: HTMLElement, model: BannerModel): void {
  const announced = `${model.key}\n${model.verdictText}`;
  if (announcedKeys.has(announced)) return;
  announcedKeys.add(announced);
  // after insertion: a live region announces changes, not its first content
  setTimeout(() => (live.textContent = `${t('extName')}: ${model.verdictText}`), 250);
}

export function removeBanner(_doc: Document): void {
  current?.guard.disconnect();
  current = undefined;
  removeHosts('banner');
}

export interface BadgeModel {
  /** Short: "For you · 2", "History", "Possible". */
  text: string;
  /** The verdict's line, for the accessible name and tooltip. */
  title: string;
  subject: string;
  verdict: Verdict;
}

/**
 * A badge on a card: an icon-height pill (a button: focusable, named, it opens
 * the details for that listing). The host is position:absolute with no
 * offsets, so it takes no space (the card's layout does not move) and sits at
 * the card's start; on a card (`place`), it is then moved where it covers
 * neither the card's images nor its title (badge-place.ts).
 */
export function addBadge(doc: Document, card: Element, model: BadgeModel, onOpen: () => void, place?: { title?: Element }): HTMLElement {
  const host = doc.createElement('span');
  host.setAttribute(HOST_ATTR, 'badge');
  addHost(host, 'badge');
  host.style.cssText = 'position:absolute;z-index:2147483646;margin:2px;pointer-events:none;max-width:100%;';
  host.lang = uiLang;
  host.dir = uiDir;
  const root = host.attachShadow({ mode: 'closed' });
  root.append(styleSheet(doc, BADGE_CSS));
  const b = button(doc, model.text, `badge ${model.verdict}`, t('badge_label', [model.text, model.subject, model.title]), onOpen);
  b.title = model.title;
  root.append(b);
  card.prepend(host);
  if (place) placeBadge(host, card, place.title);
  return host;
}

/** A card badge's words: what restricts the reader (counted), else what the listing is. */
export function badgeText(verdict: Verdict, restricting: number, neutral: boolean): string {
  switch (verdict) {
    case 'restricted-for-you':
      return t('badge_for_you', restricting);
    case 'restricted-elsewhere':
      return neutral ? t('badge_in_force', restricting) : t('badge_elsewhere');
    case 'history-only':
      return t('badge_history');
    case 'possible-match':
      return t('badge_possible');
    case 'related-info':
      return t('badge_related');
  }
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
