// The background folds the page's text before counting (src/match/fold-text.ts):
// the content script sends it as it is, and the counts are what they were when
// the page folded it.
import { describe, expect, test } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { compileIndex, toMatchIndex } from '../../src/match/compile';
import { answerMatch } from '../../src/match/answer-match';
import { foldNodeText, foldPageText } from '../../src/match/fold-text';
import { normalizeName } from '../../src/match/normalize';
import { parseHTML } from 'linkedom';
import { pageTextSteps } from '../../extension/content/mentions';
import { runSteps } from '../../src/sites/steps';

const index = toMatchIndex(compileIndex(dataset));
const mentions = (text: string) => Object.fromEntries(answerMatch({ type: 'match', listings: [], text }, index).mentions.map((m) => [m.entityId, m.count]));

describe('page text folded in the background', () => {
  test('ASCII text is left as it is; only the words that need it are folded', () => {
    expect(foldNodeText('Share it on WeChat Pay today')).toBe('Share it on WeChat Pay today');
    expect(foldNodeText('Best 🏆 app: Cam\u200bScanner')).toBe(`Best ${normalizeName('🏆')} app: ${normalizeName('Cam\u200bScanner')}`);
  });

  test('raw text with invisible characters and look-alike letters is counted as the folded text was', () => {
    expect(mentions('Try Cam\u200bScanner today')).toEqual({ 'app-camscanner': 1 });
    // Cyrillic "С" and "а" in "СamScаnner" fold to Latin
    expect(mentions('Try \u0421amSc\u0430nner today')).toEqual({ 'app-camscanner': 1 });
  });

  test('text nodes are folded apart: a name split over two nodes is not a mention', () => {
    expect(foldPageText('We\u200b\0Chat')).toBe(`${normalizeName('We\u200b')}\0Chat`);
    expect(mentions('We\u200b\0Chat Pay')).toEqual({});
    expect(mentions('WeChat\0Pay')).toEqual({ 'app-wechat': 1 });
  });

  test("the page's text as the content script sends it: a NUL a script put inside a node is dropped, the one between nodes kept", () => {
    const { document } = parseHTML('<!doctype html><html><body><p>Share on </p><p>Chat</p></body></html>');
    document.querySelector('p')!.append(document.createTextNode('We\u0000Chat today We'));
    const sent = runSteps(pageTextSteps(document.body));
    expect(sent).toBe('Share on \0WeChat today We\0Chat');
    expect(mentions(sent)).toEqual({ 'app-wechat': 1 });
  });
});
