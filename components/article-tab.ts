/**
 * The tab the monitor is reading: the active tab of the last focused normal
 * browser window. For the toolbar popup that is the window it drops down from;
 * it also holds when popup.html is opened in a separate window.
 */
export async function articleTabId(): Promise<number | undefined> {
  const window = await browser.windows.getLastFocused({ windowTypes: ['normal'] });
  const [tab] = await browser.tabs.query({ active: true, windowId: window.id });
  return tab?.id;
}
