/**
 * Similarity measures for candidate pairs: headline tokens (with truncation as a
 * prefix match and numbers that must agree) and lead-text shingles.
 */
import { canonicalNumber, clusters, foldText, isNumberToken, isUnspacedScript, splitWords } from './fold-text';
import { TRUNCATION_MARK } from './normalize-title';

/** A normalised headline cut into comparable tokens. */
export interface TitleTokens {
  /** Tokens in headline order: words, or character bigrams for unspaced scripts. */
  sequence: string[];
  truncated: boolean;
  /** Tokens at the end that may be an unrecognised outlet name (see TitleParts.nameLikeTailWords); 0 when none. */
  tail?: number;
}

/** Character bigrams of an unspaced run; a one-character run is its own token. */
function bigrams(run: string): string[] {
  const chars = clusters(run);
  if (chars.length < 2) return chars;
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) grams.push(`${chars[i]}${chars[i + 1]}`);
  return grams;
}

/** Tokens of a string produced by normalizeTitle; `tailWords` from TitleParts.nameLikeTailWords. */
export function titleTokens(normalizedTitle: string, tailWords = 0): TitleTokens {
  const truncated = normalizedTitle.endsWith(TRUNCATION_MARK);
  const text = truncated ? normalizedTitle.slice(0, -TRUNCATION_MARK.length) : normalizedTitle;
  const sequence: string[] = [];
  for (const word of text.split(' ')) {
    if (!word) continue;
    if (isUnspacedScript(word)) sequence.push(...bigrams(word));
    else sequence.push(isNumberToken(word) ? canonicalNumber(word) : word);
  }
  // Latin tail words are one token each, so the count carries over.
  const tail = !truncated && tailWords > 0 && tailWords < sequence.length ? tailWords : 0;
  return tail > 0 ? { sequence, truncated, tail } : { sequence, truncated };
}

function diceOfSets(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const token of a) if (b.has(token)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

/**
 * How much of `full` a truncated headline covers when it is a prefix of it
 * (0 when it is not). The last token may be cut mid-word ("Trườn…").
 */
export function prefixCoverage(truncated: readonly string[], full: readonly string[]): number {
  if (truncated.length === 0 || truncated.length > full.length) return 0;
  const last = truncated.length - 1;
  for (let i = 0; i < last; i += 1) if (truncated[i] !== full[i]) return 0;
  const tail = truncated[last] ?? '';
  const against = full[last] ?? '';
  if (!against.startsWith(tail)) return 0;
  // A cut word counts as the share of it that survived.
  return (last + tail.length / Math.max(1, against.length)) / full.length;
}

/**
 * 0–1 headline similarity. Complete headlines: Dice coefficient of token sets.
 * A truncated one: the share of the other it covers as a prefix, so "Tàu cá Phú
 * Quốc gặp nạn gần quần…" scores 0.5 against a 16-word headline, not 1.
 */
export function titleSimilarity(a: TitleTokens, b: TitleTokens): number {
  if (a.sequence.length === 0 || b.sequence.length === 0) return 0;
  if (a.truncated || b.truncated) {
    const [short, long] = a.sequence.length <= b.sequence.length ? [a, b] : [b, a];
    // Only the shorter side can be the prefix; a complete shorter headline is not a cut of the longer.
    if (!short.truncated) return 0;
    return prefixCoverage(short.sequence, long.sequence);
  }
  // An unrecognised outlet name at the end of one headline ("… - Báo Người Lao
  // Động") must not cost the match; compare without it too and keep the best.
  const core = (t: TitleTokens) => new Set(t.sequence.slice(0, t.sequence.length - (t.tail ?? 0)));
  const fullA = new Set(a.sequence);
  const fullB = new Set(b.sequence);
  let best = diceOfSets(fullA, fullB);
  if (a.tail) best = Math.max(best, diceOfSets(core(a), fullB));
  if (b.tail) best = Math.max(best, diceOfSets(fullA, core(b)));
  return best;
}

/** Numbers in a headline ("7 ngư dân", "3/11", "KG-95211-TS"), without the possibly cut last token. */
export function titleNumbers(title: TitleTokens): string[] {
  const tokens = title.truncated ? title.sequence.slice(0, -1) : title.sequence;
  return [...new Set(tokens.filter(isNumberToken))];
}

/**
 * Two headlines whose numbers disagree are two stories ("7 ngư dân" / "5 ngư
 * dân", "ngày 5/11" / "ngày 6/11"), however alike the words. One side may carry
 * extra numbers (a repost adding the date); neither may lack a number the other
 * has while having its own.
 */
export function numbersConflict(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const setB = new Set(b);
  const setA = new Set(a);
  const aInB = a.every((n) => setB.has(n));
  const bInA = b.every((n) => setA.has(n));
  return !aInB && !bInA;
}

/** 32-bit FNV-1a: a stable hash for shingles, identical in Node and browsers. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Shingle hashes (sorted, unique) of a text and the numbers it states. */
export interface Shingled {
  shingles: Uint32Array;
  numbers: string[];
}

/** Lead-text features: those of the whole lead, and of its first paragraph alone when the lead runs on past it. */
export interface TextFeatures extends Shingled {
  first?: Shingled;
}

/** Texts are compared on their lead only; copies share the opening, not the whole page. */
export const MAX_TEXT_TOKENS = 120;
const SHINGLE_SIZE = 3;

/**
 * Word 3-shingles of the first MAX_TEXT_TOKENS tokens (characters for unspaced
 * scripts). The last token is dropped because captured excerpts are cut mid-word.
 */
function shingled(text: string): Shingled {
  const tokens: string[] = [];
  const folded = foldText(text.replace(/(?:\.{3,}|…)\s*$/, ''));
  for (const word of splitWords(folded)) {
    if (isUnspacedScript(word)) tokens.push(...clusters(word));
    else tokens.push(isNumberToken(word) ? canonicalNumber(word) : word);
    if (tokens.length > MAX_TEXT_TOKENS) break;
  }
  tokens.splice(MAX_TEXT_TOKENS);
  tokens.pop();
  const hashes = new Set<number>();
  for (let i = 0; i + SHINGLE_SIZE <= tokens.length; i += 1) {
    hashes.add(fnv1a(tokens.slice(i, i + SHINGLE_SIZE).join(' ')));
  }
  const shingles = Uint32Array.from(hashes).sort();
  const numbers = [...new Set(tokens.filter(isNumberToken))];
  return { shingles, numbers };
}

/** Features of a lead: one paragraph per line (an excerpt's shape); its first line is its first paragraph. */
export function textFeatures(text: string): TextFeatures {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const whole = shingled(text);
  return lines.length > 1 ? { ...whole, first: shingled(lines[0] ?? '') } : whole;
}

/** Overlap of two sorted shingle sets: shared count and containment of the smaller in the larger. */
export function shingleOverlap(a: Uint32Array, b: Uint32Array): { shared: number; containment: number } {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  const smaller = Math.min(a.length, b.length);
  return { shared, containment: smaller === 0 ? 0 : shared / smaller };
}

/**
 * Lead texts that state different numbers are different reports even with the
 * same boilerplate ("Giá vàng SJC sáng nay … 80 triệu"). Numbers of the shorter
 * lead must all appear in the longer one, which usually contains it.
 */
export function textNumbersConflict(shorter: readonly string[], longer: readonly string[]): boolean {
  if (shorter.length === 0) return false;
  const set = new Set(longer);
  const missing = shorter.filter((n) => !set.has(n)).length;
  return missing > 0 && missing / shorter.length > 0.25;
}

/** Lead rules (see sameLead). */
export const LEAD_RULES = {
  /** Share of the shorter text found in the longer, and a minimum of shared shingles. */
  contained: 0.6,
  minShared: 8,
  /** Two whole openings must also share this much of the longer one (see sameLead). */
  ofLonger: 0.5,
} as const;

/** `part` found in `text`: most of its shingles, with its numbers. */
function foundIn(part: Shingled, text: Shingled): boolean {
  const { shared } = shingleOverlap(part.shingles, text.shingles);
  return shared >= LEAD_RULES.minShared && shared >= LEAD_RULES.contained * part.shingles.length && !textNumbersConflict(part.numbers, text.numbers);
}

/**
 * Whether two leads open the same article, and how much they share (0–1). Either
 * - their first paragraphs are the same (most of the shorter in the longer, numbers agreeing): copies keep the
 *   opening paragraph. When both leads are on the same site (`sameSite`) and run on past it, they must also
 *   share text after it: a paragraph every page of a site or a series opens with (a consent notice, an
 *   investigation's standing introduction) is followed by different articles; or
 * - the first paragraph of one is found in the other's opening, and the two openings share most of the shorter
 *   and at least half of the longer: a forum post that pastes the article under a paragraph of its own, a repost
 *   without the original's standfirst. The share of the longer is what keeps a short text quoted inside another
 *   article (a rebuttal quoting the false post, a weekly round-up, a follow-up recapping a brief) from passing for
 *   it, and two short items of one outlet from matching on the closing lines they all carry.
 */
export function sameLead(a: TextFeatures, b: TextFeatures, sameSite: boolean): { same: boolean; score: number } {
  const firstA = a.first ?? a;
  const firstB = b.first ?? b;
  const firsts = shingleOverlap(firstA.shingles, firstB.shingles);
  const [shorterFirst, longerFirst] = firstA.shingles.length <= firstB.shingles.length ? [firstA, firstB] : [firstB, firstA];
  const openings = shingleOverlap(a.shingles, b.shingles);
  // A standing opening paragraph is one site's; a copy elsewhere may paste the first paragraph alone and add a line.
  const bothRunOn = sameSite && a.first !== undefined && b.first !== undefined;
  if (
    firsts.containment >= LEAD_RULES.contained &&
    firsts.shared >= LEAD_RULES.minShared &&
    !textNumbersConflict(shorterFirst.numbers, longerFirst.numbers) &&
    (!bothRunOn || openings.shared - firsts.shared >= LEAD_RULES.minShared)
  ) {
    return { same: true, score: firsts.containment };
  }
  const longer = Math.max(a.shingles.length, b.shingles.length);
  const same =
    (foundIn(firstA, b) || foundIn(firstB, a)) &&
    openings.containment >= LEAD_RULES.contained &&
    openings.shared >= LEAD_RULES.minShared &&
    openings.shared >= LEAD_RULES.ofLonger * longer;
  return { same, score: openings.containment };
}
