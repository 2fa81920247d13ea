/**
 * The shape of a watchlist: terms a monitor watches for, each with the other
 * spellings that count as the same term, grouped by topic with a colour.
 */

export interface WatchTerm {
  /** What the monitor sees reported: one name per thing watched (e.g. "Hoàng Sa"). */
  term: string;
  /** Other spellings that count as a hit on `term`: without diacritics, plurals, other scripts. */
  variants?: string[];
  /** ISO 639-1 code of `term` (vi, en, zh, km): informational, matching does not depend on it. */
  lang?: string;
  /** Ties the same thing across languages (Hoàng Sa / Paracel / 西沙 → "paracel-islands"). */
  concept?: string;
  /** Id of the WatchGroup the term belongs to, when terms are passed around without their group. */
  group?: string;
}

export interface WatchGroup {
  id: string;
  name: string;
  /** Highlight colour, `#rrggbb`. */
  color: string;
  /** Category id (lib/categories.ts) a flag gets when this group's terms dominate a page. */
  category?: string;
  terms: WatchTerm[];
}

/** The term and its variants, in the order a monitor typed them. */
export function formsOf(term: WatchTerm): string[] {
  return [term.term, ...(term.variants ?? [])];
}
