// Text normalization shared by the index compiler (build time) and the
// matcher (page time): both sides must fold text the same way.

// Look-alike letters people (and spammers) use in app names: Cyrillic and Greek
// letters that render like Latin ones. Folded to Latin before matching.
const CONFUSABLES: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', һ: 'h', ӏ: 'l',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ζ: 'z',
};
const CONFUSABLE_RE = new RegExp(`[${Object.keys(CONFUSABLES).join('')}]`, 'g');

// Zero-width and invisible formatting characters inserted to dodge filters.
const INVISIBLE_RE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/g;

// Anything that is not a letter or a digit separates words. CJK characters are
// letters; each is its own token boundary candidate (see tokens()).
const SEPARATOR_RE = /[^\p{L}\p{N}]+/gu;

/** NFKC + case fold + width fold (NFKC does it) + confusables + invisibles removed. */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE_RE, '')
    .toLowerCase()
    .replace(CONFUSABLE_RE, (c) => CONFUSABLES[c] ?? c);
}

/**
 * The canonical form of a name: folded, punctuation collapsed to single spaces,
 * trimmed. "WPS Office – PDF, Word" → "wps office pdf word"; "微信" stays "微信".
 */
export function normalizeName(text: string): string {
  return foldText(text).replace(SEPARATOR_RE, ' ').trim();
}

// Company-form words dropped at the end of developer names so that
// "Co.,Ltd" = "Co., Ltd." = "Company Limited" and "Pte. Ltd." = "PTE LTD".
const COMPANY_SUFFIX_WORDS = new Set([
  'co', 'company', 'ltd', 'limited', 'inc', 'incorporated', 'corp', 'corporation', 'llc', 'pte', 'plc', 'gmbh', 'sa', 'ag', 'bv', 'srl', 'pvt', 'private',
  '有限公司', '股份有限公司', '公司',
]);

/** Developer names: normalizeName minus trailing company-form words. */
export function normalizeDeveloper(text: string): string {
  const words = normalizeName(text).split(' ').filter(Boolean);
  while (words.length > 1 && COMPANY_SUFFIX_WORDS.has(words[words.length - 1]!)) words.pop();
  // "有限公司" glued to a Chinese name: strip the suffix from the last word
  const last = words[words.length - 1];
  if (last) {
    for (const suffix of ['股份有限公司', '有限公司']) {
      if (last.length > suffix.length && last.endsWith(suffix)) words[words.length - 1] = last.slice(0, -suffix.length);
    }
  }
  return words.join(' ');
}

/** Identifier keys: platform-specific case rules, one key space for the index. */
export function identifierKey(platform: string, value: string): string {
  let v = value.trim();
  switch (platform) {
    case 'microsoft-store':
    case 'amazon':
      v = v.toUpperCase();
      break;
    case 'domain':
      v = v.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
      break;
    case 'google-play-developer':
      v = normalizeDeveloper(v) || v;
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
