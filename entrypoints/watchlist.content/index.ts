// The watchlist highlighter, on every http(s) page. No React, no database:
// settings come from storage.local, results go to the background by message.
import { watchPage } from './watch-page';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    watchPage(ctx);
  },
});
