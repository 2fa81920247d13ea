/**
 * The keyboard shortcut declared in the manifest's `commands` (Alt+Shift+F).
 */
import type { FlagRequest } from '@/lib/flagging/flag-page';
import { flagTab } from './flag-tab';

export const FLAG_COMMAND = 'flag-page';

export function flagRequestFromCommand(command: string, tabId: number | undefined): FlagRequest | null {
  return command === FLAG_COMMAND && tabId !== undefined && tabId >= 0 ? { tabId, trigger: 'shortcut' } : null;
}

export function setupShortcut(): void {
  browser.commands.onCommand.addListener(async (command, tab) => {
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    const request = flagRequestFromCommand(command, tabId);
    if (request) await flagTab(request);
  });
}
