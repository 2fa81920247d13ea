// The popup's first render at 10k and 100k stories, in Chromium with the built
// extension: time from opening popup.html to the first rows painted (a
// performance mark set by the queue). Baseline in the same run: the same
// page, but the naive way — every story read before anything can be shown
// (timed as the page's own start-up plus one getAll of the flags store, a lower
// bound: it does not even render them). Targets: < 150 ms at 10k, < 400 ms at
// 100k. Needs `npm run build`. A measurement, not a test.
//
// Options: --quick (10k only), --runs=N (default 7), --breakdown (also print
// where the time went: the navigation's phases, the popup's own marks — its
// first stage running (the queue's first page asked for), the first rows
// committed by React — the first paint, and the scripts fetched before the
// rows were painted).
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension } from '../tests/e2e/support/extension';

const RUNS = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.slice('--runs='.length) ?? 7);
const BREAKDOWN = process.argv.includes('--breakdown');
const SIZES = process.argv.includes('--quick') ? [10_000] : [10_000, 100_000];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;

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

type Phases = Record<string, number>;

/** Where one opening's time went, in ms since navigation start (read once the rows are painted). */
async function phasesOf(page: Page): Promise<{ phases: Phases; paintedAt: number }> {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const marks = Object.fromEntries(performance.getEntriesByType('mark').map((entry) => [entry.name, entry.startTime]));
    const painted = marks['canh-tin-queue-painted'] ?? Number.NaN;
    return {
      phases: {
        'html received': nav.responseEnd,
        'DOM interactive': nav.domInteractive,
        'first stage runs (first page asked for)': marks['canh-tin-popup-script'] ?? Number.NaN,
        'DOMContentLoaded end': nav.domContentLoadedEventEnd,
        'first paint': performance.getEntriesByName('first-paint')[0]?.startTime ?? Number.NaN,
        'first rows committed': marks['canh-tin-queue-rows'] ?? Number.NaN,
        'first rows painted': painted,
      },
      paintedAt: performance.timeOrigin + painted,
    };
  });
}

/** Bytes of the built scripts a page fetched (the files on disk: extension URLs report no transfer size). */
function scriptBytes(paths: string[]): number {
  const root = resolve(import.meta.dirname, '../.output/chrome-mv3');
  return [...new Set(paths)].reduce((sum, path) => sum + statSync(resolve(root, `.${path}`)).size, 0);
}

function printBreakdown(size: number, runs: Phases[], bytes: number, scripts: string[]): void {
  console.log(`\nWhere the time went at ${size.toLocaleString('en')} stories (median of ${runs.length} openings, ms since navigation start):`);
  const names = Object.keys(runs[0] ?? {});
  console.table(Object.fromEntries(names.map((name) => [name, { median: Number(median(runs.map((run) => run[name] ?? Number.NaN)).toFixed(1)) }])));
  console.log(`scripts fetched before the rows were painted: ${(bytes / 1024).toFixed(0)} KB (${[...new Set(scripts)].join(', ')})`);
}

async function main() {
  if (!existsSync(resolve(import.meta.dirname, '../.output/chrome-mv3/manifest.json'))) {
    console.log('bench-popup: build the extension first (npm run build)');
    return;
  }
  const session = await launchExtension({ uiLanguage: 'vi' });
  const rows = [];
  try {
    const filler = await session.openExtensionPage('popup.html');
    await filler.locator('.queue-list, .empty').first().waitFor();
    let filled = 0;
    for (const size of SIZES) {
      const started = Date.now();
      await fill(filler, filled, size);
      filled = size;
      console.log(`filled ${size} stories in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      const ours: number[] = [];
      const naive: number[] = [];
      const fromScript: number[] = [];
      const phases: Phases[] = [];
      let scripts: string[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const page = await session.context.newPage();
        // Which scripts the popup asks for, and when (extension URLs are missing from resource timing).
        const requested: { path: string; at: number }[] = [];
        page.on('request', (request) => {
          const path = new URL(request.url()).pathname;
          if (path.endsWith('.js')) requested.push({ path, at: Date.now() });
        });
        await page.goto(session.extensionUrl('popup.html'));
        const mark = await page.waitForFunction(() => performance.getEntriesByName('canh-tin-queue-painted')[0]?.startTime, undefined, { timeout: 60_000 });
        ours.push((await mark.jsonValue()) as number);
        // ../shared/PERFORMANCE.md's anchor counts from the script's start (112 ms for a page of rows and a
        // virtual list): the same span here, from the popup's first stage running to the rows painted.
        fromScript.push(await page.evaluate(() => performance.getEntriesByName('canh-tin-queue-painted')[0]!.startTime - performance.getEntriesByName('canh-tin-popup-script')[0]!.startTime));
        if (BREAKDOWN) {
          const seen = await phasesOf(page);
          phases.push(seen.phases);
          scripts = requested.filter((request) => request.at <= seen.paintedAt).map((request) => request.path);
        }
        naive.push(
          await page.evaluate(async () => {
            const startup = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
            const before = performance.now();
            await new Promise<void>((ok, fail) => {
              const request = indexedDB.open('canh-tin');
              request.onsuccess = () => {
                const all = request.result.transaction('flags').objectStore('flags').getAll();
                all.onsuccess = () => ok();
                all.onerror = () => fail(all.error);
              };
              request.onerror = () => fail(request.error);
            });
            return startup.domContentLoadedEventEnd + (performance.now() - before);
          }),
        );
        await page.close();
      }
      rows.push({
        stories: size.toLocaleString('en'),
        'ours: first rows painted, median ms': median(ours).toFixed(0),
        'ours p95 ms': p95(ours).toFixed(0),
        'of which from the first stage running, median ms': median(fromScript).toFixed(0),
        'baseline: read every story first (no render), median ms': median(naive).toFixed(0),
        'baseline / ours': (median(naive) / median(ours)).toFixed(1) + '×',
      });
      if (BREAKDOWN) printBreakdown(size, phases, scriptBytes(scripts), scripts);
    }
  } finally {
    await session.close();
  }
  console.log('Popup first render in Chromium (targets: < 150 ms at 10k, < 400 ms at 100k)');
  console.table(rows);
}

await main();
