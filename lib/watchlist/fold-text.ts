/**
 * Folds text for watchlist matching (the fixtures README's rules: NFC, invisible
 * characters removed, Latin combining marks dropped, đ→d, casefold) and keeps a
 * map from every folded UTF-16 index back to the original text, so a hit found
 * in folded text lands on the right characters of the page.
 */

/** Folded text as code units, before (or instead of) building a string: what the matcher scans. */
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

/**
 * Single code units fold through this table (value = folded unit + 1;
 * -1 = folds to nothing, -2 = folds to several units), so the common case
 * (precomposed Vietnamese, CJK, Khmer) never allocates a string.
 */
const unitTable = new Int32Array(0x10000);
/** Multi-unit clusters (decomposed Vietnamese, astral characters), by their source text. */
const clusterCache = new Map<string, string>();
const CLUSTER_CACHE_LIMIT = 20_000;

function foldUnit(code: number): number {
  let value = unitTable[code]!;
  if (value === 0) {
    const folded = foldCluster(String.fromCharCode(code));
    value = folded.length === 0 ? -1 : folded.length === 1 ? folded.charCodeAt(0) + 1 : -2;
    unitTable[code] = value;
  }
  return value;
}

/**
 * The fold loop's first question for every character, answered once per code
 * unit: folded unit + 1 when it folds to exactly one unit by itself; -1 when it
 * needs the general path (spaces, invisible characters, marks, surrogates,
 * expansions like ß→ss); 0 not yet known.
 */
const simpleTable = new Int32Array(0x10000);

function learnSimple(code: number): number {
  let value = -1;
  if (!(code >= 0xd800 && code <= 0xdfff) && !isInvisible(code) && !isHorizontalSpace(code) && !isMarkUnit(code)) {
    const folded = foldUnit(code);
    if (folded > 0) value = folded;
  }
  simpleTable[code] = value;
  return value;
}

function foldCachedCluster(cluster: string): string {
  let folded = clusterCache.get(cluster);
  if (folded === undefined) {
    if (clusterCache.size >= CLUSTER_CACHE_LIMIT) clusterCache.clear();
    folded = foldCluster(cluster);
    clusterCache.set(cluster, folded);
  }
  return folded;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Does a combining mark start at text[j]? (BMP via the table; astral marks are rare, tested directly.) */
function markAt(text: string, j: number, n: number): number {
  const code = text.charCodeAt(j);
  if (code < 0x300) return 0;
  if (isHighSurrogate(code)) {
    if (j + 1 < n && isLowSurrogate(text.charCodeAt(j + 1)) && MARK.test(text.slice(j, j + 2))) return 2;
    return 0;
  }
  return isMarkUnit(code) ? 1 : 0;
}

/** Twice the room; a plain function, so the fold loop's buffers stay locals (a closure would box them). */
function grow(units: Uint16Array, starts: Int32Array) {
  const capacity = units.length * 2 + 16;
  const moreUnits = new Uint16Array(capacity);
  const moreStarts = new Int32Array(capacity);
  moreUnits.set(units);
  moreStarts.set(starts);
  return { units: moreUnits, starts: moreStarts, capacity };
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

/** foldText without building the folded string (a sixth of the time on a long page). */
export function foldToUnits(text: string): FoldedUnits {
  const n = text.length;
  // Folding rarely grows text (ß→ss, ﬃ→ffi); the buffers grow when it does.
  let capacity = n + 16;
  let units = new Uint16Array(capacity);
  let starts = new Int32Array(capacity);
  let length = 0;
  let lastUnit = -1;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
    // Fast path: a character that folds to one unit on its own, not followed by a combining mark (all are ≥ U+0300).
    let simple = simpleTable[code]!;
    if (simple === 0) simple = learnSimple(code);
    if (simple > 0 && (next < 0x300 || markAt(text, i + 1, n) === 0)) {
      if (length === capacity) ({ units, starts, capacity } = grow(units, starts));
      units[length] = simple - 1;
      starts[length] = i;
      length += 1;
      lastUnit = simple - 1;
      i += 1;
      continue;
    }
    if (isInvisible(code)) {
      i += 1;
      continue;
    }
    if (isHorizontalSpace(code)) {
      if (lastUnit !== 0x20) {
        if (length === capacity) ({ units, starts, capacity } = grow(units, starts));
        units[length] = 0x20;
        starts[length] = i;
        length += 1;
        lastUnit = 0x20;
      }
      i += 1;
      continue;
    }
    // A cluster: one code point and the combining marks that follow it.
    let j = i + (isHighSurrogate(code) && isLowSurrogate(next) ? 2 : 1);
    for (let step = j < n ? markAt(text, j, n) : 0; step > 0; step = j < n ? markAt(text, j, n) : 0) j += step;
    if (j === i + 1) {
      const value = foldUnit(code);
      if (value > 0) {
        if (length === capacity) ({ units, starts, capacity } = grow(units, starts));
        units[length] = value - 1;
        starts[length] = i;
        length += 1;
        lastUnit = value - 1;
        i = j;
        continue;
      }
      if (value === -1) {
        i = j;
        continue;
      }
    }
    const folded = j === i + 1 ? foldCluster(text.slice(i, j)) : foldCachedCluster(text.slice(i, j));
    for (let k = 0; k < folded.length; k++) {
      if (length === capacity) ({ units, starts, capacity } = grow(units, starts));
      lastUnit = folded.charCodeAt(k);
      units[length] = lastUnit;
      starts[length] = i;
      length += 1;
    }
    i = j;
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
