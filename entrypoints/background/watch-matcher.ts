/**
 * Matches page text against the watchlist for the highlighters in the tabs.
 * The watchlist is compiled once and kept while the service worker lives (and
 * recompiled when the monitor edits it), so a page pays for neither the
 * compilation nor a cold matcher on its own main thread.
 */
import { loadWatchlistSettings, watchTermsOf, WATCHLIST_STORAGE_KEY } from '@/lib/settings/watchlist-settings';
import { compileWatchlist, findTermHits, type CompiledWatchlist } from '@/lib/watchlist/match-terms';
import type { WatchMatchResponse } from '@/lib/watchlist-messages';

let compiled: Promise<CompiledWatchlist> | undefined;

export function setupWatchMatcher(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && WATCHLIST_STORAGE_KEY in changes) compiled = undefined;
  });
}

export async function matchWatchTerms(text: string): Promise<WatchMatchResponse> {
  compiled ??= loadWatchlistSettings(browser.storage.local).then((settings) => compileWatchlist(watchTermsOf(settings)));
  return { hits: findTermHits(await compiled, text) };
}
