// The watchlist highlighter, on every http(s) page. No React, no zod, no
// database, no watchlist, no storage read: the text goes to the background,
// which knows the switches and answers with the hits (and, only then, their colours).
// loaded-at comes first: the time it records is when the bundle began to run.
import { loadStartedAt } from './loaded-at';
import { watchPage } from './watch-page';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // WXT also announces each start to the page by window.postMessage, for content
  // scripts built with WXT before 0.20; ours never were. The page's own
  // listeners would see it (and run on its main thread); the CustomEvent that
  // stops an older copy of this script still goes out.
  noScriptStartedPostMessage: true,
  main(ctx) {
    watchPage(ctx, loadStartedAt);
  },
});
