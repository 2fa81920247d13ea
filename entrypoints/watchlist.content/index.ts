// The watchlist highlighter, on every http(s) page. No React, no zod, no
// database: settings come from storage.local, results go to the background by message.
// loaded-at comes first: the time it records is when the bundle began to run.
import { loadStartedAt } from './loaded-at';
import { watchPage } from './watch-page';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    watchPage(ctx, loadStartedAt);
  },
});
