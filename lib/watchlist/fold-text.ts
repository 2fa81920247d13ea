/**
 * Folds text for watchlist matching (the fixtures README's rules: NFC, invisible
 * characters removed, Latin combining marks dropped, đ→d, casefold) and keeps a
 * map from every folded UTF-16 index back to the original text, so a hit found
 * in folded text lands on the right characters of the page. The matcher folds
 * pages in its own loop (scan-text.ts) from the primitives exported here;
 * foldText folds the watchlist's forms, and is the reference in tests.
 */

/** Folded text as code units, before (or instead of) building a string. */
export interface FoldedUnits {
  units: Uint16Array;
  /** Number of folded units; the arrays may be longer. */
  length: number;
  map: Int32Array;
}

export interface FoldedText {
  folded: string;
  /**
   * map[k]: original UTF-16 index where the character that produced folded[k]
   * starts; clusterEnd(text, map[k]) is where it ends, with its combining marks.
   */
  map: Int32Array;
}

/**
 * Characters that change nothing a reader sees but split words for a naive
 * search: zero-width space/joiners, word joiner, BOM, soft hyphen, LRM/RLM and
 * the bidi embeddings, overrides and isolates (the README's list).
 */
export function isInvisible(code: number): boolean {
  return (
    code === 0x00ad ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    code === 0x2060 ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff
  );
}

/**
 * Spaces that render as one space. Deliberately beyond the README's rules:
 * CMS editors put NBSP inside names ("Phú&nbsp;Quốc") and pretty-printed HTML
 * doubles spaces; a monitor reads both as "Phú Quốc". A line feed is NOT one of
 * them: callers join separate text nodes with "\n" so no hit spans two nodes.
 */
function isHorizontalSpace(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0b ||
    code === 0x0c ||
    code === 0x0d ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

const MARK = /^\p{M}$/u;
/** Lazily filled per BMP code unit: 0 unknown, 1 combining mark, 2 not. */
const markTable = new Uint8Array(0x10000);

function isMarkUnit(code: number): boolean {
  let known = markTable[code]!;
  if (known === 0) {
    known = code >= 0xd800 && code <= 0xdfff ? 2 : MARK.test(String.fromCharCode(code)) ? 1 : 2;
    markTable[code] = known;
  }
  return known === 1;
}

/** Marks from the Latin "Combining Diacritical Marks" block: the Vietnamese tones and vowel marks live here. */
const LATIN_MARKS = /[\u0300-\u036f]/g;

/**
 * Folds one base character with its combining marks. JavaScript has no
 * casefold; lower→upper→lower gets Python's results for ß/ẞ→ss, ſ→s, ﬀ→ff.
 */
export function foldCluster(cluster: string): string {
  const bare = cluster.normalize('NFD').replace(LATIN_MARKS, '').replace(/[đĐ]/g, 'd').normalize('NFC');
  return bare.toLowerCase().toUpperCase().toLowerCase();
}

/** Clusters folded on the general path (decomposed Vietnamese, Khmer syllables, astral characters), by their source text. */
const clusterCache = new Map<string, string>();
const CLUSTER_CACHE_LIMIT = 20_000;

/**
 * The fold's first question for every code unit, answered once per unit
 * (0 = not yet known): the folded unit + 1 when the character folds to exactly
 * one unit by itself (ASCII, precomposed Vietnamese, CJK: nearly all text), or
 * one of the kinds below.
 */
const unitKind = new Int32Array(0x10000);
/** Needs the general path: combining marks, surrogates, expansions like ß→ss, characters that fold to nothing. */
export const FOLD_GENERAL = -1;
/** A horizontal space: one space, however many in a row. */
export const FOLD_SPACE = -2;
/** An invisible character: dropped. */
export const FOLD_INVISIBLE = -3;

function learnKind(code: number): number {
  let kind = FOLD_GENERAL;
  if (isInvisible(code)) kind = FOLD_INVISIBLE;
  else if (isHorizontalSpace(code)) kind = FOLD_SPACE;
  else if (!(code >= 0xd800 && code <= 0xdfff) && !isMarkUnit(code)) {
    const folded = foldCluster(String.fromCharCode(code));
    if (folded.length === 1) kind = folded.charCodeAt(0) + 1;
  }
  unitKind[code] = kind;
  return kind;
}

/**
 * How the fold treats code unit `code` on its own: the folded unit + 1 (> 0),
 * FOLD_SPACE, FOLD_INVISIBLE or FOLD_GENERAL. A character with a kind > 0 still
 * takes the general path when combining marks follow it (see marksFollow).
 * Small, so the fold loops inline it.
 */
export function foldKindOf(code: number): number {
  const kind = unitKind[code]!;
  return kind !== 0 ? kind : learnKind(code);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Length of the combining mark starting at text[j] (0 when none; BMP via the table, astral marks tested directly). */
function markAt(text: string, j: number, n: number): number {
  const code = text.charCodeAt(j);
  if (code < 0x300) return 0;
  if (isHighSurrogate(code)) {
    if (j + 1 < n && isLowSurrogate(text.charCodeAt(j + 1)) && MARK.test(text.slice(j, j + 2))) return 2;
    return 0;
  }
  return isMarkUnit(code) ? 1 : 0;
}

/**
 * Does a combining mark start at text[j]? `next` is text.charCodeAt(j) (0 past
 * the end), so the common case, a unit below U+0300, costs one comparison, and
 * the text is read again only for a surrogate pair.
 */
export function marksFollow(text: string, j: number, next: number): boolean {
  if (next < 0x300) return false;
  if (next < 0xd800 || next > 0xdbff) return isMarkUnit(next);
  return markAt(text, j, text.length) > 0;
}

/**
 * The general path: the folded form of the cluster text[start, end) (see
 * clusterEnd), possibly empty or several units. Cached, since pages repeat
 * the same few decomposed letters and Khmer syllables.
 */
export function foldClusterAt(text: string, start: number, end: number): string {
  const cluster = text.slice(start, end);
  let folded = clusterCache.get(cluster);
  if (folded === undefined) {
    if (clusterCache.size >= CLUSTER_CACHE_LIMIT) clusterCache.clear();
    folded = foldCluster(cluster);
    clusterCache.set(cluster, folded);
  }
  return folded;
}

function unitsToString(units: Uint16Array, length: number): string {
  // Chunked: fromCharCode with too many arguments overflows the stack.
  const parts: string[] = [];
  for (let k = 0; k < length; k += 8192) {
    const chunk = units.subarray(k, Math.min(k + 8192, length));
    parts.push(String.fromCharCode.apply(null, chunk as unknown as number[]));
  }
  return parts.join('');
}

/**
 * Folds `text` for matching. The same function folds the watchlist's forms, so
 * both sides agree: a term typed without diacritics matches text with them,
 * composed and decomposed (NFD) Vietnamese fold alike, invisible characters
 * inside a word ("Nam\u00ADDu") disappear instead of splitting it.
 */
export function foldText(text: string): FoldedText {
  const { units, length, map } = foldToUnits(text);
  return { folded: unitsToString(units, length), map };
}

/**
 * foldText without building the folded string. The matcher does not call it: it
 * runs the same steps in its own loop (lib/watchlist/scan-text.ts) and keeps
 * no folded copy of the page; a test holds the two to the same answers.
 */
export function foldToUnits(text: string): FoldedUnits {
  const n = text.length;
  // Folding rarely grows text (ß→ss, ﬃ→ffi); the buffers grow when it does.
  let units = new Uint16Array(n + 16);
  let starts = new Int32Array(n + 16);
  let length = 0;
  const push = (unit: number, at: number) => {
    if (length === units.length) {
      const moreUnits = new Uint16Array(length * 2 + 16);
      const moreStarts = new Int32Array(length * 2 + 16);
      moreUnits.set(units);
      moreStarts.set(starts);
      units = moreUnits;
      starts = moreStarts;
    }
    units[length] = unit;
    starts[length] = at;
    length += 1;
  };
  let lastUnit = -1;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
    const kind = foldKindOf(code);
    if (kind > 0 && !marksFollow(text, i + 1, next)) {
      lastUnit = kind - 1;
      push(lastUnit, i);
      i += 1;
    } else if (kind === FOLD_SPACE) {
      if (lastUnit !== 0x20) push((lastUnit = 0x20), i);
      i += 1;
    } else if (kind === FOLD_INVISIBLE) {
      i += 1;
    } else {
      // A cluster: one code point and the combining marks that follow it.
      const end = clusterEnd(text, i);
      const folded = foldClusterAt(text, i, end);
      for (let k = 0; k < folded.length; k++) push((lastUnit = folded.charCodeAt(k)), i);
      i = end;
    }
  }
  return { units, length, map: starts.subarray(0, length) };
}

/**
 * End of the character starting at `index` in the original text: the code
 * point and the combining marks after it, the unit foldText folds as one.
 * Computed on demand for hits, rather than stored for every character.
 */
export function clusterEnd(text: string, index: number): number {
  const n = text.length;
  if (index >= n) return n;
  let j = index + (isHighSurrogate(text.charCodeAt(index)) && index + 1 < n && isLowSurrogate(text.charCodeAt(index + 1)) ? 2 : 1);
  for (let step = j < n ? markAt(text, j, n) : 0; step > 0; step = j < n ? markAt(text, j, n) : 0) j += step;
  return j;
}

/** The original [start, end) of the folded range [foldedStart, foldedEnd), which must be non-empty. */
export function originalRange(
  text: string,
  folded: { map: Int32Array },
  foldedStart: number,
  foldedEnd: number,
): { start: number; end: number } {
  return { start: folded.map[foldedStart]!, end: clusterEnd(text, folded.map[foldedEnd - 1]!) };
}

/**
 * A watchlist form as the matcher compares it: folded like text, and trimmed,
 * so a stray space typed in the options page does not demand one in the page.
 * Line feeds become spaces here (a form is one phrase; only text keeps "\n").
 */
export function foldForm(form: string): string {
  return foldText(form.replace(/[\n\u2028\u2029]/g, ' ')).folded.trim();
}
