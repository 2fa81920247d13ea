/**
 * Benchmark (not a test) of the dedup decision at 1k, 10k and 100k existing
 * records: our index vs the naive "fuse.js over every record's title", same run.
 *
 *   npx tsx scripts/bench-dedup.ts            (--quick: 1k and 10k only; --size=N: one size; --no-naive: skip fuse.js)
 *
 * Records are synthetic: Vietnamese and English headlines with a Zipf word
 * distribution, ~200 outlets, lead paragraphs, tracking-parameter URL variants.
 * Memory is the heap growth while building each structure (run with
 * `node --expose-gc --import tsx` for steadier memory figures).
 */
import { performance } from 'node:perf_hooks';
import Fuse from 'fuse.js';
import { type DedupInput, StoryIndex, findDuplicate } from '../lib/dedup/find-duplicate';

// Deterministic PRNG so runs are comparable.
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(20241105);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const VI_INITIALS = ['b', 'c', 'ch', 'd', 'đ', 'g', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'nh', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x', ''];
const VI_RHYMES = ['a', 'à', 'á', 'ả', 'ã', 'ạ', 'an', 'ăn', 'âm', 'anh', 'ao', 'ay', 'ây', 'e', 'ê', 'em', 'ên', 'i', 'in', 'inh', 'o', 'ô', 'ơ', 'oa', 'oan', 'ong', 'ông', 'u', 'ư', 'uân', 'ương', 'ươc', 'ướ', 'ui', 'uy', 'yên', 'ịnh', 'ồng', 'ời', 'ược', 'ứng', 'ải', 'ấu', 'ệt'];
const EN_ONSETS = ['b', 'br', 'c', 'cl', 'd', 'dr', 'f', 'g', 'gr', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'pr', 'r', 's', 'st', 't', 'tr', 'v', 'w'];
const EN_NUCLEI = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'oo'];
const EN_CODAS = ['', 'n', 'r', 's', 't', 'nd', 'ng', 'st', 'rk', 'll'];

function vocabulary(make: () => string, size: number): string[] {
  const words = new Set<string>();
  while (words.size < size) words.add(make());
  return [...words];
}
const VI_WORDS = vocabulary(() => pick(VI_INITIALS) + pick(VI_RHYMES), 900);
const EN_WORDS = vocabulary(() => pick(EN_ONSETS) + pick(EN_NUCLEI) + pick(EN_CODAS) + (random() < 0.5 ? pick(EN_NUCLEI) + pick(EN_CODAS) : ''), 4000);

/** Zipf-distributed word: a few very common words, a long tail of rare ones. */
function zipfPicker(words: readonly string[]): () => string {
  const weights = words.map((_, rank) => 1 / (rank + 1));
  const total = weights.reduce((sum, w) => sum + w, 0);
  const cumulative: number[] = [];
  let running = 0;
  for (const w of weights) cumulative.push((running += w / total));
  return () => {
    const x = random();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 1) < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo] ?? '';
  };
}
const viWord = zipfPicker(VI_WORDS);
const enWord = zipfPicker(EN_WORDS);

const OUTLETS = Array.from({ length: 200 }, (_, n) => {
  const vi = n % 3 !== 0;
  const name = vi ? `Báo ${viWord()} ${viWord()}`.replace(/\b\w/g, (c) => c.toUpperCase()) : `The ${enWord()} ${enWord()} Post`;
  return { host: `outlet${n}.example`, name, vi };
});

function sentence(vi: boolean, words: number): string {
  const parts: string[] = [];
  for (let i = 0; i < words; i += 1) parts.push(random() < 0.06 ? String(Math.floor(random() * 500)) : vi ? viWord() : enWord());
  return parts.join(' ');
}

const DAY = 24 * 3600 * 1000;
const START = Date.parse('2024-01-01T00:00:00+07:00');

function syntheticRecord(n: number): DedupInput {
  const outlet = pick(OUTLETS);
  const title = sentence(outlet.vi, 8 + Math.floor(random() * 9));
  const slug = title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/\W+/g, '-').toLowerCase();
  return {
    id: `rec-${n}`,
    url: `https://${outlet.host}/${outlet.vi ? 'tin-tuc' : 'news'}/${slug}-${n}.html`,
    title: random() < 0.3 ? `${title} - ${outlet.name}` : title,
    siteName: outlet.name,
    publishedAt: new Date(START + Math.floor(random() * 365 * DAY)).toISOString(),
    text: sentence(outlet.vi, 30 + Math.floor(random() * 20)),
  };
}

/** A query: half re-flags of an existing article (other URL, tracking params, cut title), half new articles. */
function query(existing: readonly DedupInput[], n: number): DedupInput {
  if (n % 2 === 1) return syntheticRecord(10_000_000 + n);
  const base = existing[Math.floor(random() * existing.length)] as DedupInput;
  const words = base.title.split(' ');
  return {
    ...base,
    id: `query-${n}`,
    url: n % 4 === 0 ? `${base.url.replace('https://', 'http://m.')}?utm_source=zalo&zarsrc=30#comments` : `https://repost${n % 50}.example/a/${n}.html`,
    title: n % 8 === 2 ? `${words.slice(0, Math.max(5, words.length - 3)).join(' ')}…` : base.title.toUpperCase(),
  };
}

function heapUsed(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  return process.memoryUsage().heapUsed;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

function timeEach(count: number, run: (n: number) => void): { median: number; p95: number } {
  const times: number[] = [];
  for (let n = 0; n < count; n += 1) {
    const start = performance.now();
    run(n);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(0));
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;

function main(): void {
  const sizeArg = process.argv.find((arg) => arg.startsWith('--size='));
  const sizes = sizeArg ? [Number(sizeArg.slice('--size='.length))] : process.argv.includes('--quick') ? [1_000, 10_000] : [1_000, 10_000, 100_000];
  const withNaive = !process.argv.includes('--no-naive');
  const rows: string[][] = [];
  const all: DedupInput[] = [];
  for (const size of sizes) {
    while (all.length < size) all.push(syntheticRecord(all.length));
    const records = all.slice(0, size);

    // Ours: the existing records indexed one at a time (as a rebuild from the
    // database does); each timed query then runs the full decision, features included.
    let before = heapUsed();
    let start = performance.now();
    const index = new StoryIndex();
    for (const record of records) index.add(record);
    const buildOurs = performance.now() - start;
    const memOurs = heapUsed() - before;
    const queries = Array.from({ length: 400 }, (_, n) => query(records, n));
    const ours = timeEach(queries.length, (n) => findDuplicate(index, queries[n] as DedupInput));

    // Naive: fuse.js over every title, the whole new title as the pattern.
    before = heapUsed();
    start = performance.now();
    const fuse = new Fuse(withNaive ? records : [], { keys: ['title'], includeScore: true, threshold: 0.3, ignoreLocation: true });
    const buildNaive = performance.now() - start;
    const memNaive = heapUsed() - before;
    const naiveQueries = !withNaive ? 0 : size >= 100_000 ? 5 : size >= 10_000 ? 20 : 100;
    const naive = timeEach(naiveQueries, (n) => fuse.search((queries[n] as DedupInput).title, { limit: 1 }));

    // Serialised index: how fast a stopped service worker gets it back.
    const json = JSON.stringify(index.toJSON());
    start = performance.now();
    StoryIndex.fromJSON(JSON.parse(json));
    const reload = performance.now() - start;

    rows.push([
      size.toLocaleString('en'),
      `${ms(ours.median)} / ${ms(ours.p95)}`,
      `${ms(naive.median)} / ${ms(naive.p95)} (n=${naiveQueries})`,
      `${Math.round(naive.median / ours.median)}× / ${Math.round(naive.p95 / ours.p95)}×`,
      `${(buildOurs / 1000).toFixed(1)} s, ${mb(memOurs)}`,
      `${ms(buildNaive)} ms, ${mb(memNaive)}`,
      `${(json.length / 1048576).toFixed(1)} MB, ${ms(reload)} ms`,
    ]);
  }
  const header = ['records', 'ours ms (median / p95)', 'naive fuse.js ms (median / p95)', 'speed-up (median / p95)', 'ours build, heap', 'naive build, heap', 'serialised, reload'];
  const widths = header.map((h, col) => Math.max(h.length, ...rows.map((row) => (row[col] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, col) => cell.padEnd(widths[col] ?? 0)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
  console.log(`\nNode ${process.version}; ${(globalThis as { gc?: unknown }).gc ? 'gc exposed' : 'no --expose-gc: heap figures are approximate'}; queries: 400 per size (half re-flags of existing articles, half new).`);
}

main();
