// The content scripts carry the match index packed (src/match/pack.ts): it must
// unpack to exactly the tables the matcher was tested with, and be smaller.
import { describe, expect, test } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { compileIndex, toMatchIndex } from '../../src/match/compile';
import { packMatchIndex, unpackMatchIndex } from '../../src/match/pack';
import { matchListing } from '../../src/match/match';
import { findMatches } from '../../src/match/automaton';

const tables = toMatchIndex(compileIndex(dataset));
const json = JSON.stringify(packMatchIndex(tables));
const unpacked = unpackMatchIndex(JSON.parse(json));

describe('packed match index', () => {
  test('unpacks to the same tables, automaton included', () => {
    expect(unpacked).toEqual(JSON.parse(JSON.stringify(tables)));
  });

  test('is smaller than the tables as JSON', () => {
    expect(json.length).toBeLessThan(JSON.stringify(tables).length * 0.8);
  });

  test('matches and finds mentions like the compiled index', () => {
    const f = matchListing({ name: 'WeChat', ids: [{ platform: 'google-play', value: 'com.tencent.mm', from: 'url' }], role: 'main' }, unpacked);
    expect(f && unpacked.entities[f.entity]!.id).toBe('app-wechat');
    expect(matchListing({ name: 'Xender', ids: [{ platform: 'google-play', value: 'cn.xender', from: 'url' }], role: 'main' }, unpacked)).toBeNull();
    const found: number[] = [];
    findMatches('share it on wechat', unpacked.automaton, (e) => found.push(e));
    expect(found.map((e) => unpacked.entities[e]!.id)).toEqual(['app-wechat']);
  });

  test('front-coded identifiers: prefixes of each other, long shared prefixes, digits, one per platform', () => {
    const long = 'com.example.' + 'a'.repeat(60);
    const ids = {
      ...tables.ids,
      'domain:qq.com.cn': 3,
      'google-play:com.tencent.m': 42,
      [`google-play:${long}`]: 1,
      [`google-play:${long}b`]: 2,
      [`google-play:${long}bc.d_e`]: 3,
      'apple:4144781240': 5,
      'flathub:x': 7,
    };
    const ix = { ...tables, ids };
    expect(unpackMatchIndex(JSON.parse(JSON.stringify(packMatchIndex(ix)))).ids).toEqual(ids);
    expect(() => packMatchIndex({ ...tables, ids: { 'domain:a b.com': 1 } })).toThrow(/cannot be packed/);
    expect(() => packMatchIndex({ ...tables, ids: { 'winget:a:b': 1 } })).toThrow(/cannot be packed/);
  });
});
