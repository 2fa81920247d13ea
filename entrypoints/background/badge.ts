/**
 * Owns the toolbar badge of each tab: the number of watchlist hits on the page,
 * briefly replaced by the result of a flag (✓ new, = already flagged, ! failed).
 * It never blocks browsing and never opens anything.
 */
import type { FlagTabResponse } from '@/lib/messages';
import { watchPageHitsSchema } from '@/lib/watchlist-messages';
import { readWatchHits } from './read-page';

const FLAG_RESULT_VISIBLE_MS = 4000;
const HIT_COUNT_COLOR = '#1e5aa8';

function countText(total: number): string {
  return total === 0 ? '' : total > 999 ? '999+' : String(total);
}

async function paint(tabId: number, text: string, color: string, title: string): Promise<void> {
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color });
    await browser.action.setBadgeText({ tabId, text });
    await browser.action.setTitle({ tabId, title });
  } catch {
    // The tab was closed meanwhile: nothing to show.
  }
}

function paintHitCount(tabId: number, total: number): Promise<void> {
  const title = total ? `${browser.i18n.getMessage('extName')} — ${browser.i18n.getMessage('watchBadgeTitle', [String(total)])}` : browser.i18n.getMessage('extName');
  return paint(tabId, countText(total), HIT_COUNT_COLOR, title);
}

/** The count the page's highlighter reported (it reports changes, and nothing for a page without hits). */
export function showHitCount(tabId: number, total: number): Promise<void> {
  return paintHitCount(tabId, total);
}

/**
 * The hits the tab's highlighter holds now, asked of the page itself: nothing
 * kept here could say it (the worker forgets when it stops, and a page without
 * hits reports none, since navigating already cleared the tab's badge).
 */
async function currentHitCount(tabId: number): Promise<number> {
  try {
    const hits = watchPageHitsSchema.safeParse(await readWatchHits(tabId));
    return hits.success ? hits.data.terms.reduce((sum, term) => sum + term.count, 0) : 0;
  } catch {
    // No highlighter in the tab (a page it does not run on, or not loaded yet): no hits.
    return 0;
  }
}

async function restoreHitCount(tabId: number): Promise<void> {
  await paintHitCount(tabId, await currentHitCount(tabId));
}

export async function showFlagResult(tabId: number, response: FlagTabResponse): Promise<void> {
  const [text, color, titleKey] = !response.ok
    ? (['!', '#b3261e', 'badgeFailed'] as const)
    : response.screenshotProblem === 'quota-exceeded'
      ? (['!', '#8a5a00', 'badgeScreenshotMissing'] as const)
      : response.duplicateOf
      ? (['=', '#8a5a00', 'badgeDuplicate'] as const)
      : (['✓', '#1b6e3a', 'badgeFlagged'] as const);
  await paint(tabId, text, color, browser.i18n.getMessage(titleKey));
  setTimeout(() => void restoreHitCount(tabId), FLAG_RESULT_VISIBLE_MS);
}
