/**
 * Benchmark (not a test) of search-as-you-type over the queue at 1k, 10k and
 * 100k flags: our SearchIndex (lib/queue/search-index.ts) against the baseline
 * "fuse.js over every record" (what search-flags.ts did before it), same run.
 *
 *   node --expose-gc --import tsx scripts/bench-search.ts   (--quick: 1k and 10k only; --size=N: one size)
 *
 * Each query is typed a character at a time; every keystroke is one search.
 * The baseline gets the favourable setup (its index built once, not on every
 * keystroke as the old searchFlags did) and, at 10k and 100k, only a sample of
 * the keystrokes, or it would run for minutes. Heap is the growth of the JS
 * heap plus external memory (typed arrays) while building each structure. One
 * more column times searchFlags for a caller that re-reads the whole list (fresh
 * objects) on every keystroke. Figures are wall time, with CPU time beside the
 * main one: on a shared machine the CPU figure is the steadier. Targets (issue 5):
 * p95 < 30 ms at 10k, < 100 ms at 100k.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import Fuse, { type IFuseOptions } from 'fuse.js';
import type { FlagRecord } from '../lib/flag-record';
import { searchFlags } from '../lib/queue/search-flags';
import { foldForSearch, SEARCH_FIELDS, SearchIndex } from '../lib/queue/search-index';
import { syntheticFlags } from './support/synthetic-flags';

const generator = syntheticFlags();
const outlet = generator.outlets.find((name) => name.startsWith('Báo') && /[^\x00-\x7f]/.test(name)) ?? generator.outlets[1]!;
// A mid-frequency word of the vocabulary, typed without its diacritics.
const bareWord = foldForSearch(Array.from({ length: 40 }, () => generator.viWord()).find((word) => /[^\x00-\x7f]/.test(word) && word.length >= 3) ?? 'thanh');

const QUERIES: readonly { name: string; text: string }[] = [
  { name: 'Vietnamese, no diacritics', text: 'hoang sa' },
  { name: 'three words', text: 'truong sa bien' },
  { name: 'outlet name, with diacritics', text: outlet },
  { name: 'a word without diacritics', text: bareWord },
  { name: 'English', text: 'spratly islands' },
  { name: 'typo (swapped letters)', text: 'truogn sa' },
];

/** Every prefix of every query: "h", "ho", "hoa", … */
const KEYSTROKES = QUERIES.flatMap((query) => Array.from({ length: query.text.length }, (_, n) => query.text.slice(0, n + 1))).filter((text) => text.trim());

/** The baseline: search-flags.ts before the index, every field folded through getFn, same fields and weights. */
const BASELINE_OPTIONS: IFuseOptions<FlagRecord> = {
  keys: SEARCH_FIELDS.map((field) => ({ name: field.name, weight: field.weight })),
  getFn: (record, path) => {
    const value = record[(Array.isArray(path) ? path[0] : path) as keyof FlagRecord];
    return Array.isArray(value) ? value.map((item) => foldForSearch(String(item))) : foldForSearch(String(value ?? ''));
  },
  ignoreLocation: true,
  threshold: 0.3,
  minMatchCharLength: 2,
};

/** JS heap plus memory outside it (typed arrays' buffers live there). */
function heapUsed(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
}

/** CPU time of this process since `since`: steadier than wall time when other jobs share the machine. */
function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

interface Timing {
  median: number;
  p95: number;
  max: number;
  /** The same from CPU time: what the work costs when other jobs share the machine. */
  cpuMedian: number;
  cpuP95: number;
}

function timeEach(inputs: readonly string[], run: (input: string) => unknown): Timing {
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (const input of inputs) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    run(input);
    times.push(performance.now() - start);
    cpuTimes.push(cpuMs(cpu));
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  return {
    median: quantile(times, 0.5),
    p95: quantile(times, 0.95),
    max: times[times.length - 1] ?? Number.NaN,
    cpuMedian: quantile(cpuTimes, 0.5),
    cpuP95: quantile(cpuTimes, 0.95),
  };
}

/** n keystrokes spread over the whole list, so every query is represented. */
function sample(items: readonly string[], n: number): string[] {
  if (n >= items.length) return [...items];
  return Array.from({ length: n }, (_, k) => items[Math.floor((k * items.length) / n)]!);
}

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(0));
const mb = (bytes: number) => `${Math.max(0, bytes / 1048576).toFixed(0)} MB`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(a / b < 10 ? 1 : 0)}×`;

function printTable(header: readonly string[], rows: readonly string[][]): void {
  const widths = header.map((h, col) => Math.max(h.length, ...rows.map((row) => (row[col] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, col) => cell.padEnd(widths[col] ?? 0)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

function main(): void {
  const sizeArg = process.argv.find((arg) => arg.startsWith('--size='));
  const sizes = sizeArg ? [Number(sizeArg.slice('--size='.length))] : process.argv.includes('--quick') ? [1_000, 10_000] : [1_000, 10_000, 100_000];
  const rows: string[][] = [];
  const perQuery: string[][] = [];
  const all: FlagRecord[] = [];
  for (const size of sizes) {
    while (all.length < size) all.push(generator.record(all.length));
    const records = all.slice(0, size);

    let before = heapUsed();
    let start = performance.now();
    let cpu = process.cpuUsage();
    const index = new SearchIndex(records);
    const buildOurs = performance.now() - start;
    const cpuOurs = cpuMs(cpu);
    const memOurs = heapUsed() - before;
    // One untimed pass first: figures are for a warmed-up JIT, as in a popup after its first few keystrokes.
    for (const text of KEYSTROKES) index.search(text);
    const ours = timeEach(KEYSTROKES, (text) => index.search(text));
    const oursLimited = timeEach(KEYSTROKES, (text) => index.search(text, { limit: 50 }));

    // Keeping the index live: one note edited (re-indexed), one record removed and added back.
    const edited = { ...records[Math.floor(size / 2)]!, note: 'Đã gửi nhóm phản bác, chờ ý kiến' };
    const live = timeEach(['update', 'remove', 'add'], (step) => {
      if (step === 'update') index.update(edited);
      else if (step === 'remove') index.remove(edited.id);
      else index.add(edited);
    });

    // searchFlags for a caller that re-reads the whole list (fresh objects) on every keystroke:
    // the cached index is synced with it. The copies are made outside the timing.
    searchFlags(records, 'warm up');
    const popupKeystrokes = sample(KEYSTROKES, size >= 100_000 ? 20 : KEYSTROKES.length);
    const popupTimes: number[] = [];
    for (const text of popupKeystrokes) {
      const fresh = records.map((record) => ({ ...record }));
      start = performance.now();
      searchFlags(fresh, text);
      popupTimes.push(performance.now() - start);
    }
    popupTimes.sort((a, b) => a - b);

    before = heapUsed();
    start = performance.now();
    cpu = process.cpuUsage();
    const fuse = new Fuse(records, BASELINE_OPTIONS);
    const buildFuse = performance.now() - start;
    const cpuFuse = cpuMs(cpu);
    const memFuse = heapUsed() - before;
    const baselineKeystrokes = sample(KEYSTROKES, size >= 100_000 ? 8 : size >= 10_000 ? 24 : KEYSTROKES.length);
    const baseline = timeEach(baselineKeystrokes, (text) => fuse.search(foldForSearch(text)));

    rows.push([
      size.toLocaleString('en'),
      `${ms(ours.median)} / ${ms(ours.p95)} (max ${ms(ours.max)}; CPU ${ms(ours.cpuMedian)} / ${ms(ours.cpuP95)})`,
      `${ms(oursLimited.median)} / ${ms(oursLimited.p95)}`,
      `${ms(baseline.median)} / ${ms(baseline.p95)} (n=${baselineKeystrokes.length})`,
      `${ratio(baseline.median, ours.median)} / ${ratio(baseline.p95, ours.p95)}`,
      `${ms(buildOurs)} ms (CPU ${ms(cpuOurs)}), ${mb(memOurs)}`,
      `${ms(buildFuse)} ms (CPU ${ms(cpuFuse)}), ${mb(memFuse)}`,
      `${ms(live.median)} / ${ms(live.max)}`,
      `${ms(quantile(popupTimes, 0.5))} / ${ms(quantile(popupTimes, 0.95))}`,
    ]);

    for (const query of QUERIES) {
      const keys = KEYSTROKES.filter((text) => query.text.startsWith(text) && text.length <= query.text.length);
      const timing = timeEach(keys, (text) => index.search(text));
      const hits = index.search(query.text);
      const fuseHits = size <= 10_000 ? String(fuse.search(foldForSearch(query.text)).length) : '—';
      perQuery.push([
        size.toLocaleString('en'),
        `${query.name}: "${query.text}"`,
        `${ms(timing.median)} / ${ms(timing.p95)}`,
        String(hits.length),
        fuseHits,
        hits[0] ? hits[0].title.slice(0, 60) : '',
      ]);
    }
  }
  console.log(`Search as you type: ${KEYSTROKES.length} keystrokes over ${QUERIES.length} queries; ms median / p95.\n`);
  printTable(
    ['records', 'ours, all results', 'ours, limit 50', 'fuse.js over every record', 'speed-up (median / p95)', 'ours build, heap', 'fuse.js build, heap', 'live update/remove/add ms (median / max)', 'searchFlags, list re-read each keystroke'],
    rows,
  );
  console.log('\nPer query (ours, every keystroke), result counts for the whole query:\n');
  printTable(['records', 'query', 'ms median / p95', 'ours: results', 'fuse.js: results', 'our top result'], perQuery);
  console.log(`\nNode ${process.version}; ${(globalThis as { gc?: unknown }).gc ? 'gc exposed' : 'no --expose-gc: heap figures are approximate'}; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} CPUs (a busy machine stretches every figure). Targets: p95 < 30 ms at 10k, < 100 ms at 100k.`);
}

main();
