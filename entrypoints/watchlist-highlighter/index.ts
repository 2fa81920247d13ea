// The watchlist highlighter, on every http(s) page. No React, no zod, no
// database, no watchlist, no storage read: the text goes to the background,
// which knows the switches and answers with the hits (and, only then, their colours).
//
// Built as an unlisted script and declared as a content script in
// wxt.config.ts (`content_scripts`), not through defineContentScript: WXT's
// content-script wrapper builds a ContentScriptContext for every page (an
// AbortController, an event sent to the page and a listener for it), which
// took about 1 ms of each page's main thread, a fifth of this script's budget
// (scripts/bench-watch-page.ts). What this script used it for, stopping once
// the extension is gone, watch-page.ts checks itself.
//
// loaded-at comes first: the time it records is when the bundle began to run.
import { loadStartedAt } from './loaded-at';
import { watchPage } from './watch-page';

export default defineUnlistedScript(() => void watchPage(loadStartedAt));
