/**
 * The one dedup decision, used by flagging and import alike: is this record a
 * copy of a story already in the index, or a new story?
 */
import { type DedupInput, type RecordFeatures, asFeatures } from './record-features';
import { type IndexedRecord, StoryIndex } from './story-index';
import { hostOf } from './canonicalize-url';
import { numbersConflict, sameLead, titleSimilarity } from './similarity';

export type { DedupInput, RecordFeatures } from './record-features';

export type DedupReason = 'url' | 'canonical-url' | 'title' | 'text';

export type DedupDecision =
  | { kind: 'new' }
  | {
      kind: 'copy';
      /** The story (cluster) id the record belongs to. */
      of: string;
      /** The indexed record that matched best. */
      matched: string;
      reason: DedupReason;
      /** 0–1 strength of the evidence (1 for an identical URL). */
      score: number;
      /**
       * Other stories this record is also firmly a copy of: they were indexed
       * apart and are one story; the caller merges them into `of`.
       */
      alsoOf?: string[];
    };

/**
 * Thresholds. Wrong merges hide a story from the rebuttal team, so every rule
 * needs either URL identity or two agreeing signals (text + time, headline +
 * time + numbers). There is deliberately no "similar headline + partly shared
 * lead" rule: a follow-up ("… 7 ngư dân đã về tới An Thới") shares both with the
 * first report ("… 7 ngư dân được cứu") and must stay a story of its own.
 */
export const DEDUP_RULES = {
  /** Complete headlines this alike (Dice of tokens) are the same headline re-punctuated or re-cased. */
  titleSame: 0.9,
  /** A cut headline must cover this much of the full one, and name at least `titleMinTokens` words. */
  prefixSame: 0.7,
  titleMinTokens: 4,
  /** Another story whose headline the cut one covers this much makes the cut headline ambiguous. */
  prefixAmbiguous: 0.4,
  /** Headline-based matches must be published this close (a follow-up days later reuses the words). */
  titleWindowMs: 7 * 24 * 3600 * 1000,
  /** A reposted lead paragraph may come weeks later; identical leads weeks apart are still one article. */
  textWindowMs: 45 * 24 * 3600 * 1000,
} as const;

interface Evidence {
  entry: IndexedRecord;
  reason: DedupReason;
  score: number;
  /** Ordering: identity beats headline beats text. */
  rank: number;
  /** Came from a cut headline only: must not be ambiguous between stories. */
  prefixOnly: boolean;
}

function withinWindow(a: number, b: number, windowMs: number): boolean {
  // Unknown dates do not bound the match; the other evidence has to carry it.
  if (!Number.isFinite(a) || !Number.isFinite(b)) return true;
  return Math.abs(a - b) <= windowMs;
}

function judge(input: RecordFeatures, entry: IndexedRecord): Evidence | null {
  const other = entry.features;
  const sharesKey = (keys: readonly string[]) => keys.some((key) => input.urlKeys.includes(key));
  // 1. URL identity: the same address (visited or declared canonical) is the same article.
  if (other.urlKeys[0] !== undefined && input.urlKeys[0] === other.urlKeys[0]) {
    return { entry, reason: 'url', score: 1, rank: 0, prefixOnly: false };
  }
  if (sharesKey(other.urlKeys)) return { entry, reason: 'canonical-url', score: 1, rank: 1, prefixOnly: false };

  // Past URL identity, headlines that state different numbers are different stories.
  if (numbersConflict(input.titleNumbers, other.titleNumbers)) return null;

  const titleScore = titleSimilarity(input.title, other.title);
  const cut = input.title.truncated || other.title.truncated;
  const lead = sameLead(input.text, other.text, hostOf(input.urlKeys[0] ?? '') === hostOf(other.urlKeys[0] ?? ''));
  const nearInTime = withinWindow(input.publishedAt, other.publishedAt, DEDUP_RULES.titleWindowMs);

  // 2. Same outlet, same article slug (print view, section moves), published together.
  if (input.slugKey !== null && input.slugKey === other.slugKey && nearInTime) {
    return { entry, reason: 'url', score: 0.95, rank: 2, prefixOnly: false };
  }

  // The same lead (rule 4 below; rule 3 also uses it to confirm a cut headline).
  const sameLeadInTime = lead.same && withinWindow(input.publishedAt, other.publishedAt, DEDUP_RULES.textWindowMs);

  // 3. The same headline, published within days. A cut headline alone is weaker
  // (it may fit several stories), unless the lead confirms it.
  if (nearInTime) {
    // Two cut headlines only share a start; what follows is unknown.
    const bothCut = input.title.truncated && other.title.truncated;
    const sameHeadline = cut
      ? !bothCut &&
        titleScore >= DEDUP_RULES.prefixSame &&
        Math.min(input.title.sequence.length, other.title.sequence.length) >= DEDUP_RULES.titleMinTokens
      : titleScore >= DEDUP_RULES.titleSame;
    if (sameHeadline) return { entry, reason: 'title', score: titleScore, rank: 3, prefixOnly: cut && !sameLeadInTime };
  }
  // 4. The same lead: reposts under another headline, another script, a forum quote.
  if (sameLeadInTime) return { entry, reason: 'text', score: lead.score, rank: 4, prefixOnly: false };
  return null;
}

/** One of the two headlines is cut, and the other could be how it goes on (published close, numbers agree). */
function fitsCutHeadline(input: RecordFeatures, other: RecordFeatures): boolean {
  return (
    (input.title.truncated || other.title.truncated) &&
    withinWindow(input.publishedAt, other.publishedAt, DEDUP_RULES.titleWindowMs) &&
    !numbersConflict(input.titleNumbers, other.titleNumbers) &&
    titleSimilarity(input.title, other.title) >= DEDUP_RULES.prefixAmbiguous
  );
}

/**
 * Whether `candidate` can change findDuplicate's answer for `record`: it is
 * evidence of a copy, or it makes a cut headline ambiguous. Leaving the other
 * candidates out of the index a decision runs on cannot change the decision;
 * lib/db/dedup-index.ts does so before it reads their stories.
 */
export function canAffectDecision(record: DedupInput | RecordFeatures, candidate: RecordFeatures): boolean {
  const input = asFeatures(record);
  if (candidate.id === input.id) return false;
  return judge(input, { id: candidate.id, story: candidate.id, features: candidate }) !== null || fitsCutHeadline(input, candidate);
}

/**
 * Decides whether `input` is a copy of a story in `index`. Reads only the
 * index's candidates for this record (URL keys, headline tokens, lead
 * shingles). Pure: the caller adds the record afterwards, e.g.
 * `index.add(features, decision.kind === 'copy' ? decision.of : undefined)`.
 */
export function findDuplicate(index: StoryIndex, record: DedupInput | RecordFeatures): DedupDecision {
  const input = asFeatures(record);
  const found: Evidence[] = [];
  // Stories whose headline the input's cut headline (or theirs, the input's) could be a prefix of.
  const prefixStories = new Set<string>();
  for (const entry of index.candidateRecords(input)) {
    if (entry.id === input.id) continue;
    const evidence = judge(input, entry);
    if (evidence) found.push(evidence);
    if (fitsCutHeadline(input, entry.features)) prefixStories.add(entry.story);
  }
  // A cut headline that fits several stories ("Tàu cá Phú Quốc gặp nạn gần quần…")
  // says nothing by itself; it only counts when one story fits.
  const firm = found.filter((e) => !e.prefixOnly);
  const usable = firm.length > 0 || prefixStories.size > 1 ? firm : found;
  usable.sort((a, b) => a.rank - b.rank || b.score - a.score);
  const best = usable[0];
  if (!best) return { kind: 'new' };
  // Firm evidence for more than one story: the record bridges copies that were
  // indexed apart (a print view without a headline, a repost with another intro).
  const also = [...new Set(firm.map((e) => e.entry.story))].filter((story) => story !== best.entry.story);
  return {
    kind: 'copy',
    of: best.entry.story,
    matched: best.entry.id,
    reason: best.reason,
    score: Math.round(best.score * 1000) / 1000,
    ...(also.length > 0 ? { alsoOf: also } : {}),
  };
}

/** Decides, indexes and merges bridged stories in one step: how import (and the eval) feed records in order. */
export function addWithDedup(index: StoryIndex, record: DedupInput | RecordFeatures): DedupDecision {
  const features = asFeatures(record);
  const decision = findDuplicate(index, features);
  index.add(features, decision.kind === 'copy' ? decision.of : undefined);
  if (decision.kind === 'copy') for (const story of decision.alsoOf ?? []) index.mergeStories(story, decision.of);
  return decision;
}

export { StoryIndex };
