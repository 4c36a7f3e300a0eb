// Accessibility and reading probes on extension pages, for the a11y e2e and
// `npm run screenshots`: axe-core run in the page (its source injected through
// the automation protocol, which extension pages' CSP does not block), and word
// counts of what the first screen shows.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const axeFile = (name) => readFileSync(createRequire(import.meta.url).resolve(`axe-core/${name}`), 'utf8');
const axeSource = axeFile('axe.min.js');

/**
 * axe-core as shipped, except where it lays out the page to find what is drawn
 * behind a text (colour contrast): it walks from <body> only, so an element that
 * is a child of <html> (our banner: on <html> so that a transform on <body> cannot
 * move it) has nothing behind it and its contrast is "undetermined". This copy
 * walks from <html> (skipping <html> itself, already its root). TEST ONLY; each
 * replacement must apply, so a new axe-core version fails here, loudly.
 */
let axeFromHtmlSource;
function axeFromHtml() {
  if (axeFromHtmlSource) return axeFromHtmlSource;
  let src = axeFile('axe.js');
  for (const [from, to] of [
    ['arguments[0] : document.body;\n      var rootGrid', 'arguments[0] : document.documentElement;\n      var rootGrid'],
    ['var node = parentVNode ? treeWalker.nextNode() : treeWalker.currentNode;', 'var node = parentVNode || root === document.documentElement ? treeWalker.nextNode() : treeWalker.currentNode;'],
  ]) {
    if (src.split(from).length !== 2) throw new Error(`axe-core's layout walk changed: ${from}`);
    src = src.replace(from, to);
  }
  return (axeFromHtmlSource = src);
}

/**
 * axe-core on `context` (axe's context: { include: [...] }; default the whole
 * document): every violation with its impact and where, and per passing rule how
 * many nodes passed and how many of them are in a shadow tree (axe names such a
 * node by a list of selectors, host first); what it left undecided. fromHtml: the
 * copy of axe-core whose layout walk starts at <html> (above).
 */
export async function axeReport(page, context, { fromHtml = false } = {}) {
  await page.evaluate(fromHtml ? axeFromHtml() : axeSource);
  return page.evaluate(
    async (context) => {
      const r = await globalThis.axe.run(context ?? document, { resultTypes: ['violations', 'passes'] });
      if (!r.passes.length) throw new Error('axe-core checked nothing');
      const inShadow = (n) => Array.isArray(n.target[0]) && n.target[0].length > 1;
      return {
        violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary })) })),
        passes: r.passes.map((p) => ({ id: p.id, nodes: p.nodes.length, shadowNodes: p.nodes.filter(inShadow).length })),
        // what axe could not decide (e.g. a contrast over an image): not checked
        incomplete: r.incomplete.map((p) => ({ id: p.id, nodes: p.nodes.map((n) => ({ target: n.target, summary: n.failureSummary })) })),
      };
    },
    context,
  );
}

export const seriousOnly = (violations) => violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

/** One line for the figures: rules passed (and their nodes in shadow trees), violating nodes by impact, what was left undecided. */
export function axeSummary(report) {
  const impacts = {};
  for (const v of report.violations) impacts[v.impact] = (impacts[v.impact] ?? 0) + v.nodes.length;
  const inShadow = report.passes.filter((p) => p.shadowNodes > 0);
  const shadow = inShadow.length ? ` (${inShadow.length} of them on ${inShadow.reduce((n, p) => n + p.shadowNodes, 0)} nodes in our shadow roots)` : '';
  const undecided = report.incomplete.map((i) => `${i.id}×${i.nodes.length}`).join(', ') || 'none';
  return `${report.passes.length} rules passed${shadow}; violating nodes by impact ${JSON.stringify(impacts)}; undecided ${undecided}`;
}

/** axe-core on the whole page (or `include`, a selector): violations of impact serious or critical, with where. */
export async function axeSerious(page, include) {
  const { violations } = await axeReport(page, include ? { include: [include] } : undefined);
  return seriousOnly(violations);
}

/**
 * Words the popup shows: on its first screen (text whose box starts above `height`
 * px, as in a popup window of that height) and in all (closed disclosures hide
 * their content, as for a reader).
 */
export function wordCounts(page, height = 600) {
  return page.evaluate((height) => {
    const words = (s) => (s.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,:;-]*/gu) ?? []).length;
    let first = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(n);
      // Closed disclosures keep their content laid out but hidden (content-visibility): not seen.
      if (!n.parentElement?.checkVisibility({ visibilityProperty: true })) continue;
      const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
      if (rects.length && rects[0].top + window.scrollY < height) first += words(n.textContent);
    }
    return { firstScreen: first, total: words(document.body.innerText) };
  }, height);
}

/**
 * The controls a reader can reach now (focusable and drawn: a closed disclosure's
 * content is not), each with its boxes (one per line it wraps over) in page
 * coordinates, and the viewport's width and the page's scroll width.
 */
export function controlGeometry(page) {
  return page.evaluate(() => {
    const focusable = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    const controls = [];
    for (const e of document.querySelectorAll(focusable)) {
      if (!e.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      const boxes = [...e.getClientRects()]
        .filter((r) => r.width > 0 && r.height > 0)
        .map((r) => ({ x: r.x + scrollX, y: r.y + scrollY, right: r.right + scrollX, bottom: r.bottom + scrollY }));
      if (!boxes.length) continue;
      const name = (e.getAttribute('aria-label') || e.textContent || e.getAttribute('placeholder') || e.type || '').trim().replace(/\s+/g, ' ').slice(0, 40);
      controls.push({ what: `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''} “${name}”`, boxes });
    }
    return { width: document.documentElement.clientWidth, scrollWidth: document.documentElement.scrollWidth, controls };
  });
}

/** Problems in a controlGeometry: a control (partly) outside the viewport's width, two controls overlapping. */
export function geometryProblems({ width, scrollWidth, controls }) {
  const eps = 0.5;
  const problems = [];
  if (scrollWidth > width + eps) problems.push(`the page scrolls sideways: ${scrollWidth} px wide in a ${width} px viewport`);
  for (const c of controls) if (c.boxes.some((b) => b.x < -eps || b.right > width + eps)) problems.push(`outside the viewport's width: ${c.what} ${JSON.stringify(c.boxes)}`);
  const overlap = (a, b) => a.x < b.right - eps && b.x < a.right - eps && a.y < b.bottom - eps && b.y < a.bottom - eps;
  for (let i = 0; i < controls.length; i++)
    for (let j = i + 1; j < controls.length; j++)
      if (controls[i].boxes.some((a) => controls[j].boxes.some((b) => overlap(a, b)))) problems.push(`overlap: ${controls[i].what} and ${controls[j].what}`);
  return problems;
}
