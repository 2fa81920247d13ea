import { WATCH_GET_HITS } from '@/lib/watchlist-messages';

/**
 * Reads data out of a tab by injecting scripts; results are untrusted and
 * validated by the caller (lib/flagging/flag-page.ts).
 */

export async function readPage(tabId: number): Promise<unknown> {
  const [frame] = await browser.scripting.executeScript({ target: { tabId }, files: ['/extract-page.js'] });
  return frame?.result;
}

/** What the watchlist highlighter in the tab's top frame found; rejects when none is running. */
export function readWatchHits(tabId: number): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, { type: WATCH_GET_HITS }, { frameId: 0 });
}

export async function readLinkText(tabId: number, linkUrl: string): Promise<unknown> {
  const [frame] = await browser.scripting.executeScript({
    target: { tabId },
    args: [linkUrl],
    // Runs in the page: must stay self-contained.
    func: (href: string) => {
      for (const anchor of Array.from(document.links)) {
        if (anchor.href === href) return anchor.textContent ?? '';
      }
      return '';
    },
  });
  return frame?.result;
}
