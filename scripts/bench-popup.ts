// The popup's first render at 10k and 100k stories, in Chromium with the built
// extension: time from opening popup.html to the first rows on screen (the
// presentation time of the frame that first showed the first row, by Element
// Timing). The popup is opened as a monitor opens it, as the toolbar button's
// popup (chrome.action.openPopup), and measured from its own navigation start.
// The queue's own mark (set once the page has painted the rows; the browser
// shows a popup's frame some 30 ms later) is printed too. The same page opened
// in a tab is measured alongside: a tab's navigation makes the browser do more
// (tab strip, history) before it serves the page's files, so it is slower.
// Baseline in the same run: the same popup, but the naive way — every story
// read before anything can be shown (timed as the popup's own start-up plus
// one getAll of the flags store, a lower bound: it does not even render them).
// Targets: < 150 ms at 10k, < 400 ms at 100k. Needs `npm run build`. A
// measurement, not a test.
//
// Other pages are opened as the same toolbar popup in the same run (pages in
// scripts/support/popup-floor, added to a copy of the build and made the popup with
// chrome.action.setPopup). Two floors show what this machine's browser allows: a
// static page with three rows in its HTML, and a page that reads the queue's first
// page by hand (IndexedDB, no Dexie) and writes the rows as plain text (no React, no
// controls). The reference is the design ../shared/PERFORMANCE.md's popup anchor
// measured (112 ms from script start to the first painted frame at 10k, on the
// reference machine): React, a 50-row page read with Dexie, a virtualised list.
// The targets were set against that anchor, and this machine's speed varies by ×2
// from one day to the next (the static floor took 72 ms one day, 124 the next), so
// the bench also judges ours against the reference in the same run: at the anchor's
// speed, < 150 ms at 10k means no more than 150/112 of the reference's time on screen
// (and < 400 at 100k, 400/112).
//
// Options: --quick (10k only), --runs=N (default 15), --breakdown (also print
// where the popup's time went: the navigation's phases, the popup's own marks —
// its first stage running (the queue's first page asked for), the first rows
// committed by React — and the first paint).
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { build } from 'esbuild';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, launchExtension } from '../tests/e2e/support/extension';
import { FIRST_ROW_TIMING_NAME } from '../components/queue-timing';
import { openActionPopup, waitInPopup, type ActionPopup } from '../tests/e2e/support/action-popup';
import { median, p95 } from './support/compare-samples';

const RUNS = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.slice('--runs='.length) ?? 15);
const BREAKDOWN = process.argv.includes('--breakdown');
const SIZES = process.argv.includes('--quick') ? [10_000] : [10_000, 100_000];

/** Adds synthetic stories with ids from..to-1 straight into the flags store (the schema's current shape). */
async function fill(page: Page, from: number, to: number): Promise<void> {
  await page.evaluate(
    async ({ from, to }) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const request = indexedDB.open('canh-tin');
        request.onsuccess = () => ok(request.result);
        request.onerror = () => fail(request.error);
      });
      const words = 'biển đảo Hoàng Sa Trường Sa cột mốc biên giới tin đồn bản đồ tàu cá ngư dân cảng Phú Quốc đặc khu chủ quyền xuyên tạc clip video mạng xã hội'.split(' ');
      const statuses = ['new', 'confirmed', 'sent_to_rebuttal', 'rebutted', 'dismissed'];
      const categories = ['', 'sovereignty-sea-islands', 'border', 'provincial-image', 'policy-distortion', 'other'];
      const start = Date.UTC(2025, 10, 1);
      for (let batchStart = from; batchStart < to; batchStart += 5000) {
        await new Promise<void>((ok, fail) => {
          const tx = db.transaction('flags', 'readwrite');
          const store = tx.objectStore('flags');
          for (let n = batchStart; n < Math.min(to, batchStart + 5000); n += 1) {
            const title = Array.from({ length: 10 }, (_, k) => words[(n * 7 + k * 13 + ((n >> k) & 7)) % words.length]).join(' ');
            const at = start + n * 300_000;
            store.put({
              id: `bench-${String(n).padStart(7, '0')}`,
              url: `https://outlet${n % 200}.example/tin/${n}`,
              canonicalUrl: `https://outlet${n % 200}.example/tin/${n}`,
              title: `${title} (${n})`,
              siteName: `Báo số ${n % 200}`,
              description: '',
              lang: n % 5 === 0 ? 'en' : 'vi',
              quote: '',
              foundOnUrl: '',
              capturedAt: at,
              lastFlaggedAt: at,
              timesFlagged: 1,
              monitor: `Cán bộ ${n % 7}`,
              trigger: 'popup',
              status: statuses[n % 5],
              category: categories[n % 6],
              watchTerms: [],
              author: '',
              publishedAt: new Date(at).toISOString().replace('Z', '+00:00'),
              publishedAtZoneAssumed: false,
              modifiedAt: '',
              excerpt: `${title}. ${title}. ${title}.`,
              wordCount: 300,
              copyCount: 1 + (n % 4),
              severity: n % 4,
              tags: [],
              note: '',
              exportedAt: 0,
            });
          }
          tx.oncomplete = () => ok();
          tx.onerror = () => fail(tx.error);
        });
      }
      db.close();
    },
    { from, to },
  );
}

/** The pages of scripts/support/popup-floor, opened as the toolbar popup like ours. */
const OTHER_PAGES = [
  { page: 'bench-floor-static.html', name: 'floor: static page, rows in its HTML' },
  { page: 'bench-floor-rows.html', name: 'floor: first page read by hand, rows as plain text' },
  { page: 'bench-reference.html', name: "reference: the anchor's design (React, 50-row page, virtual list)" },
] as const;
const REFERENCE = OTHER_PAGES.length - 1;

/** PERFORMANCE.md's popup anchor: the reference design, script start → first painted frame, 10k records. */
const ANCHOR_REFERENCE_MS = 112;
const TARGET_MS: Record<number, number> = { 10_000: 150, 100_000: 400 };

/** A copy of the build with the other pages added, the reference bundled (the build itself is left as it is). */
async function buildWithOtherPages(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'canh-tin-bench-popup-'));
  const pages = resolve(import.meta.dirname, 'support/popup-floor');
  await cp(EXTENSION_DIR, dir, { recursive: true });
  await cp(pages, dir, { recursive: true, filter: (file) => !file.endsWith('.tsx') });
  await build({
    entryPoints: [join(pages, 'bench-reference.tsx')],
    outfile: join(dir, 'bench-reference.js'),
    bundle: true,
    minify: true,
    format: 'esm',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  return dir;
}

type Phases = Record<string, number>;

/**
 * When the first rows reached the screen, read in a page once the queue has painted them (ms since
 * navigation start): `onScreen` is the presentation time of the frame that first showed the first
 * row's text (Element Timing, the row's `elementtiming` attribute), what a monitor sees; `painted`
 * is the queue's own mark, set once the page has painted that frame (the browser may show it later:
 * a popup's window is only shown once its first frame is ready); `firstStage` is when the popup's
 * first stage ran.
 */
const FIRST_ROWS = `new Promise((resolve) => {
  const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
  const painted = mark('canh-tin-queue-painted');
  if (painted === null) return resolve(null);
  const answer = (onScreen) => resolve({ onScreen, painted, firstStage: mark('canh-tin-popup-script') });
  new PerformanceObserver((list) => {
    const row = list.getEntries().find((entry) => entry.identifier === '${FIRST_ROW_TIMING_NAME}');
    if (row) answer(row.renderTime);
  }).observe({ type: 'element', buffered: true });
  setTimeout(() => answer(Number.NaN), 2000);
})`;

interface FirstRows {
  onScreen: number;
  painted: number;
  firstStage: number;
}

/** Where one opening's time went, in ms since navigation start (read once the rows are painted). */
const PHASES = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
  return {
    'html received': nav.responseEnd,
    'DOM interactive': nav.domInteractive,
    'first stage runs (first page asked for)': mark('canh-tin-popup-script'),
    'DOMContentLoaded end': nav.domContentLoadedEventEnd,
    'first paint': performance.getEntriesByType('paint').find((entry) => entry.name === 'first-paint')?.startTime ?? NaN,
    'first rows committed': mark('canh-tin-queue-rows'),
    'first rows painted': mark('canh-tin-queue-painted'),
  };
})()`;

/** The naive popup: its start-up (DOMContentLoaded) plus reading every story, timed in the open popup. */
const NAIVE_READ = `(async () => {
  const startup = performance.getEntriesByType('navigation')[0];
  const before = performance.now();
  await new Promise((ok, fail) => {
    const request = indexedDB.open('canh-tin');
    request.onsuccess = () => {
      const all = request.result.transaction('flags').objectStore('flags').getAll();
      all.onsuccess = () => { request.result.close(); ok(); };
      all.onerror = () => fail(all.error);
    };
    request.onerror = () => fail(request.error);
  });
  return startup.domContentLoadedEventEnd + (performance.now() - before);
})()`;

function printBreakdown(size: number, runs: Phases[]): void {
  console.log(`\nWhere the popup's time went at ${size.toLocaleString('en')} stories (median of ${runs.length} openings, ms since its navigation start):`);
  const names = Object.keys(runs[0] ?? {});
  console.table(Object.fromEntries(names.map((name) => [name, { median: Number(median(runs.map((run) => run[name] ?? Number.NaN)).toFixed(1)) }])));
}

async function main() {
  if (!existsSync(resolve(import.meta.dirname, '../.output/chrome-mv3/manifest.json'))) {
    console.log('bench-popup: build the extension first (npm run build)');
    return;
  }
  const extensionDir = await buildWithOtherPages();
  const session = await launchExtension({ uiLanguage: 'vi', extensionDir });
  const setPopup = (page: string) =>
    session.worker.evaluate(
      (popup) => (globalThis as unknown as { chrome: { action: { setPopup(details: { popup: string }): Promise<void> } } }).chrome.action.setPopup({ popup }),
      page,
    );
  const rows = [];
  const otherRows = [];
  const verdictRows = [];
  try {
    const filler = await session.openExtensionPage('popup.html');
    await filler.locator('.queue-list, .empty').first().waitFor();
    // The action popup needs a window with an ordinary page in front; its DevTools session reaches the popup.
    const article = await session.context.newPage();
    await article.goto(`${session.origin}/`);
    const cdp = await session.context.newCDPSession(article);
    let filled = 0;
    for (const size of SIZES) {
      const started = Date.now();
      await fill(filler, filled, size);
      filled = size;
      console.log(`filled ${size} stories in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      const popupOnScreen: number[] = [];
      const popupPainted: number[] = [];
      const fromScript: number[] = [];
      const tabOnScreen: number[] = [];
      const naive: number[] = [];
      const phases: Phases[] = [];
      const othersOnScreen = OTHER_PAGES.map(() => [] as number[]);
      const othersPainted = OTHER_PAGES.map(() => [] as number[]);
      // One opening of each kind first, unmeasured: the first start-up of a page warms caches a monitor's would have.
      for (let run = -1; run < RUNS; run += 1) {
        let popup: ActionPopup | undefined;
        try {
          popup = await openActionPopup(session.worker, article, cdp);
          const seen = await waitInPopup<FirstRows>(popup, FIRST_ROWS);
          if (Number.isNaN(seen.onScreen)) throw new Error('the popup never reported its first row on screen (Element Timing)');
          if (run >= 0) {
            popupOnScreen.push(seen.onScreen);
            popupPainted.push(seen.painted);
            // ../shared/PERFORMANCE.md's anchor counts from the script's start to the first painted frame (112 ms
            // for a page of rows and a virtual list): the same span here, from the popup's first stage running.
            fromScript.push(seen.painted - seen.firstStage);
            if (BREAKDOWN) phases.push({ ...(await popup.evaluate<Phases>(PHASES)), 'first row on screen': seen.onScreen });
            naive.push(await popup.evaluate<number>(NAIVE_READ));
          }
        } finally {
          await popup?.close();
        }
        const tab = await session.context.newPage();
        await tab.goto(session.extensionUrl('popup.html'));
        await tab.waitForFunction(() => performance.getEntriesByName('canh-tin-queue-painted').length > 0, undefined, { timeout: 60_000 });
        const inTab = (await tab.evaluate(FIRST_ROWS)) as FirstRows;
        if (Number.isNaN(inTab.onScreen)) throw new Error('popup.html in a tab never reported its first row on screen (Element Timing)');
        if (run >= 0) tabOnScreen.push(inTab.onScreen);
        await tab.close();
        for (const [index, other] of OTHER_PAGES.entries()) {
          await setPopup(other.page);
          let otherPopup: ActionPopup | undefined;
          try {
            otherPopup = await openActionPopup(session.worker, article, cdp, { page: other.page });
            const seen = await waitInPopup<FirstRows>(otherPopup, FIRST_ROWS);
            if (Number.isNaN(seen.onScreen)) throw new Error(`${other.page} never reported its first row on screen`);
            if (run >= 0) {
              othersOnScreen[index]!.push(seen.onScreen);
              othersPainted[index]!.push(seen.painted);
            }
          } finally {
            await otherPopup?.close();
            await setPopup('popup.html');
          }
        }
      }
      rows.push({
        stories: size.toLocaleString('en'),
        'popup: first row on screen, median ms': median(popupOnScreen).toFixed(0),
        'p95 ms': p95(popupOnScreen).toFixed(0),
        'popup: rows painted by the page, median ms': median(popupPainted).toFixed(0),
        'of which from its first stage running': median(fromScript).toFixed(0),
        'popup.html in a tab: on screen, median ms': median(tabOnScreen).toFixed(0),
        'baseline: read every story first (no render), median ms': median(naive).toFixed(0),
        'baseline / popup on screen': (median(naive) / median(popupOnScreen)).toFixed(1) + '×',
      });
      otherRows.push({
        stories: size.toLocaleString('en'),
        'ours: first row on screen, median ms': median(popupOnScreen).toFixed(0),
        ...Object.fromEntries(OTHER_PAGES.map((other, index) => [`${other.name}, median ms`, median(othersOnScreen[index]!).toFixed(0)])),
      });
      // The reference's script starts only once its one bundle (React included) is compiled, ours
      // starts before React loads: only the spans from navigation start compare like with like.
      const onScreenRatio = median(popupOnScreen) / median(othersOnScreen[REFERENCE]!);
      const allowed = (TARGET_MS[size] ?? Number.NaN) / ANCHOR_REFERENCE_MS;
      verdictRows.push({
        stories: size.toLocaleString('en'),
        'ours: first row on screen, median ms': median(popupOnScreen).toFixed(0),
        'reference: first row on screen, median ms': median(othersOnScreen[REFERENCE]!).toFixed(0),
        'ours ÷ reference': `${onScreenRatio.toFixed(2)}×`,
        'painted by the page: ours ÷ reference': `${(median(popupPainted) / median(othersPainted[REFERENCE]!)).toFixed(2)}×`,
        'allowed (target ÷ anchor)': `${allowed.toFixed(2)}×`,
        verdict: onScreenRatio <= allowed ? 'met' : 'not met',
      });
      if (BREAKDOWN) printBreakdown(size, phases);
    }
  } finally {
    await session.close();
    await rm(extensionDir, { recursive: true, force: true });
  }
  console.log('Popup first render in Chromium (targets: < 150 ms at 10k, < 400 ms at 100k, for the first rows on screen)');
  console.table(rows);
  console.log('What this machine allows: the same toolbar popup showing pages that do less (same run, first row on screen)');
  console.table(otherRows);
  console.log(
    `Against the anchor, same run: PERFORMANCE.md's reference design took ${ANCHOR_REFERENCE_MS} ms at 10k, so the targets allow ours that many times the reference's time`,
  );
  console.table(verdictRows);
}

await main();
