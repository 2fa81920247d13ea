import { appDatabase } from '@/lib/db/app-database';
import { purgeExpiredTrash } from '@/lib/db/trash';
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
  // The 30-day trash rule runs whenever the worker starts (often: it is stopped when idle).
  purgeExpiredTrash(appDatabase(), Date.now()).catch((error: unknown) => console.warn('Canh Tin: trash purge failed', error));
});
