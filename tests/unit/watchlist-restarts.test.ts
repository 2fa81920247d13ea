// Open pages follow a watchlist edit: the background tells every tab's highlighter to ask again.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupWatchlistRestarts } from '@/entrypoints/background/watchlist-restarts';
import { defaultWatchlistSettings, saveWatchlistSettings } from '@/lib/settings/watchlist-settings';
import { WATCH_RESTART } from '@/lib/watchlist-messages';

describe('restarting the highlighters', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  async function tabsTold(write: () => Promise<void>): Promise<unknown[][]> {
    const first = await fakeBrowser.tabs.create({ url: 'https://news.example/a' });
    const second = await fakeBrowser.tabs.create({ url: 'chrome://settings' });
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (tabId: number) => {
      // A tab without the highlighter (a browser page) has no receiving end.
      if (tabId === second.id) throw new Error('Could not establish connection. Receiving end does not exist.');
      return undefined;
    });
    setupWatchlistRestarts();
    await write();
    // The listener works in the background of the write: give it time to reach every tab.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(first.id).not.toBe(second.id);
    return sent.mock.calls;
  }

  it('tells the top frame of every tab when the watchlist is saved, whatever a tab answers', async () => {
    const calls = await tabsTold(() => saveWatchlistSettings(fakeBrowser.storage.local, { ...defaultWatchlistSettings(), disabledHosts: ['news.example'] }));
    const tabIds = (await fakeBrowser.tabs.query({})).map((tab) => tab.id);
    expect(tabIds.length).toBeGreaterThanOrEqual(2);
    expect(calls.map((call) => call[0])).toEqual(tabIds);
    for (const call of calls) expect(call.slice(1)).toEqual([{ type: WATCH_RESTART }, { frameId: 0 }]);
  });

  it('leaves the pages alone when something else is stored', async () => {
    const calls = await tabsTold(() => fakeBrowser.storage.local.set({ 'other-setting': 1 }));
    expect(calls).toEqual([]);
  });

  it('reads the watchlist from local storage only: the same key elsewhere is not it', async () => {
    const calls = await tabsTold(() => saveWatchlistSettings(fakeBrowser.storage.sync, defaultWatchlistSettings()));
    expect(calls).toEqual([]);
  });
});
