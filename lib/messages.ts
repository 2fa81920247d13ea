/**
 * The message contract between Canh Tin's contexts, validated at the boundary.
 * Every message the background receives is parsed here first: extension pages
 * are trusted to ask, but their payloads are still checked, and whatever a web
 * page returns from an injected script is untrusted.
 */
import { MAX_CATEGORY_ID } from './categories';
import { FLAG_STATUSES } from './flag-record';
import { z } from './schema';
import type { ScreenshotProblem } from './evidence/evidence-record';
import { MAX_MULTI_LINE, MAX_SINGLE_LINE } from './text/clean-text';

/** Largest readable-text snapshot accepted from a page. */
export const MAX_ARTICLE_TEXT = 250_000;

/** Extension page → background: flag the page open in a tab (documented in the README). */
export const flagTabRequestSchema = z.object({
  type: z.literal('flag-tab'),
  tabId: z.number().int().nonnegative(),
  /** Set by Canh Tin's own popup button; outside tools leave it out. */
  via: z.literal('popup').optional(),
});
export type FlagTabRequest = z.infer<typeof flagTabRequestSchema>;

/** Background → extension page: the answer to `flag-tab`. Keep this shape stable. */
export type FlagTabResponse =
  | {
      ok: true;
      id: string;
      duplicateOf?: string;
      /** Set when the flag was stored without a screenshot, and why. */
      screenshotProblem?: ScreenshotProblem;
    }
  | { ok: false; error: string };

/** Popup → background: the monitor's severity, tags or note on a story, sent as they type (lib/db/review-fields.ts). */
export const editReviewRequestSchema = z.object({
  type: z.literal('edit-review'),
  id: z.string().min(1).max(100),
  changes: z.object({
    severity: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]).optional(),
    tags: z.array(z.string().max(MAX_SINGLE_LINE)).max(100).optional(),
    note: z.string().max(MAX_MULTI_LINE).optional(),
  }),
});
export type EditReviewRequest = z.infer<typeof editReviewRequestSchema>;

/** Background → page: the answer to `edit-review`; `missing-flag` when the story was deleted meanwhile. */
export type EditReviewResponse = { ok: true } | { ok: false; error: string };

/**
 * Popup → background: status and/or category of one or more stories (a choice,
 * a bulk change, or its undo), written in one transaction (setFlagFields).
 */
export const setFieldsRequestSchema = z.object({
  type: z.literal('set-fields'),
  edits: z
    .array(
      z.object({
        id: z.string().min(1).max(100),
        status: z.enum(FLAG_STATUSES).optional(),
        category: z.string().max(MAX_CATEGORY_ID).optional(),
        // Written only where the story still has these (the undo of a bulk change).
        ifStill: z.object({ status: z.enum(FLAG_STATUSES).optional(), category: z.string().max(MAX_CATEGORY_ID).optional() }).optional(),
      }),
    )
    .min(1)
    .max(10_000),
});
export type SetFieldsRequest = z.infer<typeof setFieldsRequestSchema>;

/** Background → page: what the edited stories had before (the undo), or why nothing was written. */
export type SetFieldsResponse = { ok: true; before: SetFieldsRequest['edits'] } | { ok: false; error: string };

/** Every message the background accepts from extension pages. */
export const backgroundRequestSchema = z.discriminatedUnion('type', [flagTabRequestSchema, editReviewRequestSchema, setFieldsRequestSchema]);
export type BackgroundRequest = z.infer<typeof backgroundRequestSchema>;

// Page data is cut generously here (never dropped: a long selection still gives its quote); the record
// builder trims it to the stored limits. Anything but text becomes empty text.
const pageText = (max: number) =>
  z
    .string()
    .transform((value) => value.slice(0, max * 4))
    .catch('');

/** Injected script (untrusted page) → background: what the page says about itself. */
export const pageMetadataSchema = z.object({
  url: z.string().max(MAX_SINGLE_LINE * 8),
  canonicalUrl: pageText(MAX_SINGLE_LINE * 2),
  title: pageText(MAX_SINGLE_LINE),
  siteName: pageText(MAX_SINGLE_LINE),
  description: pageText(MAX_MULTI_LINE),
  lang: pageText(MAX_SINGLE_LINE),
  selection: pageText(MAX_MULTI_LINE),
  author: pageText(MAX_SINGLE_LINE),
  publishedAt: pageText(64),
  publishedAtZoneAssumed: z.boolean().catch(false),
  modifiedAt: pageText(64),
  // The evidence snapshot: the extractor caps article text at 200k characters.
  text: z
    .string()
    .transform((value) => value.slice(0, MAX_ARTICLE_TEXT))
    .catch(''),
  excerpt: pageText(MAX_MULTI_LINE),
  wordCount: z.number().int().nonnegative().max(10_000_000).catch(0),
});

export function parseBackgroundRequest(message: unknown): BackgroundRequest | null {
  const parsed = backgroundRequestSchema.safeParse(message);
  return parsed.success ? parsed.data : null;
}
