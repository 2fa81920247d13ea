/**
 * The persistent form of the dedup candidate index: the keys a copy is filed
 * under in the database's multiEntry index (the signals StoryIndex uses:
 * article slug, the headline and its word pairs, sampled lead shingles), its
 * precomputed features, and the ranking that turns the posting lists read for
 * a new record into a few candidates. Pure: lib/db/dedup-index.ts does the I/O.
 *
 * Changing what goes into keys or features needs a schema version whose
 * upgrade refills the index table (see fillDedupIndex in lib/db/schema.ts).
 */
import { type DedupInput, type RecordFeatures, asFeatures } from './record-features';
import { fnv1a, titleNumbers } from './similarity';
import { sampledShingles } from './story-index';

/** Key prefixes keep the kinds apart in one index: a word can never collide with a shingle hash. */
export const KEY_KINDS = {
  slug: 's:',
  /** The whole (complete) headline, hashed: the usual repost keeps it word for word. */
  headline: 'h:',
  /** Two adjacent headline tokens (one token for a one-word headline). */
  titlePair: 'p:',
  shingle: 'g:',
} as const;

/**
 * A key filed under more copies than this is boilerplate (a common word pair,
 * "theo thông tin từ") and is skipped: it cannot tell stories apart, and
 * reading its whole posting list would make the lookup grow with the database.
 * Headlines are keyed by word pairs, not words: Vietnamese syllables such as
 * "tàu" or "cá" are each in thousands of headlines, while a copy shares rare
 * pairs with its story even when all its words are common. The in-memory index
 * reads up to 1500 postings per word; here each probe stops after a few dozen
 * (at 100k copies, most of what a decision reads is the few lists over their cap).
 */
export const POSTING_CAPS: Readonly<Record<string, number>> = {
  [KEY_KINDS.slug]: 16,
  // Whole headlines rarely repeat; when every pair of a short, generic headline is
  // common ("tàu cá", "trường sa" in a province's feed), this key still finds its reposts.
  [KEY_KINDS.headline]: 32,
  [KEY_KINDS.titlePair]: 32,
  [KEY_KINDS.shingle]: 48,
};

/**
 * Best candidates kept per signal (headline, lead). Fewer than StoryIndex's 40:
 * each one is a row read, and a copy ranks near the top of either signal.
 */
export const CANDIDATES_PER_SIGNAL = 16;

/** RecordFeatures in a structured-clone-friendly shape (no NaN, no class instances but a typed array). */
export interface StoredFeatures {
  urlKeys: string[];
  slugKey: string | null;
  title: string[];
  truncated: boolean;
  /** Name-like tail tokens (TitleTokens.tail); 0 when none. */
  tail: number;
  /** Epoch ms, null when unknown. */
  publishedAt: number | null;
  /** Every lead shingle (the judge compares all of them; only a sample is a key). */
  shingles: Uint32Array;
  numbers: string[];
  /** The lead's first paragraph alone (TextFeatures.first), when the lead runs on past it. */
  first?: { shingles: Uint32Array; numbers: string[] };
}

/** One copy in the persistent dedup index: its id (the copy's), its keys, its features. */
export interface DedupIndexRow {
  id: string;
  keys: string[];
  features: StoredFeatures;
}

/** A key read from the index and the copy ids filed under it. */
export interface Postings {
  key: string;
  ids: readonly string[];
}

export function postingCap(key: string): number {
  return POSTING_CAPS[key.slice(0, 2)] ?? 0;
}

/** Pairs starting every `step` tokens, and always the last pair: with step 2 every token is still in one. */
function titleKeys(tokens: readonly string[], step: 1 | 2): string[] {
  if (tokens.length === 1) return [`${KEY_KINDS.titlePair}${tokens[0]}`];
  const pair = (i: number) => `${KEY_KINDS.titlePair}${tokens[i]} ${tokens[i + 1]}`;
  const keys: string[] = [];
  for (let i = 0; i + 1 < tokens.length; i += step) keys.push(pair(i));
  if (tokens.length > 1 && (tokens.length - 2) % step !== 0) keys.push(pair(tokens.length - 2));
  return keys;
}

/** The complete headline, and without a name-like tail (an outlet not recognised as one). Cut ones have none: two cut headlines never match. */
function headlineKeys(features: RecordFeatures): string[] {
  const { sequence, truncated, tail } = features.title;
  if (truncated || sequence.length === 0) return [];
  const whole = (tokens: readonly string[]) => `${KEY_KINDS.headline}${fnv1a(tokens.join(' ')).toString(36)}`;
  return tail ? [whole(sequence), whole(sequence.slice(0, -tail))] : [whole(sequence)];
}

function keysOf(features: RecordFeatures, titleTokens: readonly string[], pairStep: 1 | 2): string[] {
  const keys = features.slugKey ? [`${KEY_KINDS.slug}${features.slugKey}`] : [];
  keys.push(...headlineKeys(features), ...titleKeys(titleTokens, pairStep));
  for (const hash of sampledShingles(features.text.shingles)) keys.push(`${KEY_KINDS.shingle}${hash.toString(36)}`);
  return [...new Set(keys)];
}

/** Keys a copy is filed under: every headline pair (with a cut last word too, as StoryIndex files it). */
export function indexKeys(input: DedupInput | RecordFeatures): string[] {
  const features = asFeatures(input);
  return keysOf(features, features.title.sequence, 1);
}

/** Headline tokens a lookup may use: a cut last word is not a word of the full headline. */
function completeTokens(features: RecordFeatures): readonly string[] {
  const sequence = features.title.sequence;
  return features.title.truncated ? sequence.slice(0, -1) : sequence;
}

/**
 * Keys to look a new record up by. Every other headline pair is enough: a copy
 * is filed under all its pairs, so it shares each of these, and the reads are
 * what a decision at 100k copies mostly costs. See fallbackProbeKeys.
 */
export function probeKeys(input: DedupInput | RecordFeatures): string[] {
  const features = asFeatures(input);
  return keysOf(features, completeTokens(features), 2);
}

/**
 * The headline pairs probeKeys skipped, to read when all of its headline keys
 * were boilerplate (a short, cut headline of common words): then the others
 * may still be rare enough to find its story.
 */
export function fallbackProbeKeys(input: DedupInput | RecordFeatures): string[] {
  const features = asFeatures(input);
  const tokens = completeTokens(features);
  const probed = new Set(titleKeys(tokens, 2));
  return titleKeys(tokens, 1).filter((key) => !probed.has(key));
}

/** Whether a key says something about the headline (so its absence calls for fallbackProbeKeys). */
export function isHeadlineKey(key: string): boolean {
  return key.startsWith(KEY_KINDS.titlePair) || key.startsWith(KEY_KINDS.headline);
}

export function storeFeatures(features: RecordFeatures): StoredFeatures {
  return {
    urlKeys: features.urlKeys,
    slugKey: features.slugKey,
    title: features.title.sequence,
    truncated: features.title.truncated,
    tail: features.title.tail ?? 0,
    publishedAt: Number.isFinite(features.publishedAt) ? features.publishedAt : null,
    shingles: features.text.shingles,
    numbers: features.text.numbers,
    ...(features.text.first ? { first: features.text.first } : {}),
  };
}

/** The features back, without normalising any text again (that is what made a rebuild slow). */
export function restoreFeatures(id: string, stored: StoredFeatures): RecordFeatures {
  const title = { sequence: stored.title, truncated: stored.truncated, ...(stored.tail > 0 ? { tail: stored.tail } : {}) };
  return {
    kind: 'dedup-features',
    id,
    urlKeys: stored.urlKeys,
    slugKey: stored.slugKey,
    title,
    titleNumbers: titleNumbers(title),
    publishedAt: stored.publishedAt ?? Number.NaN,
    text: { shingles: stored.shingles, numbers: stored.numbers, ...(stored.first ? { first: stored.first } : {}) },
  };
}

/** The index row of one copy, from the same fields the decision reads. */
export function dedupIndexRow(input: DedupInput | RecordFeatures): DedupIndexRow {
  const features = asFeatures(input);
  return { id: features.id, keys: indexKeys(features), features: storeFeatures(features) };
}

/**
 * The ids worth judging: every copy sharing the slug, and the best copies by
 * shared headline keys and by shared lead shingles, `limit` of each. As in
 * StoryIndex, ids sharing fewer than half the best count are not candidates.
 * Posting lists over their cap must already be left out by the caller.
 */
export function rankCandidates(postings: Iterable<Postings>, limit = CANDIDATES_PER_SIGNAL): string[] {
  const chosen = new Set<string>();
  const byTitle = new Map<string, number>();
  const byText = new Map<string, number>();
  for (const { key, ids } of postings) {
    if (key.startsWith(KEY_KINDS.slug)) {
      for (const id of ids) chosen.add(id);
      continue;
    }
    const counts = key.startsWith(KEY_KINDS.shingle) ? byText : byTitle;
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  for (const id of bestCounts(byTitle, limit)) chosen.add(id);
  for (const id of bestCounts(byText, limit)) chosen.add(id);
  return [...chosen];
}

function bestCounts(counts: ReadonlyMap<string, number>, limit: number): string[] {
  let max = 0;
  for (const count of counts.values()) max = Math.max(max, count);
  const floor = Math.max(1, Math.floor(max / 2));
  const kept: Array<[string, number]> = [];
  for (const entry of counts) if (entry[1] >= floor) kept.push(entry);
  // Ties broken by id so that the same database always gives the same candidates.
  kept.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return kept.slice(0, limit).map(([id]) => id);
}
