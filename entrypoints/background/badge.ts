/**
 * Owns the toolbar badge of each tab: the number of watchlist hits on the page,
 * briefly replaced by the result of a flag (✓ new, = already flagged, ! failed).
 * It never blocks browsing and never opens anything.
 */
import type { FlagTabResponse } from '@/lib/messages';

const FLAG_RESULT_VISIBLE_MS = 4000;
const HIT_COUNT_COLOR = '#1e5aa8';

// Lost when the service worker stops; the next count the page reports restores it.
const hitCounts = new Map<number, number>();

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

function paintHitCount(tabId: number): Promise<void> {
  const total = hitCounts.get(tabId) ?? 0;
  const title = total ? `${browser.i18n.getMessage('extName')} — ${browser.i18n.getMessage('watchBadgeTitle', [String(total)])}` : browser.i18n.getMessage('extName');
  return paint(tabId, countText(total), HIT_COUNT_COLOR, title);
}

export function showHitCount(tabId: number, total: number): Promise<void> {
  hitCounts.set(tabId, total);
  return paintHitCount(tabId);
}

export function forgetTab(tabId: number): void {
  hitCounts.delete(tabId);
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
  setTimeout(() => void paintHitCount(tabId), FLAG_RESULT_VISIBLE_MS);
}
