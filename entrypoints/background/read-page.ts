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

/**
 * A JPEG of the tab as the monitor sees it. Only the active tab of a window can
 * be photographed; a tab flagged in the background says so instead. Chrome
 * allows two captures a second, so a refused capture is retried once.
 */
export async function captureScreenshot(tabId: number): Promise<{ dataUrl: string } | { problem: 'not-visible' }> {
  const tab = await browser.tabs.get(tabId);
  if (!tab.active) return { problem: 'not-visible' };
  // Quality 60 keeps a typical 1280×800 article screenshot around 100–250 KB.
  const options = { format: 'jpeg' as const, quality: 60 };
  try {
    return { dataUrl: await browser.tabs.captureVisibleTab(tab.windowId, options) };
  } catch {
    await new Promise((resolve) => setTimeout(resolve, 600));
    // Only photograph the window again if it still shows the same page: evidence of
    // another tab, vouched for by its SHA-256, would be worse than none.
    const now = await browser.tabs.get(tabId);
    if (!now.active || now.url !== tab.url) return { problem: 'not-visible' };
    return { dataUrl: await browser.tabs.captureVisibleTab(tab.windowId, options) };
  }
}

/**
 * The whole tab as MHTML (Chrome only: Firefox has no pageCapture). Chrome backs
 * the Blob with a temporary file that is sometimes gone before it can be read
 * (NotFoundError, seen in about half of the e2e runs): capture again, up to 3 times.
 */
export async function captureMhtml(tabId: number): Promise<Uint8Array | undefined> {
  if (!browser.pageCapture) return undefined;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const blob = await browser.pageCapture.saveAsMHTML({ tabId });
      return blob ? new Uint8Array(await blob.arrayBuffer()) : undefined;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}
