// The content script runs on every store page: it must never force a layout
// (rendered-text getters, geometry, computed styles) nor turn strings into
// markup or code, nor walk every child of a node per card (a results list can
// hold thousands). A static check over every file the content scripts bundle:
// extension/content/, and the adapters and matcher in src/sites/ and src/match/.
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const repo = join(__dirname, '..', '..');
const root = join(repo, 'extension', 'content');
const alsoBundled = [join(repo, 'src', 'sites'), join(repo, 'src', 'match')];

const FORBIDDEN: [string, RegExp][] = [
  ['innerText', /\binnerText\b/],
  ['outerText', /\bouterText\b/],
  ['offsetHeight', /\boffsetHeight\b/],
  ['offsetWidth', /\boffsetWidth\b/],
  ['getBoundingClientRect', /\bgetBoundingClientRect\b/],
  ['getClientRects', /\bgetClientRects\b/],
  ['getComputedStyle', /\bgetComputedStyle\b/],
  ['scrollHeight', /\bscrollHeight\b/],
  ['scrollWidth', /\bscrollWidth\b/],
  ['clientHeight', /\bclientHeight\b/],
  ['clientWidth', /\bclientWidth\b/],
  ['innerHTML', /\binnerHTML\b/],
  ['outerHTML', /\bouterHTML\b/],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\b/],
  ['document.write', /\bdocument\s*\.\s*write(ln)?\b/],
  ['eval', /(^|[^.\w$])eval\s*\(/],
  ['new Function', /\bnew\s+Function\b/],
  // O(children) in Blink: once per card under a long list, infinite scroll turns quadratic
  ['childElementCount', /\bchildElementCount\b/],
];

/**
 * The one reader of geometry: badge-place.ts reads boxes only in a
 * ResizeObserver's report, which comes after the page's layout (nothing to
 * force), all of them before it moves any badge.
 */
const ALLOWED: Record<string, string[]> = { 'extension/content/badge-place.ts': ['getBoundingClientRect'] };

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** Source without comments (strings, templates and regex literals kept), so prose may name what code must not use. */
export function stripComments(src: string): string {
  let out = '';
  let i = 0;
  let lastSignificant = '';
  while (i < src.length) {
    const c = src[i]!;
    const next = src[i + 1];
    if (c === '/' && next === '/') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      i = end < 0 ? src.length : end + 2;
      out += ' ';
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < src.length && src[j] !== c) j += src[j] === '\\' ? 2 : 1;
      out += src.slice(i, j + 1);
      i = j + 1;
      lastSignificant = c;
      continue;
    }
    if (c === '/' && (lastSignificant === '' || '(,=:[!&|?{};+-*%<>~^'.includes(lastSignificant))) {
      // a regex literal: skip to its closing slash (outside a character class)
      let j = i + 1;
      let inClass = false;
      while (j < src.length && src[j] !== '\n' && (inClass || src[j] !== '/')) {
        if (src[j] === '\\') j++;
        else if (src[j] === '[') inClass = true;
        else if (src[j] === ']') inClass = false;
        j++;
      }
      out += src.slice(i, j + 1);
      i = j + 1;
      lastSignificant = '/';
      continue;
    }
    out += c;
    if (!/\s/.test(c)) lastSignificant = c;
    i++;
  }
  return out;
}

describe('content scripts read no layout and build no markup from strings', () => {
  const files = [root, ...alsoBundled].flatMap(filesUnder).filter((f) => /\.(ts|tsx|js|mjs)$/.test(f) && !f.endsWith('.d.ts'));

  test('the check sees the content script files', () => {
    const names = files.map((f) => relative(repo, f));
    expect(names).toEqual(
      expect.arrayContaining(['extension/content/main.ts', 'extension/content/scanner.ts', 'extension/content/ui.ts', 'src/sites/google-play.ts', 'src/match/match.ts']),
    );
  });

  test('the comment stripper keeps code and drops prose', () => {
    const code = stripComments('// no innerText here\nconst re = /a\\/b/; /* getComputedStyle */ const s = "//x"; el.innerHTML = s;');
    expect(code).not.toMatch(/innerText|getComputedStyle/);
    expect(code).toMatch(/el\.innerHTML = s/);
    expect(code).toMatch(/"\/\/x"/);
  });

  for (const file of files) {
    test(relative(repo, file), () => {
      const code = stripComments(readFileSync(file, 'utf8'));
      const allowed = ALLOWED[relative(repo, file)] ?? [];
      const used = FORBIDDEN.filter(([name, re]) => !allowed.includes(name) && re.test(code)).map(([name]) => name);
      expect(used, `${relative(repo, file)} uses ${used.join(', ')}`).toEqual([]);
    });
  }
});
