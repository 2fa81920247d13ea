/**
 * The typed confirmation before an irreversible action ("type XOÁ to delete
 * everything"). Case, surrounding spaces and where the tone mark sits are
 * ignored: Vietnamese keyboards write "XOÁ" or "XÓA" depending on a setting,
 * and both are the same word. A missing or different tone mark is not.
 */

// The five Vietnamese tone marks (grave, acute, tilde, hook above, dot below);
// vowel marks (circumflex, breve, horn) stay where they are: they make other letters.
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** The word's letters without tones, then its tones in order of code: "XÓA" and "XOÁ" give the same key. */
function comparable(text: string): string {
  const decomposed = text.trim().replace(/\s+/g, ' ').toUpperCase().normalize('NFD');
  const tones = (decomposed.match(TONE_MARKS) ?? []).sort().join('');
  return `${decomposed.replace(TONE_MARKS, '').normalize('NFC')}|${tones}`;
}

/** True when `typed` is `word` as a monitor would type it. */
export function confirmationMatches(typed: string, word: string): boolean {
  return typed.trim() !== '' && comparable(typed) === comparable(word);
}
