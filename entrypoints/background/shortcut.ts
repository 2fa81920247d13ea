/**
 * The keyboard shortcut declared in the manifest's `commands` (Alt+Shift+F).
 */
import { flagTab } from './flag-tab';

export const FLAG_COMMAND = 'flag-page';

export function setupShortcut(): void {
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== FLAG_COMMAND) return;
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId !== undefined) await flagTab({ tabId, trigger: 'shortcut' });
  });
}
