// The extension's words are in public/_locales: every key the code uses exists in
// every catalogue (en, zh_CN) with the same placeholders, and the popup and options
// pages carry no untranslated text of their own (JSX text and user-facing attributes
// are checked on the real syntax tree, through @babel/core's parser).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseSync, traverse, types as bt } from '@babel/core';

const root = join(import.meta.dirname, '..', '..');
type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const LANGS = ['en', 'zh_CN'];
const catalogues = Object.fromEntries(
  LANGS.map((l) => [l, JSON.parse(readFileSync(join(root, 'public', '_locales', l, 'messages.json'), 'utf8')) as Catalogue]),
);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(f) ? [p] : [];
  });
}

/** Keys the code names: a string literal shaped like a catalogue key, with one of the surfaces' prefixes. */
const KEY = /^(popup|options|banner|badge|toolbar|record|report|log|inventory|profile|verdict|policy)_[a-z0-9_]+$|^ext(Name|Description)$/;

function parse(file: string) {
  const code = readFileSync(file, 'utf8');
  const ast = parseSync(code, { filename: file, babelrc: false, configFile: false, parserOpts: { plugins: ['typescript', 'jsx'] } });
  if (!ast) throw new Error(`cannot parse ${file}`);
  return ast;
}

function keysUsed(): Map<string, string> {
  const used = new Map<string, string>();
  for (const file of files(join(root, 'extension'))) {
    traverse(parse(file), {
      StringLiteral(p) {
        if (KEY.test(p.node.value)) used.set(p.node.value, file);
      },
    });
  }
  return used;
}

/** The placeholders a message uses, by their content ($1, $2, …), sorted. */
const placeholdersOf = (e: Catalogue[string]) => Object.values(e.placeholders ?? {}).map((p) => p.content).sort();
/** Named placeholders written in the message ($DATE$). */
const namedIn = (message: string) => [...new Set([...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()))].sort();

describe('the message catalogues', () => {
  const used = keysUsed();

  test('the code uses catalogue keys (the check sees them)', () => {
    expect(used.size).toBeGreaterThan(50);
    expect(used.has('popup_as_of')).toBe(true);
  });

  for (const lang of LANGS) {
    test(`every key the extension uses is in ${lang} (a plural base as <key>_one and <key>_other)`, () => {
      const cat = catalogues[lang]!;
      const missing = [...used].filter(([k]) => !(k in cat) && !(`${k}_one` in cat && `${k}_other` in cat)).map(([k, f]) => `${k} (${f})`);
      expect(missing).toEqual([]);
    });
  }

  test('en and zh_CN have the same keys, each with the same placeholders, and every named placeholder is declared', () => {
    const en = catalogues.en!;
    const zh = catalogues.zh_CN!;
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const [key, e] of Object.entries(en)) {
      const z = zh[key]!;
      expect(placeholdersOf(z), key).toEqual(placeholdersOf(e));
      for (const [lang, m] of [['en', e], ['zh_CN', z]] as const) {
        const declared = Object.keys(m.placeholders ?? {}).sort();
        expect(namedIn(m.message), `${lang} ${key}`).toEqual(declared);
      }
    }
  });

  test('plural messages come in both forms', () => {
    for (const key of Object.keys(catalogues.en!)) {
      if (key.endsWith('_one')) expect(catalogues.en, key).toHaveProperty(key.replace(/_one$/, '_other'));
    }
  });
});

describe('no untranslated text in the popup and options pages', () => {
  const pages = [...files(join(root, 'extension', 'popup')), ...files(join(root, 'extension', 'options'))].filter((f) => f.endsWith('.tsx'));
  // Attributes a reader sees or hears.
  const SPOKEN = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description']);

  test.each(pages)('%s', (file) => {
    const literals: string[] = [];
    traverse(parse(file), {
      JSXText(p) {
        if (/\p{L}/u.test(p.node.value)) literals.push(`text: ${p.node.value.trim()}`);
      },
      JSXAttribute(p) {
        const name = bt.isJSXIdentifier(p.node.name) ? p.node.name.name : '';
        if (SPOKEN.has(name) && bt.isStringLiteral(p.node.value) && /\p{L}/u.test(p.node.value.value)) literals.push(`${name}: ${p.node.value.value}`);
      },
    });
    expect(literals).toEqual([]);
  });

  test('the check catches a JSX text literal', () => {
    let found = 0;
    const ast = parseSync('const x = <p>Hello <b>{y}</b></p>;', { filename: 'x.tsx', babelrc: false, configFile: false, parserOpts: { plugins: ['typescript', 'jsx'] } })!;
    traverse(ast, { JSXText: (p) => void (/\p{L}/u.test(p.node.value) && found++) });
    expect(found).toBe(1);
  });
});
