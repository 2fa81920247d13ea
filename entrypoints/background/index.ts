import { appDatabase } from '@/lib/db/app-database';
import { purgeExpiredTrash } from '@/lib/db/trash';
import { setupContextMenu } from './context-menu';
import { setupMessageHandler } from './message-handler';
import { setupShortcut } from './shortcut';
import { restrictStorageToExtension } from './storage-access';
import { setupWatchlistRestarts } from './watchlist-restarts';

export default defineBackground(() => {
  setupContextMenu();
  setupShortcut();
  setupMessageHandler();
  setupWatchlistRestarts();
  void restrictStorageToExtension();
  // The 30-day trash rule runs whenever the worker starts (often: it is stopped when idle).
  purgeExpiredTrash(appDatabase(), Date.now()).catch((error: unknown) => console.warn('Canh Tin: trash purge failed', error));
});
