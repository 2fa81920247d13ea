/**
 * Matches page text against the watchlist for the highlighters in the tabs.
 * Every question reads the stored settings afresh (a switch flipped or a term
 * added counts for the very next page, whichever of the page's and this
 * worker's change events comes first); the compiled watchlist is kept while
 * the worker lives and rebuilt only when the terms read differ, so a page pays
 * for neither the compilation nor a cold matcher on its own main thread.
 * Answers with hits carry the groups' colours too, so a page without hits
 * never reads them.
 */
import { isWatchingHost, loadWatchlistSettings, watchTermsOf, type WatchGroupSetting } from '@/lib/settings/watchlist-settings';
import { compileWatchlist, findTermHits, mayContainTerms, type CompiledWatchlist, type TermHit } from '@/lib/watchlist/match-terms';
import type { WatchHitGroup, WatchMatchResponse, WatchProbeResponse } from '@/lib/watchlist-messages';

interface CompiledGroups {
  /** The groups as read, as JSON: the cache's key. */
  key: string;
  compiled: CompiledWatchlist;
  groups: readonly WatchGroupSetting[];
}

let cached: CompiledGroups | undefined;

/** The watchlist as stored now, if it is on for `hostname`: its switches read fresh, its automaton from the cache when the terms are unchanged. */
async function watchlistFor(hostname: string): Promise<CompiledGroups | undefined> {
  const settings = await loadWatchlistSettings(browser.storage.local);
  if (!isWatchingHost(settings, hostname)) return undefined;
  const key = JSON.stringify(settings.groups);
  if (cached?.key !== key) cached = { key, compiled: compileWatchlist(watchTermsOf(settings)), groups: settings.groups };
  return cached;
}

/**
 * Every group, in watchlist order, with the hit terms it paints: a term belongs
 * to the first group that lists it, as in watchTermsOf's order.
 */
export function hitGroups(groups: readonly WatchGroupSetting[], hits: readonly TermHit[]): WatchHitGroup[] {
  const unassigned = new Set(hits.map((hit) => hit.term));
  return groups.map((group) => {
    const terms: string[] = [];
    for (const { term } of group.terms) {
      if (unassigned.delete(term)) terms.push(term);
    }
    return { id: group.id, color: group.color, category: group.category, terms };
  });
}

/**
 * A page's first question: is the watchlist on for it, and could any term be
 * in its whole text? `complete` is false when the page had more text than one
 * message carries: then only a closer look can tell.
 */
export async function probeWatchTerms(text: string, hostname: string, complete = true): Promise<WatchProbeResponse> {
  const watchlist = await watchlistFor(hostname);
  if (!watchlist) return { watching: false, maybe: false };
  return { watching: true, maybe: !complete || mayContainTerms(watchlist.compiled, text) };
}

/** The hits in a page's text; none where the watchlist is off (whatever the page believes). */
export async function matchWatchTerms(text: string, hostname: string): Promise<WatchMatchResponse> {
  const watchlist = await watchlistFor(hostname);
  if (!watchlist) return { hits: [] };
  const hits = findTermHits(watchlist.compiled, text);
  return hits.length === 0 ? { hits } : { hits, groups: hitGroups(watchlist.groups, hits) };
}
