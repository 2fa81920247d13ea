/**
 * The language of an article decided by its text (scripts and Vietnamese
 * letters), because pages often declare a wrong or no `lang`. The declared
 * language only settles what the text cannot (which Latin-script language).
 */

// Letters only Vietnamese uses among Latin-script languages: ă ơ ư đ and the
// precomposed vowels with two diacritics or a dot below (U+1EA0–U+1EF9), ĩ ũ.
// Shared letters (é, à, ô, ã, …) say nothing: French and Portuguese have them.
const VIETNAMESE = /[ăâđơưĩũĂĐƠƯĨŨ\u1EA0-\u1EF9]/gu;
const LATIN = /\p{Script=Latin}/gu;
const HAN = /\p{Script=Han}/gu;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const HANGUL = /\p{Script=Hangul}/gu;
const KHMER = /\p{Script=Khmer}/gu;
const THAI = /\p{Script=Thai}/gu;
const LAO = /\p{Script=Lao}/gu;
const CYRILLIC = /\p{Script=Cyrillic}/gu;
const ARABIC = /\p{Script=Arabic}/gu;
const HEBREW = /\p{Script=Hebrew}/gu;

const ENGLISH_WORDS = /\b(?:the|and|of|to|in|is|that|for|with|was|on|are|as|by|this|from|has|have|it|its|be|at|said)\b/gi;

// Languages whose text the script test recognises; a Latin-script text declared as one of them is mis-declared.
const NON_LATIN_OR_VIETNAMESE = new Set(['vi', 'zh', 'ja', 'ko', 'km', 'th', 'lo', 'ru', 'uk', 'ar', 'he', 'fa', 'my']);

// Enough text to decide; scanning a 1.5 MB forum thread would only cost time.
const SAMPLE_CHARS = 6000;

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** ISO 639-1 primary subtag of a BCP 47 tag ("en-US" → "en", "zh_CN" → "zh"); null when it is not one. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_\s,;]/)[0] ?? '';
  return /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

/**
 * What the text says: a language for scripts that name one (vi, zh, ja, ko,
 * km, th, lo, ru, ar, he), "latin" for other Latin-script text, null for no letters.
 */
export function languageOfText(input: string): string | null {
  const text = input.slice(0, SAMPLE_CHARS);
  const counts: Array<[string, number]> = [
    ['latin', count(text, LATIN)],
    ['han', count(text, HAN)],
    ['kana', count(text, KANA)],
    ['ko', count(text, HANGUL)],
    ['km', count(text, KHMER)],
    ['th', count(text, THAI)],
    ['lo', count(text, LAO)],
    ['ru', count(text, CYRILLIC)],
    ['ar', count(text, ARABIC)],
    ['he', count(text, HEBREW)],
  ];
  // Han characters carry a word each, Latin letters a fraction of one: weigh them alike per word.
  const weighted = counts.map(([script, n]): [string, number] => [script, script === 'han' || script === 'kana' ? n * 3 : n]);
  weighted.sort((a, b) => b[1] - a[1]);
  const [top, topCount] = weighted[0] ?? ['latin', 0];
  if (topCount === 0) return null;
  if (top === 'han' || top === 'kana') {
    // Japanese writes kana between its kanji; Chinese has none.
    const kana = counts.find(([s]) => s === 'kana')?.[1] ?? 0;
    const han = counts.find(([s]) => s === 'han')?.[1] ?? 0;
    return kana > han * 0.15 ? 'ja' : 'zh';
  }
  if (top === 'latin') {
    const latin = topCount;
    const vietnamese = count(text, VIETNAMESE);
    // Vietnamese prose has one of these letters every ~8 letters; an English text
    // quoting "Phú Quốc" twice stays far below 3%.
    return vietnamese / latin > 0.03 ? 'vi' : 'latin';
  }
  return top;
}

/**
 * The article's language: the text decides when it names a language; for
 * other Latin-script text the declared language stands unless it is one the
 * text rules out (a page declaring "vi" or "km" over English prose), then
 * English when English function words are frequent.
 */
export function decideLanguage(text: string, declared: string | null): string | null {
  const fromText = languageOfText(text);
  const declaredPrimary = primaryLanguage(declared);
  if (fromText === null) return declaredPrimary;
  if (fromText !== 'latin') return fromText;
  const nonLatinDeclared = declaredPrimary !== null && NON_LATIN_OR_VIETNAMESE.has(declaredPrimary);
  if (declaredPrimary && !nonLatinDeclared) return declaredPrimary;
  const sample = text.slice(0, SAMPLE_CHARS);
  const words = sample.split(/\s+/).filter(Boolean).length;
  if (words > 0 && count(sample, ENGLISH_WORDS) / words > 0.05) return 'en';
  return nonLatinDeclared ? null : declaredPrimary;
}
