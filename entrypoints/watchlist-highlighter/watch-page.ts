/**
 * Runs the watchlist on one page: asks the background whether it is on here,
 * highlights the terms, keeps up with content the page adds later (throttled),
 * reports the hit count for the toolbar badge, answers the popup, and cleans
 * up when switched off.
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
  WATCH_RESTART,
  WATCH_TEXT_LIMIT,
  type MatchResponse,
  type ProbeResponse,
} from '@/lib/watchlist/content-script-contract';
import { PageHighlighter } from './highlighter';
import { MainThreadClock } from './main-thread-clock';

/** At most one rescan of added content per this many milliseconds (infinite feeds add a lot). */
const RESCAN_THROTTLE_MS = 300;

/**
 * `loadedAt`: when the content script's bundle began to run; its evaluation counts as this page's main-thread work too.
 * Returns what stops it for good (its highlights gone, the page no longer followed), as when the extension goes away.
 */
export function watchPage(loadedAt: number): () => void {
  const clock = new MainThreadClock();
  const loadMs = performance.now() - loadedAt;
  clock.add(loadMs);
  // Loading the script (evaluating the bundle), on its own, for the benchmark's breakdown.
  performance.measure('canh-tin-watch-load', { start: loadedAt, duration: loadMs });
  /** Where the current scan's measurement starts: the time, and the clock's total then. */
  let measureFrom = { at: loadedAt, clockMs: 0 };
  /** The current start (a token: a later start or stop replaces it, and an old answer is then ignored). */
  let current: object | undefined;
  /** The background said the watchlist is on for this page; until then the popup shows it off. */
  let watching = false;
  /** Made on the first closer look: a page whose probe says no never builds one. */
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

  /** Asks whether the watchlist is on here and a term may be in `text`; an unreachable background answers nothing, which reads as yes to both. */
  function sendProbe(text: string): Promise<unknown> {
    // A page with more text than a message carries sends none: the answer is then "look closer".
    const complete = text.length <= WATCH_TEXT_LIMIT;
    return browser.runtime.sendMessage({ type: WATCH_PROBE, text: complete ? text : '', complete }).catch(() => undefined);
  }

  function pageHighlighter(): PageHighlighter {
    highlighter ??= new PageHighlighter(document, matchInBackground, clock);
    return highlighter;
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
    current = undefined;
    watching = false;
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
    // Gone while the rescan waited: its highlights must not stay until the next change.
    if (extensionGone()) return leave();
    const roots = [...pending].filter((node) => node.isConnected);
    pending = new Set();
    if (!watching || roots.length === 0) return;
    const page = pageHighlighter();
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

  /** What the probe's answer leaves to do: the closer look (a scan under way), or nothing. */
  function afterProbe(run: object, response: unknown): Promise<void> | undefined {
    if (current !== run) return undefined;
    const answer: ProbeResponse = readProbeResponse(response);
    watching = answer.watching;
    if (answer.watching && answer.maybe) return pageHighlighter().scan(document.body);
    // Off for this site or everywhere: nothing painted, nothing followed.
    if (!answer.watching) stop();
    // A page that had hits before a restart (a watchlist edit) may have none now: clear its badge.
    reportCount();
    return undefined;
  }

  function start(): void {
    stop();
    if (!document.body) return;
    const run = {};
    current = run;
    // textContent is a superset of the text the highlighter scans (scripts, form fields and all):
    // a page without a term in it has none in its visible text either.
    firstScan = sendProbe(document.body.textContent ?? '').then((response) => {
      const scanning = clock.time(() => afterProbe(run, response));
      // Measured once the slice has been counted; with a scan, once it has painted and reported.
      if (!scanning) return void (current === run && measureScan());
      return scanning.then(() =>
        clock.time(() => {
          reportCount();
          if (current === run) measureScan();
        }),
      );
    });

    observer = new MutationObserver((mutations) => {
      if (extensionGone()) return void leave();
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
      active: watching,
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
    if (request?.type === WATCH_RESTART) restart();
    return false;
  };

  /** The watchlist or a switch changed (the background tells every tab, entrypoints/background/watchlist-restarts.ts): ask again. */
  function restart(): void {
    if (extensionGone()) return leave();
    measureFrom = { at: performance.now(), clockMs: clock.totalMs };
    clock.time(start);
  }

  /**
   * The extension was updated, reloaded or removed while the page stayed open:
   * this copy can no longer reach the background (a new one runs on the next
   * page), so it stops following the page and takes its highlights down.
   */
  function leave(): void {
    stop();
    window.removeEventListener('pageshow', onPageShow);
    try {
      browser.runtime?.onMessage.removeListener(onMessage);
    } catch {
      // Its bindings went with the extension: nothing left to remove.
    }
  }

  /**
   * A page back from the back/forward cache was frozen while the watchlist may have changed (no restart reaches it there): ask again.
   * Only the browser's own event counts: the page can dispatch a `pageshow` of its own, as often as it likes, to make
   * this script send its whole text to the background again and again.
   */
  const onPageShow = (event: PageTransitionEvent) => {
    if (event.isTrusted && event.persisted) restart();
  };

  clock.time(() => {
    browser.runtime.onMessage.addListener(onMessage);
    window.addEventListener('pageshow', onPageShow);
    start();
  });
  return leave;
}

/**
 * Chromium takes `runtime.id` away from a content script whose extension is
 * gone. (Firefox destroys such a script outright, so there this never runs.)
 */
function extensionGone(): boolean {
  return !browser.runtime?.id;
}
