// The content scripts get the matching tables from the background at run time
// (extension/background/match-index.ts → extension/shared/match-index-message.ts):
// what they parse must be exactly the tables the matcher is tested with, and
// anything else must leave the page alone.
import { describe, expect, test } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { compileIndex, toMatchIndex } from '../../src/match/compile';
import { matchListing } from '../../src/match/match';
import { findMatches } from '../../src/match/automaton';
import { isMatchIndexRequest, MATCH_INDEX_REQUEST, parseMatchIndex } from '../../extension/shared/match-index-message';
import { compiledIndexSource } from '../../scripts/vite-plugin-covered-index';

const tables = toMatchIndex(compileIndex(dataset));
/** What the background holds: the module virtual:covered-match-index exports one JSON string. */
const moduleSource = compiledIndexSource('virtual:covered-match-index');
const shipped = JSON.parse(/^export default (.*);$/s.exec(moduleSource)![1]!) as string;

describe('match index delivered by the background', () => {
  test('the build exports it as one JSON string of exactly the compiled tables', () => {
    expect(typeof shipped).toBe('string');
    expect(JSON.parse(shipped)).toEqual(JSON.parse(JSON.stringify(tables)));
  });

  test('parsed by the content script: the same tables, matching and finding mentions like the compiled index', () => {
    const ix = parseMatchIndex(shipped)!;
    expect(ix).toEqual(JSON.parse(JSON.stringify(tables)));
    const f = matchListing({ name: 'WeChat', ids: [{ platform: 'google-play', value: 'com.tencent.mm', from: 'url' }], role: 'main' }, ix);
    expect(f && ix.entities[f.entity]!.id).toBe('app-wechat');
    expect(matchListing({ name: 'Xender', ids: [{ platform: 'google-play', value: 'cn.xender', from: 'url' }], role: 'main' }, ix)).toBeNull();
    const found: number[] = [];
    findMatches('share it on wechat', ix.automaton, (e) => found.push(e));
    expect(found.map((e) => ix.entities[e]!.id)).toEqual(['app-wechat']);
  });

  test('junk is refused (not a string, not JSON, a table missing or of the wrong shape)', () => {
    const good = JSON.parse(shipped) as Record<string, unknown>;
    const without = (k: string) => JSON.stringify({ ...good, [k]: undefined });
    expect(parseMatchIndex(undefined)).toBeUndefined();
    expect(parseMatchIndex(good)).toBeUndefined(); // an object, not the string the background sends
    expect(parseMatchIndex('{"asOf":')).toBeUndefined();
    expect(parseMatchIndex('null')).toBeUndefined();
    for (const k of ['asOf', 'entities', 'ids', 'names', 'developers', 'lookalikeNames', 'automaton']) expect(parseMatchIndex(without(k)), k).toBeUndefined();
    expect(parseMatchIndex(JSON.stringify({ ...good, ids: [] }))).toBeUndefined();
    expect(parseMatchIndex(JSON.stringify({ ...good, automaton: { ...(good.automaton as object), fail: 'x' } }))).toBeUndefined();
  });

  test('the request is recognised by its type only', () => {
    expect(isMatchIndexRequest(MATCH_INDEX_REQUEST)).toBe(true);
    expect(isMatchIndexRequest({ type: 'findings' })).toBe(false);
    expect(isMatchIndexRequest('match-index')).toBe(false);
    expect(isMatchIndexRequest(null)).toBe(false);
  });
});
