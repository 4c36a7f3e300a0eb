import { describe, expect, it } from 'vitest';
import { foldText, identifierKey, MAYBE_CJK, normalizeAny, normalizeDeveloper, normalizeName, tokensOf } from '../../src/match/normalize';

describe('foldText', () => {
  it('applies NFKC and folds case and width', () => {
    expect(foldText('ＷＰＳ　Ｏｆｆｉｃｅ')).toBe('wps office');
    expect(foldText('𝗪𝗲𝗖𝗵𝗮𝘁')).toBe('wechat');
    expect(foldText('WPS Of\uFB01ce')).toBe('wps office');
  });

  it('folds Cyrillic, Greek, Armenian and small-capital look-alike letters', () => {
    expect(foldText('\u0421amScanner')).toBe('camscanner'); // Cyrillic С
    expect(foldText('W\u0435Chat')).toBe('wechat'); // Cyrillic е
    expect(foldText('\u03A4ik\u03A4ok')).toBe('tiktok'); // Greek Τ
    expect(foldText('\u051A\u051A')).toBe('qq'); // Cyrillic Ԛ
    expect(foldText('ᴡᴇᴄʜᴀᴛ')).toBe('wechat');
    expect(foldText('\u0585')).toBe('o'); // Armenian օ
  });

  it('removes zero-width and other invisible characters', () => {
    expect(foldText('Cam\u200BScan\u200Dner')).toBe('camscanner');
    expect(foldText('We\u2060Chat\uFEFF')).toBe('wechat');
    expect(foldText('Cam\u00ADScanner')).toBe('camscanner');
    expect(foldText('WeChat\u202E')).toBe('wechat');
  });

  it('removes Latin diacritics but keeps other scripts intact', () => {
    expect(foldText('Zhīfùbǎo')).toBe('zhifubao');
    expect(foldText('Wēixìn')).toBe('weixin');
    expect(foldText('वीमेट')).toBe('वीमेट');
    expect(foldText('が')).toBe('が');
  });
});

describe('normalizeName', () => {
  it('collapses punctuation and spaces', () => {
    expect(normalizeName('WPS Office – PDF, Word')).toBe('wps office pdf word');
    expect(normalizeName('  SHAREit:  Transfer,\u00A0Share Files ')).toBe('shareit transfer share files');
    expect(normalizeName('musical.ly')).toBe('musical ly');
  });

  it('keeps a "+" that ends a word, drops stray ones', () => {
    expect(normalizeName('Alipay+')).toBe('alipay+');
    expect(normalizeName('Alipay+')).not.toBe(normalizeName('Alipay'));
    expect(normalizeName('WPS Office + PDF')).toBe('wps office pdf');
  });

  it('keeps Devanagari vowel signs inside the word', () => {
    expect(normalizeName('वीमेट')).toBe('वीमेट');
  });

  it('splits at Latin/CJK boundaries and keeps a CJK run as one token', () => {
    expect(normalizeName('腾讯QQ')).toBe('腾讯 qq');
    expect(normalizeName('QQ轻聊版')).toBe('qq 轻聊版');
    expect(normalizeName('WPS Office-智能AI办公助手')).toBe('wps office 智能 ai 办公助手');
    expect(tokensOf(normalizeName('微信输入法'))).toEqual(['微信输入法']);
    expect(normalizeName('微信输入法')).not.toBe(normalizeName('微信'));
  });

  it('makes "qq" inside other words or emoticons a different token sequence', () => {
    expect(normalizeName('QQQ')).toBe('qqq');
    expect(normalizeName('qq_qq')).toBe('qq qq');
    expect(normalizeName('QwQ qq')).toBe('qwq qq');
  });
});

describe('normalizeDeveloper', () => {
  it('treats company-suffix variants as one name', () => {
    const key = 'intsig information';
    for (const s of ['INTSIG Information Co.,Ltd', 'INTSIG Information Co., Ltd.', 'INTSIG Information Co. Ltd', 'INTSIG Information Company Limited', 'intsig information CO LTD']) {
      expect(normalizeDeveloper(s)).toBe(key);
    }
  });

  it('handles Pte. Ltd., Inc., Corp., L.L.C. and S.p.A.', () => {
    expect(normalizeDeveloper('Smart Media4U Technology Pte. Ltd.')).toBe('smart media4u technology');
    expect(normalizeDeveloper('SMART MEDIA4U TECHNOLOGY PTE. LTD.')).toBe('smart media4u technology');
    expect(normalizeDeveloper('Netflix, Inc.')).toBe('netflix');
    expect(normalizeDeveloper('Kingsoft Corp.')).toBe('kingsoft');
    expect(normalizeDeveloper('Acme L.L.C.')).toBe('acme');
    expect(normalizeDeveloper('TIM S.p.A.')).toBe('tim');
  });

  it('keeps a parenthesised place as a word: "(Shenzhen)" = "Shenzhen"', () => {
    expect(normalizeDeveloper('Tencent Technology (Shenzhen) Company Limited')).toBe('tencent technology shenzhen');
    expect(normalizeDeveloper('Tencent Technology (Shenzhen) Company Ltd.')).toBe('tencent technology shenzhen');
    expect(normalizeDeveloper('Tencent Technology Shenzhen Co., Ltd.')).toBe('tencent technology shenzhen');
  });

  it('strips Chinese and Japanese company forms', () => {
    expect(normalizeDeveloper('腾讯科技(深圳)有限公司')).toBe('腾讯科技 深圳');
    expect(normalizeDeveloper('阿里巴巴有限公司')).toBe('阿里巴巴');
    expect(normalizeDeveloper('株式会社ソニー')).toBe('ソニー');
  });

  it('never empties a name made only of company words', () => {
    expect(normalizeDeveloper('Company Limited')).toBe('company');
  });
});

describe('identifierKey', () => {
  it('folds case per platform', () => {
    expect(identifierKey('google-play', 'COM.INTSIG.CAMSCANNER')).toBe('google-play:com.intsig.camscanner');
    expect(identifierKey('microsoft-store', '9wzdncrdsz0p')).toBe('microsoft-store:9WZDNCRDSZ0P');
    expect(identifierKey('amazon', 'b0117u0g3m')).toBe('amazon:B0117U0G3M');
  });

  it('drops "www.", trailing dots, zero-width characters and the Apple "id" prefix', () => {
    expect(identifierKey('domain', 'WWW.WeChat.com.')).toBe('domain:wechat.com');
    expect(identifierKey('google-play', 'com.tencent\u200B.mm')).toBe('google-play:com.tencent.mm');
    expect(identifierKey('apple', 'id414478124')).toBe('apple:414478124');
    expect(identifierKey('apple', '414478124')).toBe('apple:414478124');
  });

  it('normalizes Play developer ids like developer names', () => {
    expect(identifierKey('google-play-developer', 'TikTok+Pte.+Ltd.')).toBe(identifierKey('google-play-developer', 'TikTok Pte Ltd'));
  });
});

describe('normalizeName on printable ASCII (the shortcut the page uses)', () => {
  it('gives what the full Unicode path gives, on 20,000 random strings heavy in "+", punctuation and spaces', () => {
    let seed = 12345;
    const rnd = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const alphabet = 'aZq09 +++  ..,-_()!?&\'"/\\|@#$%^*=~`{}[]<>:;';
    for (let i = 0; i < 20_000; i++) {
      let s = '';
      const len = Math.floor(rnd() * 14);
      for (let j = 0; j < len; j++) s += alphabet[Math.floor(rnd() * alphabet.length)];
      expect(normalizeName(s), JSON.stringify(s)).toBe(normalizeAny(s));
    }
  });
  it('agrees on real listing strings, and a repeated string gives the same answer', () => {
    for (const s of ['Alipay+', 'Disney+ Hotstar', 'a + b', '+QQ', 'C++ Primer', 'WPS Office - PDF, Word, Excel', '  CamScanner  ', 'Q+Q']) {
      expect(normalizeName(s)).toBe(normalizeAny(s));
      expect(normalizeName(s)).toBe(normalizeName(s));
    }
  });
});

describe('MAYBE_CJK (the cheap test before script splitting)', () => {
  it('holds every Han, kana and Hangul character, and 々 〆 ー', () => {
    const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3005\u3006\u30FC]/u;
    let n = 0;
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (!cjk.test(ch)) continue;
      n++;
      if (!MAYBE_CJK.test(ch)) throw new Error(`U+${cp.toString(16)} is CJK but MAYBE_CJK misses it`);
    }
    expect(n).toBeGreaterThan(90_000);
  });
  it('script splitting still happens', () => {
    expect(normalizeName('腾讯QQ')).toBe('腾讯 qq');
    expect(normalizeName('QQ轻聊版')).toBe('qq 轻聊版');
    expect(normalizeName('ｶﾒﾗ Scanner')).toBe('カメラ scanner');
  });
});

describe('detection dodges are read as a reader sees them', () => {
  it('reads a right-to-left override run as it is displayed', () => {
    expect(normalizeName('\u202Etahcew')).toBe('wechat');
    expect(normalizeName('\u202EtahCeW\u202C')).toBe('wechat');
    expect(normalizeName('Get \u202EtahCeW\u202C now')).toBe('get wechat now'); // only the overridden run turns
    expect(normalizeName('\u202Ekotkit\u2069 \u202Erennacsmac')).toBe('tiktok camscanner');
    expect(normalizeName('WeChat\u202E')).toBe('wechat'); // an empty run changes nothing
  });

  it('drops control characters that show nothing, keeps whitespace as a separator', () => {
    expect(normalizeName('We\u0000Chat')).toBe('wechat');
    expect(normalizeName('Tik\u0007Tok\u007F')).toBe('tiktok');
    expect(normalizeName('Cam\u0085Scanner')).toBe('camscanner'); // C1 control
    expect(normalizeName('We\tChat')).toBe('we chat');
    expect(normalizeName('We\nChat')).toBe('we chat');
  });

  it('folds Cherokee letters (capital and small forms) and Greek capitals that look like Latin ones', () => {
    expect(normalizeName('\u13B3eChat')).toBe('wechat'); // Cherokee Ꮃ
    expect(normalizeName('\uAB83eChat')).toBe('wechat'); // its small form (Unicode 8)
    expect(normalizeName('\u13A2ik\u13A2ok')).toBe('tiktok'); // Cherokee Ꭲ
    expect(normalizeName('\u13DFam\u13DAcanner')).toBe('camscanner'); // Ꮯ, Ꮪ
    expect(normalizeName('WeC\u0397at')).toBe('wechat'); // Greek capital Η is H …
    expect(normalizeName('\u03B7')).toBe('n'); // … while its small η still reads n
    expect(normalizeName('\u039C\u039D\u03A5')).toBe('mny'); // Greek Μ Ν Υ
    expect(normalizeName('\u0422\u0456\u043A\u0422\u043E\u043A')).toBe('tiktok'); // Cyrillic
  });

  it('leaves innocent look-alike names as they are written', () => {
    expect(normalizeName('WeChatty')).toBe('wechatty');
    expect(normalizeName('Tick Tock Clock')).toBe('tick tock clock');
    expect(normalizeName('TikTok Downloader')).toBe('tiktok downloader');
    expect(normalizeName('\u13E3\u13B3\u13A9')).toBe('\uABB3wy'); // a Cherokee word: look-alikes fold, other letters stay
  });
});
