/**
 * Right-click menu: flag this page / this link / the selected text as a quote.
 */
import type { FlagTrigger } from '@/lib/flag-record';
import { flagTab } from './flag-tab';

const MENU_ITEMS: { id: string; contexts: ['page' | 'link' | 'selection']; titleKey: 'menuFlagPage' | 'menuFlagLink' | 'menuFlagSelection'; trigger: FlagTrigger }[] = [
  { id: 'canh-tin-flag-page', contexts: ['page'], titleKey: 'menuFlagPage', trigger: 'menu_page' },
  { id: 'canh-tin-flag-link', contexts: ['link'], titleKey: 'menuFlagLink', trigger: 'menu_link' },
  { id: 'canh-tin-flag-selection', contexts: ['selection'], titleKey: 'menuFlagSelection', trigger: 'menu_selection' },
];

const WEB_PAGES = ['http://*/*', 'https://*/*'];

export function setupContextMenu(): void {
  browser.runtime.onInstalled.addListener(async () => {
    await browser.contextMenus.removeAll();
    for (const item of MENU_ITEMS) {
      browser.contextMenus.create({
        id: item.id,
        contexts: item.contexts,
        title: browser.i18n.getMessage(item.titleKey),
        documentUrlPatterns: WEB_PAGES,
      });
    }
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    const item = MENU_ITEMS.find((candidate) => candidate.id === info.menuItemId);
    if (!item || tab?.id === undefined) return;
    void flagTab({
      tabId: tab.id,
      trigger: item.trigger,
      ...(item.trigger === 'menu_link' && info.linkUrl ? { linkUrl: info.linkUrl } : {}),
      ...(item.trigger === 'menu_selection' && info.selectionText ? { selectionText: info.selectionText } : {}),
    });
  });
}
