// The watchlist highlighter's main-thread cost on real pages, in Chromium with
// the built extension, on 100 KB pages without hits (target < 5 ms): a news
// page built from one of the project's realistic article fixtures (its
// article, then the same page's content as related stories, with every word
// of every watch term replaced), and the worst case for the size, 100 KB of
// nothing but paragraphs; then the dense page sprinkled with terms. Against
// mark.js (the usual highlighting library) run in the same page on the same
// terms. Main thread = everything the
// content script runs for the page's first scan, from the first statement of
// its bundle: loading (evaluating the bundle; also shown on its
// own), reading the page's text, posting it, reading the
// answer and, with hits only, setting up the colours, painting and reporting
// the count. Not seen from inside: the browser compiling the script before it
// runs. Matching runs in the background and is reported apart as the time
// until painted. Needs `npm run build`. The machine's load inflates every
// figure (wall-clock slices): compare runs made at a similar load average.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchExtension } from '../tests/e2e/support/extension';
import { defaultWatchlistSettings, watchTermsOf } from '../lib/settings/watchlist-settings';
import { foldText } from '../lib/watchlist/fold-text';
import { compileWatchlist, mayContainTerms } from '../lib/watchlist/match-terms';
import { median, p95 } from './support/compare-samples';

// Ours is a few milliseconds with a spread of the same size between loads (the machine's other
// work preempts it): many loads for a steady median. mark.js takes seconds a page, and is
// hundreds of times slower: a few of its runs show that.
const RUNS = 41;
const MARK_JS_RUNS = 7;
const WORDS = 'người dân địa phương cho biết chợ phiên cuối tuần năm nay đông vui hơn mọi năm nhờ thời tiết thuận lợi và nhiều mặt hàng mới được bày bán'.split(' ');

function article(targetBytes: number, withTerms: boolean): string {
  const paragraphs: string[] = [];
  let size = 0;
  for (let i = 0; size < targetBytes; i += 1) {
    const words = Array.from({ length: 60 }, (_, j) => WORDS[(i * 7 + j) % WORDS.length]);
    if (withTerms && i % 3 === 0) words.splice(20, 0, i % 2 ? 'Trường Sa' : 'Phú Quốc');
    const p = `<p>${words.join(' ')}.</p>`;
    paragraphs.push(p);
    size += Buffer.byteLength(p);
  }
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Bench</title></head><body><article><h1>Chợ phiên</h1>${paragraphs.join('\n')}</article></body></html>`;
}

const NEWS_FIXTURE = resolve(import.meta.dirname, '../tests/fixtures/extract/pages/baodaoxanh-tau-ca-gap-nan-truong-sa-5-ngu-dan.html');

/** A typical news page of about `targetBytes`: a real article page's markup and text, its content repeated as related stories, with no watch term left in it. */
async function newsPage(targetBytes: number, termForms: string[]): Promise<string> {
  const source = await readFile(NEWS_FIXTURE, 'utf8');
  const head = source.slice(0, source.indexOf('<body'));
  const body = source.slice(source.indexOf('>', source.indexOf('<body')) + 1, source.lastIndexOf('</body>'));
  const termWords = new Set(termForms.flatMap((form) => foldText(form).folded.split(' ')).filter(Boolean));
  const withoutTerms = body.replace(/>([^<]+)</g, (_tag, text: string) => {
    const words = text.split(/(\s+)/).map((word) => (termWords.has(foldText(word.replace(/[.,:;!?()"“”]/g, '')).folded) ? 'làng' : word));
    return `>${words.join('')}<`;
  });
  let html = `${head}<body>${withoutTerms}`;
  while (Buffer.byteLength(html) < targetBytes) html += `<section class="related">${withoutTerms}</section>`;
  return `${html}</body></html>`;
}


async function main() {
  if (!existsSync(resolve(import.meta.dirname, '../.output/chrome-mv3/manifest.json'))) {
    console.log('bench-watch-page: build the extension first (npm run build)');
    return;
  }
  const terms = watchTermsOf(defaultWatchlistSettings()).flatMap((t) => [t.term, ...(t.variants ?? [])]);
  const dir = await mkdtemp(join(tmpdir(), 'canh-tin-bench-'));
  const news = await newsPage(100_000, terms);
  await writeFile(join(dir, 'news-no-hits.html'), news);
  await writeFile(join(dir, 'no-hits.html'), article(100_000, false));
  await writeFile(join(dir, 'hits.html'), article(100_000, true));
  // The no-hit pages must have none in their body's text, not even as a substring (else the page is rightly scanned closer).
  const compiled = compileWatchlist(watchTermsOf(defaultWatchlistSettings()));
  for (const page of [news, article(100_000, false)]) {
    const bodyText = page.slice(page.indexOf('<body')).replace(/<[^>]*>/g, '');
    if (mayContainTerms(compiled, bodyText)) throw new Error('bench-watch-page: a no-hit page holds a watch term');
  }
  const session = await launchExtension({ pagesDir: dir });
  const markJs = resolve(import.meta.dirname, '../node_modules/mark.js/dist/mark.min.js');
  const rows = [];
  try {
    const label: Record<string, string> = {
      'news-no-hits.html': 'news page, no hits (100 KB: real article markup)',
      'no-hits.html': 'paragraphs only, no hits (100 KB of text: worst case)',
      'hits.html': 'paragraphs only, with hits (100 KB)',
    };
    for (const page of ['news-no-hits.html', 'no-hits.html', 'hits.html']) {
      const ours: number[] = [];
      const mark: number[] = [];
      const untilPainted: number[] = [];
      const loading: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const tab = await session.context.newPage();
        await tab.goto(`${session.origin}/${page}`);
        const duration = await tab.waitForFunction(
          () => performance.getEntriesByName('canh-tin-watch-main-thread')[0]?.duration,
          undefined,
          { timeout: 10_000 },
        );
        ours.push((await duration.jsonValue()) as number);
        untilPainted.push(await tab.evaluate(() => performance.getEntriesByName('canh-tin-watch-scan')[0]?.duration ?? NaN));
        loading.push(await tab.evaluate(() => performance.getEntriesByName('canh-tin-watch-load')[0]?.duration ?? NaN));
        if (run < MARK_JS_RUNS) {
          await tab.addScriptTag({ path: markJs });
          mark.push(
            await tab.evaluate((words) => {
              const started = performance.now();
              // @ts-expect-error mark.js is loaded into the page as a global
              new Mark(document.body).mark(words, { separateWordSearch: false, accuracy: 'exactly', diacritics: true });
              return performance.now() - started;
            }, terms),
          );
        }
        await tab.close();
      }
      rows.push({
        page: `${label[page]}, ${terms.length} forms`,
        'Canh Tin main thread, median ms': median(ours).toFixed(2),
        'Canh Tin main thread, p95 ms': p95(ours).toFixed(2),
        'of which loading the script, median ms': median(loading).toFixed(2),
        'until painted (matching in the background), median ms': median(untilPainted).toFixed(2),
        'mark.js median ms': median(mark).toFixed(2),
        'mark.js / Canh Tin main thread': (median(mark) / median(ours)).toFixed(1) + '×',
      });
    }
  } finally {
    await session.close();
  }
  console.log(`Watchlist highlighter, main-thread time per page in Chromium (target: < 5 ms with no hits), ${RUNS} loads of each page (mark.js: ${MARK_JS_RUNS})`);
  console.table(rows);
  const os = await import('node:os');
  console.log(`load average ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores (timings on a shared machine inflate with it)`);
}

await main();
