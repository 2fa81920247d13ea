/**
 * What the watchlist highlighter reports about a tab, as the flagging path
 * uses it: the terms seen (most frequent first) and the category they point to.
 */
import { z } from '../schema';
import { isCategoryId } from '../categories';

/** Content script (untrusted page context) → extension: hit counts per term. */
export const watchHitsSchema = z.object({
  terms: z
    .array(
      z.object({
        term: z.string().max(200),
        count: z.number().int().nonnegative(),
        /** The category of the term's watchlist group, '' when the group has none. */
        category: z.string().max(60),
      }),
    )
    .max(500),
});
export type WatchHits = z.infer<typeof watchHitsSchema>;

/** The category whose terms were seen most often on the page; '' when none has one. */
export function suggestCategory(hits: WatchHits): string {
  const totals = new Map<string, number>();
  for (const { category, count } of hits.terms) {
    if (isCategoryId(category)) totals.set(category, (totals.get(category) ?? 0) + count);
  }
  let best = '';
  let bestCount = 0;
  for (const [category, count] of totals) {
    if (count > bestCount) [best, bestCount] = [category, count];
  }
  return best;
}

export function summariseWatchHits(raw: unknown): { category: string; terms: string[] } | undefined {
  const parsed = watchHitsSchema.safeParse(raw);
  if (!parsed.success || parsed.data.terms.length === 0) return undefined;
  const terms = [...parsed.data.terms].sort((a, b) => b.count - a.count).map((hit) => hit.term);
  return { category: suggestCategory(parsed.data), terms };
}
