import { describe, expect, test } from 'vitest';
import { buildAutomaton, findMatches, type Automaton, type AutomatonPattern } from '../../src/match/automaton';
import { normalizeName } from '../../src/match/normalize';
import { compileIndex } from '../../src/match/compile';
import { dataset } from '../../src/data/dataset';

function matches(text: string, a: Automaton): [number, string][] {
  const out: [number, string][] = [];
  findMatches(text, a, (value, start, end) => out.push([value, text.slice(start, end)]));
  return out;
}

const pats = (...texts: string[]): AutomatonPattern[] => texts.map((text, value) => ({ text, value }));

describe('buildAutomaton / findMatches', () => {
  test('empty: no patterns, empty text', () => {
    const a = buildAutomaton([]);
    expect(matches('anything at all 微信', a)).toEqual([]);
    expect(matches('', buildAutomaton(pats('qq')))).toEqual([]);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  test('Latin patterns match whole tokens only', () => {
    const a = buildAutomaton(pats('qq', 'vmate', 'wechat'));
    expect(matches('QQ', a)).toEqual([[0, 'QQ']]);
    expect(matches('QQQ and qqq', a)).toEqual([]);
    expect(matches('vmates token', a)).toEqual([]);
    expect(matches('VidMate downloader', a)).toEqual([]);
    expect(matches('get VMate, then (WeChat)!', a)).toEqual([
      [1, 'VMate'],
      [2, 'WeChat'],
    ]);
    expect(matches('wechat2 qq3 x9qq', a)).toEqual([]);
    // Latin-1 letters extend a token; other scripts do not.
    expect(matches('wechaté qqж', a)).toEqual([[0, 'qq']]);
  });

  test("a word-final '+' makes another name, as normalizeName says", () => {
    const a = buildAutomaton(pats('alipay', 'disney+'));
    expect(matches('Alipay+ partners', a)).toEqual([]);
    expect(matches('Alipay+Wallet, +Alipay, Alipay +1', a).map((m) => m[1])).toEqual(['Alipay', 'Alipay', 'Alipay']);
    expect(matches('Disney+ and Disney', a)).toEqual([[1, 'Disney+']]);
  });

  test('common punctuation and symbols outside ASCII separate words without folding', () => {
    const a = buildAutomaton(pats('wechat', 'wps office'));
    expect(matches('WeChat·Pay • “WPS – Office” ★ WeChat…', a).map((m) => m[1])).toEqual(['WeChat', 'WPS – Office', 'WeChat']);
    for (const t of ['WeChat·Pay', '“WPS – Office”', 'WeChat…', 'a★WeChat']) {
      expect(matches(t, a).map((m) => m[0])).toEqual(matches(normalizeName(t), a).map((m) => m[0]));
    }
  });

  test('multi-word patterns match across any run of separators', () => {
    const a = buildAutomaton(pats('wps office', 'tiktok lite'));
    expect(matches('Try WPS  -  Office today', a)).toEqual([[0, 'WPS  -  Office']]);
    expect(matches('TikTok\nLite', a)).toEqual([[1, 'TikTok\nLite']]);
    expect(matches('wps offices', a)).toEqual([]);
  });

  test('overlapping and nested patterns are all reported', () => {
    const a = buildAutomaton(pats('tiktok', 'tiktok lite', 'lite', 'he', 'she', 'hers', 'his'));
    expect(matches('tiktok lite', a).map((m) => m[1])).toEqual(['tiktok', 'tiktok lite', 'lite']);
    // classic Aho–Corasick set: only whole tokens survive the boundary check
    expect(matches('ushers she his hers', a).map((m) => m[1])).toEqual(['she', 'his', 'hers']);
  });

  test('the same text with several values reports each', () => {
    const a = buildAutomaton([
      { text: 'red', value: 7 },
      { text: 'red', value: 9 },
    ]);
    expect(matches('RED note', a).map((m) => m[0]).sort()).toEqual([7, 9]);
  });

  test('CJK patterns need non-ideograph neighbours', () => {
    const a = buildAutomaton(pats('微信', '支付宝', 'qq钱包', '微信 for windows'));
    expect(matches('微信', a)).toEqual([[0, '微信']]);
    expect(matches(normalizeName('下载微信，然后'), a)).toEqual([]); // ideographs on both sides
    expect(matches('微信输入法', a)).toEqual([]);
    expect(matches('企业微信', a)).toEqual([]);
    // punctuation and kana are not ideographs
    expect(matches(normalizeName('「微信」と支付宝'), a)).toEqual([
      [0, '微信'],
      [1, '支付宝'],
    ]);
    expect(matches('wechat微信', a)).toEqual([[0, '微信']]);
    expect(matches('qq钱包 and qqq钱包 and qq钱包里', a)).toEqual([[2, 'qq钱包']]);
    expect(matches(normalizeName('微信 for Windows'), a).map((m) => m[1])).toEqual(['微信', '微信 for windows']);
  });

  test('folded text from normalizeName: width, case and confusables', () => {
    const a = buildAutomaton(pats(normalizeName('WeChat'), normalizeName('TikTok')));
    expect(matches(normalizeName('ＷｅＣｈａｔ and Тік Ток'), a).map((m) => m[0])).toEqual([0]);
    expect(matches(normalizeName('Тiktok'), a).map((m) => m[0])).toEqual([1]); // Cyrillic Т
  });

  test('many patterns: every one found, cost independent of their number', () => {
    const rnd = mulberry32(42);
    const syll = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'ze', 'po', 'da', 'fu'];
    const words = new Set<string>();
    while (words.size < 5000) {
      let w = '';
      const n = 2 + Math.floor(rnd() * 3);
      for (let i = 0; i < n; i++) w += syll[Math.floor(rnd() * syll.length)];
      words.add(w);
    }
    const list = [...words];
    const a = buildAutomaton(list.map((text, value) => ({ text, value })));
    const sample = list.filter((_, i) => i % 50 === 0);
    const text = sample.join(' · ');
    const found = new Set(matches(text, a).map((m) => m[0]));
    for (let i = 0; i < list.length; i += 50) expect(found.has(i)).toBe(true);
    // inside a longer token nothing matches
    expect(matches(sample.join(''), a).length).toBeLessThanOrEqual(2);
    // serializable: the JSON round trip scans the same
    const b = JSON.parse(JSON.stringify(a)) as Automaton;
    expect(matches(text, b)).toEqual(matches(text, a));
  });

  test('patterns longer than the limit are skipped, not mis-reported', () => {
    const long = 'a '.repeat(100).trim();
    const a = buildAutomaton(pats(long, 'ok'));
    expect(matches(`${long} ok`, a)).toEqual([[1, 'ok']]);
  });
});

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('findMatches against a regular-expression reference (random ASCII text)', () => {
  /** Every match of `names` in random text made of them and noise, by findMatches and by one RegExp per name. */
  function compare(names: string[], seed: number, rounds: number): number {
    const automaton = buildAutomaton(names.map((text, value) => ({ text, value })));
    // Reference: each name's words joined by runs of non-alphanumerics, whole tokens only.
    const refs = names.map((text) => new RegExp(`(?<![a-z0-9])${text.split(' ').join('[^a-z0-9+]+')}(?![a-z0-9])`, 'gi'));
    const rnd = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 16) % n;
    };
    const noise = ['x', 'a', 'q', 'w', 'e', '1', ' ', '  ', '.', '-', ', ', '\n', '(', 'the ', 'and '];
    let found = 0;
    for (let round = 0; round < rounds; round++) {
      let text = '';
      for (let j = 0; j < 30; j++) {
        if (rnd(3) === 0) {
          const name = names[rnd(names.length)]!;
          // whole, upper-cased, spaced out, or glued to its neighbours
          text += [name, name.toUpperCase(), name.replace(/ /g, ' - '), name.slice(1), name + name.slice(0, 2)][rnd(5)];
        } else text += noise[rnd(noise.length)];
      }
      const got: string[] = [];
      findMatches(text, automaton, (v, from, to) => got.push(`${v}@${from}-${to}`));
      const want: string[] = [];
      refs.forEach((re, v) => {
        re.lastIndex = 0;
        for (let m = re.exec(text); m; m = re.exec(text)) {
          want.push(`${v}@${m.index}-${m.index + m[0].length}`);
          re.lastIndex = m.index + 1; // overlapping matches too
        }
      });
      expect(got.sort(), JSON.stringify(text)).toEqual(want.sort());
      found += got.length;
    }
    return found;
  }

  test('the real names: same matches, same offsets', () => {
    const latin = Object.keys(compileIndex(dataset).names).filter((k) => /^[a-z0-9 ]+$/.test(k));
    expect(compare(latin, 7, 400)).toBeGreaterThan(400);
  });

  test('2,000 short names that nest and overlap (a dense automaton: failure links in use)', () => {
    let seed = 99;
    const rnd = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 16) % n;
    };
    const names = new Set<string>();
    while (names.size < 2000) {
      let w = '';
      for (let i = 0, n = 1 + rnd(4); i < n; i++) w += 'bdkmst'[rnd(6)]! + 'aeo'[rnd(3)]!;
      names.add(rnd(6) === 0 ? `${w} ${'bdkmst'[rnd(6)]}a` : w);
    }
    expect(compare([...names], 5, 1000)).toBeGreaterThan(1000);
  });
});
