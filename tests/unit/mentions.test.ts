import { describe, expect, test } from 'vitest';
import { parseHTML } from 'linkedom';
import { dataset } from '../../src/data/dataset';
import { compileIndex } from '../../src/match/compile';
import { scanTextMentions } from '../../extension/content/count-mentions';
import { addBadge, isOwnUi, removeAllUi } from '../../extension/content/ui';

const index = compileIndex(dataset);
const entity = (id: string) => index.entities.findIndex((e) => e.id === id);

function mentions(html: string): Record<string, number> {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const out: Record<string, number> = {};
  for (const [e, n] of scanTextMentions(document.body, index)) out[index.entities[e]!.id] = n;
  return out;
}

describe('scanTextMentions', () => {
  test('counts names in page text, whole tokens only', () => {
    const wechat = index.entities[entity('app-wechat')]!;
    expect(wechat).toBeDefined();
    expect(mentions('<p>Share it on WeChat.</p><p>Also on <b>WeChat</b> and wechatty or vmates.</p>')).toEqual({ 'app-wechat': 2 });
  });

  test('skips scripts, styles, form values, inert markup and our own UI', () => {
    expect(
      mentions(
        '<script>var a = "WeChat"</script><style>.wechat{}</style><noscript>WeChat</noscript><textarea>WeChat</textarea>' +
          '<template>WeChat</template><p>nothing here</p>',
      ),
    ).toEqual({});
    const { document } = parseHTML('<!doctype html><html><body><p id="card">nothing here</p></body></html>');
    const badge = addBadge(document as unknown as Document, document.getElementById('card')!, { text: 'WeChat', title: 'WeChat', subject: 'WeChat', verdict: 'related-info' }, () => {});
    expect(scanTextMentions(document.body, index).size).toBe(0);
    expect(scanTextMentions(badge, index).size).toBe(0);
  });

  test("the page's own elements count even when they carry our marker attributes", () => {
    const { document } = parseHTML('<!doctype html><html data-covered-apps="banner"><body><div data-covered-apps="badge" data-covered-apps-card>Share it on WeChat</div></body></html>');
    expect(scanTextMentions(document.body, index).get(entity('app-wechat'))).toBe(1);
    expect(isOwnUi(document.body.firstElementChild!)).toBe(false);
    removeAllUi(document as unknown as Document);
    expect(document.querySelectorAll('[data-covered-apps]')).toHaveLength(2);
  });

  test('dodges in page text are read as shown: a right-to-left override, a NUL, Cherokee letters', () => {
    expect(mentions('<p>Share on \u202EtahCeW\u202C today</p>')).toEqual({ 'app-wechat': 1 });
    expect(mentions('<p>Share on \u13B3eChat today</p>')).toEqual({ 'app-wechat': 1 });
    const { document } = parseHTML('<!doctype html><html><body><p></p></body></html>');
    document.querySelector('p')!.append(document.createTextNode('Share on We\u0000Chat today')); // the parser drops NULs; scripts need not
    expect(scanTextMentions(document.body, index).get(entity('app-wechat'))).toBe(1);
    expect(mentions('<p>WeChatty and Tick Tock Clock</p>')).toEqual({});
  });

  test('CJK names need non-ideograph neighbours; look-alike names never count; a longer name is its own app', () => {
    expect(mentions('<p>微信输入法</p>')).toEqual({});
    // 企业微信 is WeCom (a covered app of its own), never 微信
    expect(mentions('<p>微信输入法 企业微信</p>')).toEqual({ 'app-wecom': 1 });
    expect(mentions('<p>「微信」</p>')).toEqual({ 'app-wechat': 1 });
    expect(mentions('<p>Pay with Alipay+ abroad</p>')).toEqual({});
  });

  test('a longer alias and a shorter one of the same app count once; no name spans two text nodes', () => {
    const wps = mentions('<p>Try WPS Office today</p>');
    expect(Object.values(wps)).toEqual([1]);
    expect(mentions('<li>WPS</li><li>Office</li>')).toEqual(mentions('<li>WPS</li>'));
  });

  test('a paragraph with some non-ASCII words folds those words only, with the same result as folding it whole', () => {
    // emoji beside an ASCII name, a full-width name, a zero-width space inside a name, Cyrillic look-alike letters
    expect(mentions('<p>Best 🏆 scanner: CamScanner! Also ＣａｍＳｃａｎｎｅｒ, Cam\u200bScanner and С\u0430mScanner 😞</p>')).toEqual({
      'app-camscanner': 4,
    });
    expect(mentions('<p>Zhīfùbǎo — 支付宝 (Alipay) ✓</p>')).toEqual({ 'app-alipay': 3 });
    expect(mentions('<p>🏆WeChat🏆 and 微信😞</p>')).toEqual({ 'app-wechat': 2 });
  });
});

describe('scanTextMentions on hostile text', () => {
  test('one 10 MB text node is read only up to the text budget (a name past it is not reached)', () => {
    const { document } = parseHTML('<!doctype html><html><body><p id="big"></p><p>WeChat</p></body></html>');
    const filler = 'lorem ipsum dolor sit amet '.repeat(400_000); // 10.8 MB
    document.getElementById('big')!.textContent = `CamScanner ${filler} WeChat`;
    const found = scanTextMentions(document.body, index);
    expect(found.get(entity('app-camscanner'))).toBe(1);
    // the WeChat at the end of the big node is past the budget, and so is the next paragraph
    expect(found.has(entity('app-wechat'))).toBe(false);
  });
});
