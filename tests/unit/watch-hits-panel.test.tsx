// The popup's highlight switches (components/WatchHitsPanel.tsx): flipped in
// quick succession, every flip is saved (none overwrites another) and each
// switch stays where the monitor put it, even when a read of the page's state
// begun before the flip comes back after it.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WatchHitsPanel } from '@/components/WatchHitsPanel';
import { loadWatchlistSettings } from '@/lib/settings/watchlist-settings';
import { useVietnameseMessages } from './support/vietnamese-messages';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const HOST = 'news.example';
const wait = (ms: number) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));

/** The page's answer: what it reports as of the settings stored when it was asked, after `delay` ms. */
function pageAnswers(delay: () => number) {
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async () => {
    const settings = await loadWatchlistSettings(browser.storage.local);
    await new Promise((resolve) => setTimeout(resolve, delay()));
    return { host: HOST, active: settings.enabled && !settings.disabledHosts.includes(HOST), terms: [{ term: 'Trường Sa', count: 3, category: '', color: '' }] };
  }) as unknown as typeof fakeBrowser.tabs.sendMessage);
}

beforeEach(async () => {
  fakeBrowser.reset();
  useVietnameseMessages();
  // The article's tab, as the popup finds it (components/article-tab.ts).
  const window: Browser.windows.Window = { id: 1, focused: true, incognito: false, alwaysOnTop: false };
  const tab = { id: 7, index: 0, windowId: 1, active: true, highlighted: true, pinned: false, incognito: false, url: `https://${HOST}/bai` } as Browser.tabs.Tab;
  vi.spyOn(fakeBrowser.windows, 'getLastFocused').mockImplementation((async () => window) as unknown as typeof fakeBrowser.windows.getLastFocused);
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => [tab]) as unknown as typeof fakeBrowser.tabs.query);
});
afterEach(() => vi.restoreAllMocks());

async function renderPanel() {
  const container = document.createElement('div');
  const root = createRoot(container);
  await act(async () => root.render(<WatchHitsPanel />));
  for (let tries = 0; tries < 50 && !container.querySelector('input'); tries += 1) await wait(20);
  const site = container.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')[0]!;
  const everywhere = container.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')[1]!;
  return { root, site, everywhere, container };
}

describe('the popup\'s highlight switches', () => {
  it('keeps a switch where it was put when a read begun before the flip comes back after it', async () => {
    pageAnswers(() => 0);
    // Storage answers slowly, with what it held when asked: the read that follows the first flip
    // is still out when the second flip is made.
    const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation((async (keys: string) => {
      const answer = await get(keys);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return answer;
    }) as unknown as typeof fakeBrowser.storage.local.get);
    const { root, site, everywhere } = await renderPanel();
    expect(site.checked).toBe(true);
    expect(everywhere.checked).toBe(true);

    await act(async () => site.click());
    // The first flip's save (~100 ms), then its read of the page's state 150 ms later (~100 ms more).
    await wait(300);
    await act(async () => everywhere.click());
    // Until every read has settled, the switch never shows "on" again, not even for a moment.
    const shown: boolean[] = [];
    for (let step = 0; step < 80; step += 1) {
      shown.push(everywhere.checked);
      await wait(10);
    }
    expect(shown.every((checked) => !checked)).toBe(true);
    expect(site.checked).toBe(false);
    const stored = await loadWatchlistSettings(browser.storage.local);
    expect(stored.enabled).toBe(false);
    expect(stored.disabledHosts).toEqual([HOST]);
    await act(async () => root.unmount());
  });

  it('saves flips made faster than a save takes, in order', async () => {
    pageAnswers(() => 0);
    const { root, site, everywhere } = await renderPanel();
    // Off for the site, off everywhere, on for the site again: all in one go.
    await act(async () => {
      site.click();
      everywhere.click();
    });
    await act(async () => {
      everywhere.click();
      site.click();
    });
    await wait(400);
    const stored = await loadWatchlistSettings(browser.storage.local);
    expect(stored.enabled).toBe(true);
    expect(stored.disabledHosts).toEqual([]);
    expect(site.checked).toBe(true);
    expect(everywhere.checked).toBe(true);
    await act(async () => root.unmount());
  });
});
