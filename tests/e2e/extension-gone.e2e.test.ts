/**
 * A page left open while the extension is reloaded, updated or removed keeps
 * an orphaned copy of the watchlist highlighter, which can no longer reach the
 * background. At the page's next change it takes its highlights down instead
 * of leaving stale marks (and does not throw into the page). Its own file: the
 * extension does not come back in this session.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionSession } from './support/extension';

declare const chrome: typeof import('wxt/browser').browser;

let session: ExtensionSession;

beforeAll(async () => {
  session = await launchExtension({ uiLanguage: 'vi' });
});

afterAll(async () => {
  await session?.close();
});

/** How many ranges Canh Tin's highlights hold in the page. */
function highlightedRanges(page: Page): Promise<number> {
  return page.evaluate(() => {
    let ranges = 0;
    CSS.highlights.forEach((highlight, name) => {
      if (name.startsWith('canh-tin-watch')) ranges += highlight.size;
    });
    return ranges;
  });
}

it('takes its highlights down at the next change of a page whose extension is gone', async () => {
  const article = await session.context.newPage();
  const errors: string[] = [];
  article.on('pageerror', (error) => errors.push(error.message));
  await article.goto(`${session.origin}/nguoi-dan-dao-tho-chu.html`);
  // The default watchlist finds the islands' names in this article.
  await expect.poll(() => highlightedRanges(article)).toBeGreaterThan(0);

  await session.worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
  // Nothing happens to an idle page…
  await article.waitForTimeout(300);
  expect(await highlightedRanges(article)).toBeGreaterThan(0);
  // …until it changes: the orphaned copy notices and cleans up.
  await article.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p>Tin mới về Trường Sa.</p>'));
  await expect.poll(() => highlightedRanges(article), { timeout: 5000 }).toBe(0);
  expect(errors).toEqual([]);
});
