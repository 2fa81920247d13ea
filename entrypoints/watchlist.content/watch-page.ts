/**
 * Runs the watchlist on one page: reads the switches, highlights the terms,
 * keeps up with content the page adds later (throttled), reports the hit count
 * for the toolbar badge, answers the popup, and cleans up when switched off.
 *
 * It runs on every page, so the path of a page without hits is kept short:
 * no zod in the bundle (lib/watchlist/content-script-contract.ts says why),
 * no storage read, and first a probe: the body's whole text, which one DOM
 * call gives, goes to the background, which answers whether the watchlist is
 * on for this site (it reads the switches) and whether a term may be in that
 * text. Only then are the text nodes walked one by one (on a typical article
 * page that walk was most of the page's cost) and matched, in the background
 * too. The groups' colours come with the answer, and only when it has hits:
 * no style or highlight is registered before a hit.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { WatchPageHits } from '@/lib/watchlist-messages';
import {
  readMatchResponse,
  readProbeResponse,
  readWatchRequest,
  WATCH_GET_HITS,
  WATCH_HIT_COUNT,
  WATCH_JUMP,
  WATCH_MATCH,
  WATCH_PROBE,
  WATCHLIST_STORAGE_KEY,
  type MatchResponse,
  type ProbeResponse,
} from '@/lib/watchlist/content-script-contract';
import { PageHighlighter } from './highlighter';
import { MainThreadClock } from './main-thread-clock';

/** At most one rescan of added content per this many milliseconds (infinite feeds add a lot). */
const RESCAN_THROTTLE_MS = 300;

/** `loadedAt`: when the content script's bundle began to run; its evaluation counts as this page's main-thread work too. */
export function watchPage(ctx: ContentScriptContext, loadedAt: number): void {
  const clock = new MainThreadClock();
  const loadMs = performance.now() - loadedAt;
  clock.add(loadMs);
  // Loading the script (evaluating the bundle, WXT's context), on its own, for the benchmark's breakdown.
  performance.measure('canh-tin-watch-load', { start: loadedAt, duration: loadMs });
  /** Where the current scan's measurement starts: the time, and the clock's total then. */
  let measureFrom = { at: loadedAt, clockMs: 0 };
  let highlighter: PageHighlighter | undefined;
  let observer: MutationObserver | undefined;
  let pending = new Set<Node>();
  let rescanTimer: ReturnType<typeof setTimeout> | undefined;
  /** The current start's first scan: the probe, then (if a term may be there) the whole body. */
  let firstScan: Promise<void> = Promise.resolve();
  // A new page starts with no badge (navigating clears it): a page without hits has nothing to report.
  let reportedTotal = 0;

  /** The background matches; a page whose background is unreachable simply shows no hits. */
  async function matchInBackground(text: string): Promise<MatchResponse> {
    try {
      const response: unknown = await browser.runtime.sendMessage({ type: WATCH_MATCH, text });
      return clock.time(() => readMatchResponse(response) ?? { hits: [] });
    } catch {
      return { hits: [] };
    }
  }

  /** Is the watchlist on here, and could a term be in the page? An unreachable background or a bad answer counts as yes to both: look closer. */
  async function probe(text: string): Promise<ProbeResponse> {
    try {
      const response: unknown = await browser.runtime.sendMessage({ type: WATCH_PROBE, text });
      return clock.time(() => readProbeResponse(response));
    } catch {
      return { watching: true, maybe: true };
    }
  }

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
    firstScan = Promise.resolve();
    highlighter?.clear();
    highlighter = undefined;
  }

  async function flushPending(): Promise<void> {
    // Added content waits for the first scan, which reads the whole body once the probe answers
    // and may take that content in already: painted twice, its hits would be counted twice.
    const first = firstScan;
    await first.catch(() => undefined);
    // Switched off (and maybe on) meanwhile: that start has its own pending nodes and rescan.
    if (first !== firstScan) return;
    rescanTimer = undefined;
    const roots = [...pending].filter((node) => node.isConnected);
    pending = new Set();
    const page = highlighter;
    if (!page) return;
    // Scan only the outermost added nodes: their descendants come with them
    // (an ancestor walk per node, not a comparison of every pair: feeds add hundreds).
    const pendingSet = new Set(roots);
    for (const root of roots) {
      let covered = false;
      for (let parent = root.parentNode; parent && !covered; parent = parent.parentNode) covered = pendingSet.has(parent);
      if (covered) continue;
      if (root.nodeType === Node.TEXT_NODE) page.forgetNode(root);
      await page.scan(root);
    }
    reportCount();
  }

  /** Records, for DevTools' performance panel and the Chromium benchmark (scripts/bench-watch-page.ts), what this scan cost. */
  function measureScan(): void {
    // The time until the page is painted (waits included), and how much of it was this page's main thread.
    performance.measure('canh-tin-watch-scan', { start: measureFrom.at, end: performance.now() });
    performance.measure('canh-tin-watch-main-thread', { start: measureFrom.at, duration: clock.totalMs - measureFrom.clockMs });
  }

  function start(): void {
    stop();
    if (!document.body) return;
    const page = new PageHighlighter(document, matchInBackground, clock);
    highlighter = page;
    // textContent is a superset of the text the highlighter scans (scripts, form fields and all):
    // a page without a term in it has none in its visible text either.
    firstScan = probe(document.body.textContent ?? '').then(({ watching, maybe }) => {
      if (highlighter !== page) return undefined;
      if (!watching) {
        // Off for this site or everywhere: nothing painted, nothing followed, the badge cleared.
        stop();
        return undefined;
      }
      return maybe ? page.scan(document.body) : undefined;
    });
    void firstScan.then(() =>
      clock.time(() => {
        reportCount();
        if (highlighter === page) measureScan();
      }),
    );

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
    const page = highlighter;
    const counts = page?.counts() ?? new Map<string, number>();
    return {
      host: location.hostname,
      active: page !== undefined,
      terms: [...counts].map(([term, count]) => {
        const group = page?.groupOf(term);
        return { term, count, category: group?.category ?? '', color: group?.color ?? '' };
      }),
    };
  }

  const onMessage = (message: unknown, sender: { id?: string }, sendResponse: (response: unknown) => void) => {
    if (sender.id !== browser.runtime.id) return false;
    const request = readWatchRequest(message);
    if (request?.type === WATCH_GET_HITS) sendResponse(pageHits());
    if (request?.type === WATCH_JUMP) sendResponse({ ok: highlighter?.jumpTo(request.term) ?? false });
    return false;
  };

  const onStorageChanged = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' || !(WATCHLIST_STORAGE_KEY in changes)) return;
    measureFrom = { at: performance.now(), clockMs: clock.totalMs };
    clock.time(start);
  };

  clock.time(() => {
    browser.runtime.onMessage.addListener(onMessage);
    browser.storage.onChanged.addListener(onStorageChanged);
    ctx.onInvalidated(() => {
      stop();
      browser.runtime.onMessage.removeListener(onMessage);
      browser.storage.onChanged.removeListener(onStorageChanged);
    });
    start();
  });
}
