// The popup's first render at 10k and 100k stories, in Chromium with the built
// extension: time from opening popup.html to the first rows painted (a
// performance mark set by the queue). Baseline in the same run: the same
// page, but the naive way — every story read before anything can be shown
// (timed as the page's own start-up plus one getAll of the flags store, a lower
// bound: it does not even render them). Targets: < 150 ms at 10k, < 400 ms at
// 100k. Needs `npm run build`. A measurement, not a test.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension } from '../tests/e2e/support/extension';

const RUNS = 7;
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
      for (let run = 0; run < RUNS; run += 1) {
        const page = await session.context.newPage();
        await page.goto(session.extensionUrl('popup.html'));
        const mark = await page.waitForFunction(() => performance.getEntriesByName('canh-tin-queue-painted')[0]?.startTime, undefined, { timeout: 60_000 });
        ours.push((await mark.jsonValue()) as number);
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
        'baseline: read every story first (no render), median ms': median(naive).toFixed(0),
        'baseline / ours': (median(naive) / median(ours)).toFixed(1) + '×',
      });
    }
  } finally {
    await session.close();
  }
  console.log('Popup first render in Chromium (targets: < 150 ms at 10k, < 400 ms at 100k)');
  console.table(rows);
}

await main();
