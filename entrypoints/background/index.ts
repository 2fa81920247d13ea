import { forgetTab } from './badge';
import { setupContextMenu } from './context-menu';
import { setupMessageHandler } from './message-handler';
import { setupShortcut } from './shortcut';

export default defineBackground(() => {
  setupContextMenu();
  setupShortcut();
  setupMessageHandler();
  browser.tabs.onRemoved.addListener(forgetTab);
});
