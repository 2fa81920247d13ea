/**
 * Text folding and tokenising shared by title normalisation and text similarity:
 * the same rules everywhere, so "Trường Sa", "TRUONG SA" and "Truong  Sa" are one key.
 */

// Same invisible set as the watchlist matching rules (fixtures README): they sit
// inside words ("Nam\u200B Du") and would otherwise split or glue tokens.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const LATIN_COMBINING = /[\u0300-\u036F]/g;
// Scripts written without spaces between words: a "word" there is a character run,
// so titles compare by character bigrams and texts by character shingles.
const UNSPACED_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]+/u;
const UNSPACED_SPLIT =
  /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]+)/u;
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
// "Hanoi’s" and "Hanoi's" must give one token, and the curly form must not split it.
const INNER_APOSTROPHE = /(\p{L})['’‘`´ʼ](?=\p{L})/gu;

/**
 * NFKC (full-width forms, "…" → "..."), invisible characters removed, Latin
 * diacritics dropped (Vietnamese tone and vowel marks, đ → d), lower-cased.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .normalize('NFD')
    .replace(LATIN_COMBINING, '')
    .replace(/[đĐ]/g, 'd')
    .normalize('NFC')
    .toLowerCase();
}

/** Letters and digits only, for comparing outlet names: "Báo Đảo Xanh" ≡ "baodaoxanh". */
export function compactKey(text: string): string {
  return (foldText(text).match(WORD) ?? []).join('');
}

export function isUnspacedScript(token: string): boolean {
  return UNSPACED_RUN.test(token);
}

/**
 * Splits folded text into words. Runs of unspaced scripts are returned whole
 * (one "word" per run); callers decide whether to cut them into characters.
 */
export function splitWords(folded: string): string[] {
  const words: string[] = [];
  const joined = folded.replace(INNER_APOSTROPHE, '$1');
  for (const match of joined.matchAll(WORD)) {
    for (const part of match[0].split(UNSPACED_SPLIT)) {
      if (part) words.push(part);
    }
  }
  return words;
}

/** Characters of an unspaced run, keeping combining marks with their base (Khmer, Thai). */
export function clusters(run: string): string[] {
  return run.match(/\P{M}\p{M}*/gu) ?? [];
}

/** "007" and "7" are the same number in a headline. */
export function canonicalNumber(token: string): string {
  const trimmed = token.replace(/^0+(?=\d)/, '');
  return trimmed;
}

export function isNumberToken(token: string): boolean {
  return /^\d+$/.test(token);
}
