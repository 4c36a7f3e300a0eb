// Accessibility and reading probes on extension pages, for the a11y e2e and
// `npm run screenshots`: axe-core run in the page (its source injected through
// the automation protocol, which extension pages' CSP does not block), and word
// counts of what the first screen shows.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core on the whole page (or `include`, a selector): violations of impact serious or critical, with where. */
export async function axeSerious(page, include) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async (include) => {
    const r = await globalThis.axe.run(include ? { include: [include] } : document, { resultTypes: ['violations', 'passes'] });
    if (!r.passes.length) throw new Error('axe-core checked nothing');
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`) }));
  }, include);
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
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
