// Text normalization shared by the index compiler (build time) and the
// matcher (page time): both sides must fold text the same way.
//
// foldText:        NFKC (full-width → ASCII, ligatures, compatibility forms, math
//                  alphanumerics), invisible characters removed, case folded,
//                  Latin diacritics removed ("Zhīfùbǎo" = "zhifubao"), Cyrillic /
//                  Greek / small-capital look-alike letters folded to Latin.
// normalizeName:   foldText + word tokens separated by single spaces; script changes
//                  (Latin ↔ CJK) are token boundaries, so "腾讯QQ" = "腾讯 qq" and
//                  "QQ轻聊版" = "qq 轻聊版"; a CJK run stays one token, so "微信" never
//                  equals "微信输入法".
// normalizeDeveloper: normalizeName minus company-form words ("Co., Ltd.", "Pte. Ltd.",
//                  "Company Limited", "有限公司", "株式会社" …).

// Look-alike letters people (and spammers) use in app names: Cyrillic, Greek,
// Armenian, Cherokee and small-capital letters that render like Latin ones.
// Written as pairs: the look-alike, then the Latin letter it folds to. Applied
// before lower-casing (Greek Η is H while its small η reads n; Cherokee's small
// forms, added below, fold like its capitals) and again after (Cyrillic С → с).
const CONFUSABLES: Record<string, string> = Object.fromEntries(
  (
    // Greek capitals whose small letter looks like another Latin letter (before their small letters: those win)
    'Ηh Μm Νn Υy ' +
    // Cyrillic
    'аa вb еe ёe кk мm нh оo рp сc тt уy хx іi їi јj ѕs ԁd ԛq ԝw һh ӏl ɡg үy ѵv ԍg ' +
    // Greek
    'αa βb εe ηn ιi κk νv οo ρp τt υu χx ζz ϲc ϳj ' +
    // Armenian
    'օo սu ցg հh ոn ' +
    // Cherokee ("ᎳeChat")
    'Ꭰd Ꭱr Ꭲt Ꭵi Ꭹy Ꭺa Ꭻj Ꭼe Ꮃw Ꮇm Ꮋh Ꮐg Ꮒh Ꮓz Ꮟb Ꮢr Ꮤw Ꮪs Ꮮl Ꮯc Ꮲp Ꮶk Ꮷd Ᏼb Ꮩv ' +
    // Latin small capitals and other Latin look-alikes NFKC leaves alone
    'ᴀa ʙb ᴄc ᴅd ᴇe ꜰf ɢg ʜh ɪi ᴊj ᴋk ʟl ᴍm ɴn ᴏo ᴘp ǫq ʀr ꜱs ᴛt ᴜu ᴠv ᴡw ʏy ᴢz ıi ȷj'
  )
    .split(' ')
    .flatMap((pair) => [
      [pair[0]!.toLowerCase(), pair[1]!],
      [pair[0]!, pair[1]!],
    ]),
);
const CONFUSABLE_RE = new RegExp(`[${Object.keys(CONFUSABLES).join('')}]`, 'g');
const unconfuse = (c: string) => CONFUSABLES[c] ?? c;

// A right-to-left override and the text it reverses ("\u202Etahcew" shows "wechat"),
// up to its closing mark or the end.
const RTL_OVERRIDE_RE = /\u202E([^\u202A-\u202E\u2066-\u2069]*)/g;

// Zero-width and invisible formatting characters inserted to dodge filters
// (soft hyphen, joiners, bidi controls, variation selectors, Hangul fillers, BOM, tags),
// and control characters that show nothing ("We\u0000Chat").
const INVISIBLE_RE =
  /[\0-\x08\x0B\x0E-\x1F\x7F-\x9F\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]|\uDB40[\uDC00-\uDC7F]/g;

// Combining diacritics (after NFD) on Latin letters: "ē" → "e". Other scripts'
// marks (Devanagari vowel signs, Japanese voicing marks) are outside this range.
const LATIN_DIACRITIC_RE = /[\u0300-\u036F]/g;

/** NFKC + right-to-left overrides read as shown + invisibles removed + case fold + Latin diacritics removed + confusables folded. */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(RTL_OVERRIDE_RE, (_, run: string) => [...run].reverse().join(''))
    .replace(INVISIBLE_RE, '')
    .replace(CONFUSABLE_RE, unconfuse)
    .toLowerCase()
    .normalize('NFD')
    .replace(LATIN_DIACRITIC_RE, '')
    .normalize('NFC')
    .replace(CONFUSABLE_RE, unconfuse);
}

// Anything that is not a letter, mark or digit separates words; "+" is kept when it
// ends a word ("Alipay+" ≠ "Alipay", "Disney+").
//
// The Unicode-property expressions use the "v" flag: same matches as "u" here
// (no case-insensitive complements), and V8 compiles them in half the time,
// which is most of what the first non-ASCII name on a page costs.
const SEPARATOR_RE = new RegExp('[^\\p{L}\\p{M}\\p{N}+]+', 'gv');
const INNER_PLUS_RE = new RegExp('\\+(?=[\\p{L}\\p{N}])', 'gv');
const STRAY_PLUS_RE = /(^|\s)\++/g;
// Han, kana, Hangul and CJK symbols: a run of these is one token.
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\u3005\\u3006\\u30FC';
const CJK_TO_OTHER_RE = new RegExp(`([${CJK}])(?=[^\\s${CJK}])`, 'gv');
const OTHER_TO_CJK_RE = new RegExp(`([^\\s${CJK}])(?=[${CJK}])`, 'gv');
/**
 * Every UTF-16 unit a CJK character above can start with (a superset: all
 * surrogates, the CJK and Hangul blocks, half/full-width forms): text without
 * one needs no script splitting. tests/unit/normalize.test.ts walks all code points.
 */
export const MAYBE_CJK = /[\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\ud800-\udfff\uf900-\ufaff\uff00-\uffef]/;

/**
 * The canonical form of a name: folded, punctuation collapsed to single spaces,
 * script boundaries split, trimmed. "WPS Office – PDF, Word" → "wps office pdf word";
 * "ＷＰＳ　Ｏｆｆｉｃｅ" → "wps office"; "腾讯QQ" → "腾讯 qq"; "微信" stays "微信".
 */
export function normalizeName(text: string): string {
  let out = nameMemo.get(text);
  if (out === undefined) {
    out = PRINTABLE_ASCII.test(text) ? normalizeAscii(text) : normalizeAny(text);
    if (nameMemo.size >= MEMO_SIZE) nameMemo.clear();
    nameMemo.set(text, out);
  }
  return out;
}

// Pages repeat the same strings (a developer name on every card, a name read by
// the matcher and again by the look-alike check): remember recent results. Bounded.
const MEMO_SIZE = 4096;
const nameMemo = new Map<string, string>();
/** Forget remembered names (benchmarks: each timed scan starts as on a fresh page). */
export function clearNameMemo(): void {
  nameMemo.clear();
}

// Printable ASCII folds to itself under NFKC, has no invisible, diacritic or
// confusable characters, and no CJK: only case and punctuation to fold.
// Same result as normalizeAny on such text (tests/unit/normalize.test.ts compares them).
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
function normalizeAscii(text: string): string {
  return text
    .toLowerCase()
    .replace(/\+(?=[a-z0-9])/g, ' ')
    .replace(/[^a-z0-9+]+/g, ' ')
    .replace(/(^| )\++/g, '$1')
    .replace(/  +/g, ' ')
    .trim();
}

/** normalizeName without the memo and the ASCII shortcut (exported for the tests). */
export function normalizeAny(text: string): string {
  let s = foldText(text);
  const plus = s.includes('+');
  if (plus) s = s.replace(INNER_PLUS_RE, ' ');
  s = s.replace(SEPARATOR_RE, ' ');
  if (plus) s = s.replace(STRAY_PLUS_RE, '$1');
  if (MAYBE_CJK.test(s)) s = s.replace(CJK_TO_OTHER_RE, '$1 ').replace(OTHER_TO_CJK_RE, '$1 ');
  return s.replace(/\s+/g, ' ').trim();
}

/** The space-separated tokens of a normalized string. */
export function tokensOf(normalized: string): string[] {
  return normalized ? normalized.split(' ') : [];
}

// Company-form words dropped at the end of developer names so that
// "Co.,Ltd" = "Co., Ltd." = "Company Limited" and "Pte. Ltd." = "PTE LTD".
const COMPANY_SUFFIX_WORDS = new Set([
  'co', 'company', 'ltd', 'ltda', 'limited', 'inc', 'incorporated', 'corp', 'corporation', 'llc', 'llp', 'lp', 'pte', 'pty',
  'plc', 'gmbh', 'sa', 'sas', 'sarl', 'ag', 'bv', 'nv', 'srl', 'spa', 'pvt', 'private', 'kk', 'oy', 'ab', 'as', 'sro',
  'holding', 'holdings',
  '有限公司', '股份有限公司', '有限责任公司', '有限責任公司', '公司', '株式会社', '주식회사',
]);
const COMPANY_PREFIX_WORDS = new Set(['株式会社', '주식회사', 'the']);
// Glued CJK company forms: "腾讯科技(深圳)有限公司" has them as separate tokens, but
// "阿里巴巴有限公司" does not.
const GLUED_CJK_SUFFIXES = ['股份有限公司', '有限责任公司', '有限責任公司', '有限公司', '株式会社'];

/** Developer names: normalizeName minus leading/trailing company-form words. */
export function normalizeDeveloper(text: string): string {
  const words = tokensOf(normalizeName(text));
  // "L.L.C." / "S.A." / "S.p.A." arrive as single letters: rejoin a trailing run of them.
  let k = words.length;
  while (k > 0 && words[k - 1]!.length === 1 && /[a-z]/.test(words[k - 1]!)) k--;
  if (words.length - k >= 2) {
    const joined = words.slice(k).join('');
    if (COMPANY_SUFFIX_WORDS.has(joined)) words.splice(k, words.length - k, joined);
  }
  while (words.length > 1 && COMPANY_PREFIX_WORDS.has(words[0]!)) words.shift();
  while (words.length > 1 && COMPANY_SUFFIX_WORDS.has(words[words.length - 1]!)) words.pop();
  const last = words[words.length - 1];
  if (last) {
    for (const suffix of GLUED_CJK_SUFFIXES) {
      if (last.length > suffix.length && last.endsWith(suffix)) {
        words[words.length - 1] = last.slice(0, -suffix.length);
        break;
      }
    }
  }
  const first = words[0];
  if (first && first.length > 4 && first.startsWith('株式会社')) words[0] = first.slice(4);
  return words.join(' ');
}

/** Identifier keys: platform-specific case rules, one key space for the index. */
export function identifierKey(platform: string, value: string): string {
  let v = foldIdentifier(value);
  switch (platform) {
    case 'microsoft-store':
    case 'amazon':
      v = v.toUpperCase();
      break;
    case 'apple':
    case 'apple-mac':
    case 'apple-developer':
      // "id414478124" in URLs, "414478124" in data
      v = v.toLowerCase().replace(/^id(?=\d+$)/, '');
      break;
    case 'domain':
      v = v.toLowerCase().replace(/^www\./, '').replace(/\.+$/, '');
      break;
    case 'google-play-developer':
      v = normalizeDeveloper(v) || v.toLowerCase();
      break;
    case 'google-play':
    case 'galaxy-store':
      // Android package names are case-sensitive in theory, but no two real packages
      // differ only by case; folding avoids misses from hand-typed links.
      v = v.toLowerCase();
      break;
    default:
      v = v.toLowerCase();
  }
  return `${platform}:${v}`;
}

/** Identifiers: width-folded, invisibles removed, trimmed (no case folding here). */
function foldIdentifier(value: string): string {
  return (PRINTABLE_ASCII.test(value) ? value : value.normalize('NFKC').replace(INVISIBLE_RE, '')).trim();
}
