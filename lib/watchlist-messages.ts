/**
 * Messages between the extension and the watchlist highlighter (content
 * script). The content script is in an untrusted page, so what it sends is
 * validated; what it receives comes only from Canh Tin itself.
 */
import { z } from './schema';
import { watchHitsSchema } from './flagging/watch-hits';

/** Extension → content script: what did you find? Answered with WatchPageHits. */
export const WATCH_GET_HITS = 'watch-get-hits';
/** Extension → content script: scroll to the next occurrence of `term`. Answered with `{ ok }`. */
export const WATCH_JUMP = 'watch-jump';
/** Background → content script: the watchlist or its switches changed; ask again. No answer. */
export const WATCH_RESTART = 'watch-restart';
/** Content script → background: the total number of hits on the page, for the toolbar badge. */
export const WATCH_HIT_COUNT = 'watch-hit-count';

export const watchRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal(WATCH_GET_HITS) }),
  z.object({ type: z.literal(WATCH_JUMP), term: z.string().max(200) }),
  z.object({ type: z.literal(WATCH_RESTART) }),
]);
export type WatchRequest = z.infer<typeof watchRequestSchema>;

export const watchPageHitsSchema = watchHitsSchema.extend({
  host: z.string().max(253),
  /** false when highlighting is off for this site or globally. */
  active: z.boolean(),
  terms: z
    .array(z.object({ term: z.string().max(200), count: z.number().int().nonnegative(), category: z.string().max(60), color: z.string().max(20) }))
    .max(500),
});
export type WatchPageHits = z.infer<typeof watchPageHitsSchema>;

export const watchHitCountSchema = z.object({
  type: z.literal(WATCH_HIT_COUNT),
  total: z.number().int().nonnegative().max(1_000_000),
});

/**
 * Content script → background: find the watchlist's terms in this page text.
 * Matching runs in the background, where the compiled watchlist stays warm
 * across pages, so each page's main thread only walks its DOM and paints.
 */
export const WATCH_MATCH = 'watch-match';

/** The most text one message carries: a very long forum thread is a few MB; anything past 8M characters is not a page. */
export const WATCH_TEXT_LIMIT = 8_000_000;

export const watchMatchRequestSchema = z.object({
  type: z.literal(WATCH_MATCH),
  text: z.string().max(WATCH_TEXT_LIMIT),
});

/**
 * Content script → background, first thing on a page: is the watchlist on for
 * this page (the background reads the switches, for the sender's host), and
 * could its terms be in this text at all? The text is the page body's whole
 * textContent, which costs the page one DOM call; on most pages the answer is
 * no, and the page is done without reading storage or walking its text nodes.
 * A yes is followed by a WATCH_MATCH of the nodes' text.
 */
export const WATCH_PROBE = 'watch-probe';

export const watchProbeRequestSchema = z.object({
  type: z.literal(WATCH_PROBE),
  text: z.string().max(WATCH_TEXT_LIMIT),
  /** False when the page's text was over WATCH_TEXT_LIMIT and not sent: the answer is then "look closer". */
  complete: z.boolean(),
});

export const watchProbeResponseSchema = z.object({ watching: z.boolean(), maybe: z.boolean() });
export type WatchProbeResponse = z.infer<typeof watchProbeResponseSchema>;

/** A watchlist group as the highlighter paints it, with the answer's hit terms that are its own. */
export const watchHitGroupSchema = z.object({
  id: z.string().min(1).max(80),
  // Becomes CSS text in the page: only ever a plain hex colour.
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  category: z.string().max(60),
  terms: z.array(z.string().max(200)).max(2000),
});
export type WatchHitGroup = z.infer<typeof watchHitGroupSchema>;

export const watchMatchResponseSchema = z.object({
  hits: z
    .array(z.object({ term: z.string().max(200), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }))
    .max(1_000_000),
  /**
   * Only when there are hits: every group of the watchlist, in its order, each
   * with the hit terms it paints (a term belongs to the first group that lists
   * it). The colours come from the same settings as the hits, and a page
   * without hits, most pages, never reads or receives them.
   */
  groups: z.array(watchHitGroupSchema).max(200).optional(),
});
export type WatchMatchResponse = z.infer<typeof watchMatchResponseSchema>;
