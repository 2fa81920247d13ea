/**
 * Matches page text against the watchlist for the highlighters in the tabs.
 * The watchlist is compiled once and kept while the service worker lives (and
 * recompiled when the monitor edits it), so a page pays for neither the
 * compilation nor a cold matcher on its own main thread. Answers with hits
 * carry the groups' colours too, so a page without hits never reads them.
 */
import { isWatchingHost, loadWatchlistSettings, watchTermsOf, WATCHLIST_STORAGE_KEY, type WatchGroupSetting } from '@/lib/settings/watchlist-settings';
import { compileWatchlist, findTermHits, mayContainTerms, type CompiledWatchlist, type TermHit } from '@/lib/watchlist/match-terms';
import type { WatchHitGroup, WatchMatchResponse, WatchProbeResponse } from '@/lib/watchlist-messages';

interface LoadedWatchlist {
  compiled: CompiledWatchlist;
  groups: readonly WatchGroupSetting[];
}

let loaded: Promise<LoadedWatchlist> | undefined;

export function setupWatchMatcher(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && WATCHLIST_STORAGE_KEY in changes) loaded = undefined;
  });
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

function loadWatchlist(): Promise<LoadedWatchlist> {
  loaded ??= loadWatchlistSettings(browser.storage.local).then((settings) => ({
    compiled: compileWatchlist(watchTermsOf(settings)),
    groups: settings.groups,
  }));
  return loaded;
}

/**
 * A page's first question: is the watchlist on for it, and could any term be
 * in its whole text? The switches are read here, fresh for every page, so the
 * page itself reads no storage before it asks (and a switch just flipped
 * counts at once, whichever of the page's and this worker's change events
 * comes first).
 */
export async function probeWatchTerms(text: string, hostname: string): Promise<WatchProbeResponse> {
  const settings = await loadWatchlistSettings(browser.storage.local);
  if (!isWatchingHost(settings, hostname)) return { watching: false, maybe: false };
  const { compiled } = await loadWatchlist();
  return { watching: true, maybe: mayContainTerms(compiled, text) };
}

export async function matchWatchTerms(text: string): Promise<WatchMatchResponse> {
  const { compiled, groups } = await loadWatchlist();
  const hits = findTermHits(compiled, text);
  return hits.length === 0 ? { hits } : { hits, groups: hitGroups(groups, hits) };
}
