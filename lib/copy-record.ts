/**
 * A copy: one place a story was seen — its address, outlet and headline there,
 * who flagged it and when. A story (a FlagRecord) has one or more copies: the
 * same article on ten sites, or one article under tracking-parameter, AMP and
 * mobile addresses (those canonicalise to the same copy).
 */

/** Why a copy is in its story: the dedup rule that matched, a monitor's hand, or another monitor's merged file. */
export type CopyMatch = 'first' | 'url' | 'canonical-url' | 'title' | 'text' | 'manual' | 'imported';

export interface CopyRecord {
  id: string;
  /** The story (flag) this copy belongs to. */
  flagId: string;
  url: string;
  canonicalUrl: string;
  /** Canonicalised forms of `url` and `canonicalUrl` (lib/dedup): the exact-duplicate lookup. */
  urlKeys: string[];
  title: string;
  siteName: string;
  publishedAt: string;
  excerpt: string;
  /** Monitors who flagged this copy, first one first. */
  monitors: string[];
  firstSeenAt: number;
  lastSeenAt: number;
  timesSeen: number;
  /** Why the dedup decided this copy belongs to its story ('first' for the story's first copy). */
  matchedBy: CopyMatch;
}
