/**
 * A short, non-blocking confirmation on the toolbar icon of the flagged tab:
 * ✓ for a new flag, = for an already flagged page, ! when it failed.
 */
import type { FlagTabResponse } from '@/lib/messages';

const BADGE_VISIBLE_MS = 4000;

export async function confirmFlag(tabId: number, response: FlagTabResponse): Promise<void> {
  const [text, color, title] = !response.ok
    ? ['!', '#b3261e', browser.i18n.getMessage('badgeFailed')]
    : response.duplicateOf
      ? ['=', '#8a5a00', browser.i18n.getMessage('badgeDuplicate')]
      : ['✓', '#1b6e3a', browser.i18n.getMessage('badgeFlagged')];
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color });
    await browser.action.setBadgeText({ tabId, text });
    await browser.action.setTitle({ tabId, title });
  } catch {
    return; // The tab was closed meanwhile: nothing to confirm.
  }
  setTimeout(() => {
    browser.action.setBadgeText({ tabId, text: '' }).catch(() => undefined);
    browser.action.setTitle({ tabId, title: browser.i18n.getMessage('extName') }).catch(() => undefined);
  }, BADGE_VISIBLE_MS);
}
