import { forgetTab } from './badge';
import { setupContextMenu } from './context-menu';
import { setupMessageHandler } from './message-handler';
import { setupShortcut } from './shortcut';
import { setupWatchMatcher } from './watch-matcher';

export default defineBackground(() => {
  setupContextMenu();
  setupShortcut();
  setupMessageHandler();
  setupWatchMatcher();
  browser.tabs.onRemoved.addListener(forgetTab);
});
