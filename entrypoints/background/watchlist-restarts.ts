/**
 * Tells the highlighter in every tab when the watchlist or one of its switches
 * changes, so open pages follow at once (a term added shows, a site switched
 * off loses its highlights). The pages could each watch storage themselves,
 * but that listener cost every page about 0.3 ms of main thread on load, for
 * an event that comes a few times a week: one message from here costs pages
 * nothing until it is sent.
 */
import { WATCHLIST_STORAGE_KEY } from '@/lib/settings/watchlist-settings';
import { WATCH_RESTART, type WatchRequest } from '@/lib/watchlist-messages';

/** Sends WATCH_RESTART to the top frame of every tab; tabs without our highlighter (browser pages, pages opened before the extension) just do not answer. */
export async function restartHighlighters(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, { type: WATCH_RESTART } satisfies WatchRequest, { frameId: 0 }).catch(() => undefined))),
  );
}

export function setupWatchlistRestarts(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && WATCHLIST_STORAGE_KEY in changes) void restartHighlighters();
  });
}
