/**
 * Runs the watchlist on one page: reads the settings, highlights the terms,
 * keeps up with content the page adds later (throttled), reports the hit count
 * for the toolbar badge, answers the popup, and cleans up when switched off.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { TermHit } from '@/lib/watchlist/match-terms';
import {
  isWatchingHost,
  loadWatchlistSettings,
  parseWatchlistSettings,
  watchTermsOf,
  WATCHLIST_STORAGE_KEY,
  type WatchlistSettings,
} from '@/lib/settings/watchlist-settings';
import {
  WATCH_GET_HITS,
  WATCH_HIT_COUNT,
  WATCH_JUMP,
  WATCH_MATCH,
  watchMatchResponseSchema,
  watchRequestSchema,
  type WatchPageHits,
} from '@/lib/watchlist-messages';
import { PageHighlighter } from './highlighter';

/** At most one rescan of added content per this many milliseconds (infinite feeds add a lot). */
const RESCAN_THROTTLE_MS = 300;

/** The background matches; a page whose background is unreachable simply shows no hits. */
async function matchInBackground(text: string): Promise<TermHit[]> {
  try {
    return watchMatchResponseSchema.parse(await browser.runtime.sendMessage({ type: WATCH_MATCH, text })).hits;
  } catch {
    return [];
  }
}

/** Each term's group (the first group that lists it), for colours and categories. */
function groupOfEachTerm(settings: WatchlistSettings): Map<string, string> {
  const groups = new Map<string, string>();
  for (const term of watchTermsOf(settings)) if (term.group && !groups.has(term.term)) groups.set(term.term, term.group);
  return groups;
}

export function watchPage(ctx: ContentScriptContext): void {
  let settings: WatchlistSettings | undefined;
  let highlighter: PageHighlighter | undefined;
  let observer: MutationObserver | undefined;
  let pending = new Set<Node>();
  let rescanTimer: ReturnType<typeof setTimeout> | undefined;
  let reportedTotal = -1;
  let termGroups = new Map<string, string>();
  /** Main-thread time spent reading the settings before the first scan. */
  let startOverheadMs = 0;

  function reportCount(): void {
    const total = highlighter ? [...highlighter.counts().values()].reduce((sum, n) => sum + n, 0) : 0;
    if (total === reportedTotal) return;
    reportedTotal = total;
    browser.runtime.sendMessage({ type: WATCH_HIT_COUNT, total }).catch(() => undefined);
  }

  function stop(): void {
    observer?.disconnect();
    observer = undefined;
    if (rescanTimer !== undefined) clearTimeout(rescanTimer);
    rescanTimer = undefined;
    pending = new Set();
    highlighter?.clear();
    highlighter = undefined;
  }

  async function flushPending(): Promise<void> {
    rescanTimer = undefined;
    const roots = [...pending].filter((node) => node.isConnected);
    pending = new Set();
    const current = highlighter;
    if (!current) return;
    // Scan only the outermost added nodes: their descendants come with them
    // (an ancestor walk per node, not a comparison of every pair: feeds add hundreds).
    const pendingSet = new Set(roots);
    for (const root of roots) {
      let covered = false;
      for (let parent = root.parentNode; parent && !covered; parent = parent.parentNode) covered = pendingSet.has(parent);
      if (covered) continue;
      if (root.nodeType === Node.TEXT_NODE) current.forgetNode(root);
      await current.scan(root);
    }
    reportCount();
  }

  function start(current: WatchlistSettings): void {
    stop();
    if (!isWatchingHost(current, location.hostname) || !document.body) {
      reportCount();
      return;
    }
    const started = performance.now();
    termGroups = groupOfEachTerm(current);
    const page = new PageHighlighter(document, current.groups, termGroups, matchInBackground);
    highlighter = page;
    const setupMs = performance.now() - started;
    void page.scan(document.body).then(() => {
      if (highlighter !== page) return;
      // Visible in DevTools' performance panel and to the Chromium benchmark (bench-watch-page):
      // the time until the page is painted, and how much of it was this page's main thread.
      performance.measure('canh-tin-watch-scan', { start: started, end: performance.now() });
      performance.measure('canh-tin-watch-main-thread', { start: started, duration: startOverheadMs + setupMs + page.mainThreadMs });
      reportCount();
    });

    observer = new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        if (mutation.type === 'characterData') {
          // The node's old ranges are stale: forget them now so the rescan starts clean.
          highlighter?.forgetNode(mutation.target);
          pending.add(mutation.target);
        } else mutation.addedNodes.forEach((node) => pending.add(node));
      }
      if (pending.size > 0 && rescanTimer === undefined) rescanTimer = setTimeout(() => void flushPending(), RESCAN_THROTTLE_MS);
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  }

  function pageHits(): WatchPageHits {
    const groupById = new Map(settings?.groups.map((group) => [group.id, group]) ?? []);
    const counts = highlighter?.counts() ?? new Map<string, number>();
    return {
      host: location.hostname,
      active: highlighter !== undefined,
      terms: [...counts].map(([term, count]) => {
        const group = groupById.get(termGroups.get(term) ?? '');
        return { term, count, category: group?.category ?? '', color: group?.color ?? '' };
      }),
    };
  }

  const onMessage = (message: unknown, sender: { id?: string }, sendResponse: (response: unknown) => void) => {
    if (sender.id !== browser.runtime.id) return false;
    const request = watchRequestSchema.safeParse(message);
    if (!request.success) return false;
    if (request.data.type === WATCH_GET_HITS) sendResponse(pageHits());
    if (request.data.type === WATCH_JUMP) sendResponse({ ok: highlighter?.jumpTo(request.data.term) ?? false });
    return false;
  };
  browser.runtime.onMessage.addListener(onMessage);

  const onStorageChanged = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' || !(WATCHLIST_STORAGE_KEY in changes)) return;
    void loadWatchlistSettings(browser.storage.local).then((next) => {
      settings = next;
      start(next);
    });
  };
  browser.storage.onChanged.addListener(onStorageChanged);

  ctx.onInvalidated(() => {
    stop();
    browser.runtime.onMessage.removeListener(onMessage);
    browser.storage.onChanged.removeListener(onStorageChanged);
  });

  void browser.storage.local.get(WATCHLIST_STORAGE_KEY).then((stored) => {
    const parseStarted = performance.now();
    settings = parseWatchlistSettings(stored[WATCHLIST_STORAGE_KEY]);
    startOverheadMs = performance.now() - parseStarted;
    start(settings);
  });
}
