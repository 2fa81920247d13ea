/**
 * Right-click menu: flag this page / this link / the selected text as a quote.
 */
import type { FlagTrigger } from '@/lib/flag-record';
import type { FlagRequest } from '@/lib/flagging/flag-page';
import { flagTab } from './flag-tab';

export const MENU_ITEMS: readonly {
  id: string;
  context: 'page' | 'link' | 'selection';
  titleKey: 'menuFlagPage' | 'menuFlagLink' | 'menuFlagSelection';
  trigger: FlagTrigger;
}[] = [
  { id: 'canh-tin-flag-page', context: 'page', titleKey: 'menuFlagPage', trigger: 'menu_page' },
  { id: 'canh-tin-flag-link', context: 'link', titleKey: 'menuFlagLink', trigger: 'menu_link' },
  { id: 'canh-tin-flag-selection', context: 'selection', titleKey: 'menuFlagSelection', trigger: 'menu_selection' },
];

const WEB_PAGES = ['http://*/*', 'https://*/*'];

/** What a click on one of our menu items asks to flag; null for clicks that are not ours. */
export function flagRequestFromMenuClick(
  info: { menuItemId: string | number; linkUrl?: string; selectionText?: string },
  tabId: number | undefined,
): FlagRequest | null {
  const item = MENU_ITEMS.find((candidate) => candidate.id === info.menuItemId);
  if (!item || tabId === undefined || tabId < 0) return null;
  if (item.context === 'link') return info.linkUrl ? { tabId, trigger: item.trigger, linkUrl: info.linkUrl } : null;
  if (item.context === 'selection' && info.selectionText) {
    return { tabId, trigger: item.trigger, selectionText: info.selectionText };
  }
  return { tabId, trigger: item.trigger };
}

export function setupContextMenu(): void {
  browser.runtime.onInstalled.addListener(async () => {
    await browser.contextMenus.removeAll();
    for (const item of MENU_ITEMS) {
      browser.contextMenus.create({
        id: item.id,
        contexts: [item.context],
        title: browser.i18n.getMessage(item.titleKey),
        documentUrlPatterns: WEB_PAGES,
      });
    }
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    const request = flagRequestFromMenuClick(info, tab?.id);
    if (request) void flagTab(request);
  });
}
