/**
 * Benchmark (not a test) of the dedup decision at 1k, 10k and 100k existing
 * records, in the same run: the extension's path (the persistent candidate
 * index in Dexie, decided on a fresh connection: nothing in memory, as after a
 * service-worker restart), the in-memory StoryIndex (what the merge CLI and the
 * eval use) and the naive "fuse.js over every record's title".
 *
 *   npx tsx scripts/bench-dedup.ts   (--quick: 1k and 10k only; --size=N: one size; --no-naive: skip fuse.js; --no-db: skip Dexie)
 *
 * Records are synthetic: Vietnamese and English headlines with a Zipf word
 * distribution, ~200 outlets, lead paragraphs, tracking-parameter URL variants.
 * The Dexie path runs on fake-indexeddb (in Node: ratios matter, not absolute
 * times; PERFORMANCE.md has Chromium's factors). Its database is filled as a
 * version-5 database and upgraded, so the fill time is the v6 migration's.
 * Memory is the heap growth while building each structure (run with
 * `node --expose-gc --import tsx` for steadier memory figures).
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { serialize } from 'node:v8';
import Dexie from 'dexie';
import { IDBKeyRange as FakeKeyRange, indexedDB as fakeIndexedDB } from 'fake-indexeddb';
import Fuse from 'fuse.js';
import { findDuplicateInDatabase } from '../lib/db/dedup-index';
import { saveFlag } from '../lib/db/flag-repository';
import { type CanhTinDatabase, SCHEMA_VERSIONS, createDatabase, firstCopyOf } from '../lib/db/schema';
import { dedupIndexRow } from '../lib/dedup/dedup-keys';
import { type DedupInput, StoryIndex, findDuplicate } from '../lib/dedup/find-duplicate';
import { recordFeatures } from '../lib/dedup/record-features';
import type { FlagRecord } from '../lib/flag-record';
import { seededRandom, syntheticText } from './support/synthetic-flags';

// Deterministic, so runs are comparable; the same words and outlets as the other benches' records.
const random = seededRandom(20241105);
const { outlets: OUTLETS, sentence, pick } = syntheticText(random);

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

/**
 * Re-flags that only words can catch, at scale: the headline alone (another
 * site, no lead), a cut headline alone, the lead under another headline. Each
 * is a copy of `base`; counted, not timed.
 */
function hardQueries(existing: readonly DedupInput[]): Array<{ input: DedupInput; of: string }> {
  return Array.from({ length: 300 }, (_, n) => {
    const base = existing[(n * 7919) % existing.length] as DedupInput;
    const words = base.title.split(' ');
    const other = { ...base, id: `hard-${n}`, url: `https://elsewhere${n}.example/p/${n}` };
    const input =
      n % 3 === 0
        ? { ...other, text: '' }
        : n % 3 === 1
          ? { ...other, title: `${words.slice(0, Math.max(5, words.length - 3)).join(' ')}…`, text: '' }
          : { ...other, title: 'Một tiêu đề khác hẳn về chuyện khác' };
    return { input, of: base.id };
  });
}

function heapUsed(): number {
  gc?.();
  return process.memoryUsage().heapUsed;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

interface Timing {
  median: number;
  p95: number;
}

function summary(times: number[]): Timing {
  times.sort((a, b) => a - b);
  return { median: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

function timeEach(count: number, run: (n: number) => void): Timing {
  const times: number[] = [];
  for (let n = 0; n < count; n += 1) {
    const start = performance.now();
    run(n);
    times.push(performance.now() - start);
  }
  return summary(times);
}

type Gc = (options?: { type: 'minor' | 'major' }) => void;
const gc = (globalThis as { gc?: Gc }).gc;

/**
 * `settle`: a young-generation GC before each run, not timed. fake-indexeddb keeps
 * the whole database in this heap (about 1 GB at 100k copies), which makes each
 * scavenge cost 5–12 ms here (node --trace-gc); in a browser the database lives
 * outside the JS heap. Without it the p95 measures the test double's garbage
 * collector, so both figures are printed.
 */
async function timeEachAsync(count: number, run: (n: number) => Promise<unknown>, settle = false): Promise<Timing> {
  const times: number[] = [];
  for (let n = 0; n < count; n += 1) {
    if (settle) gc?.({ type: 'minor' });
    const start = performance.now();
    await run(n);
    times.push(performance.now() - start);
  }
  return summary(times);
}

/** A synthetic record as the extension stores it when flagged (one story, one copy). */
function toFlag(input: DedupInput, at: number): FlagRecord {
  const capturedAt = START + at * 60_000;
  return {
    id: input.id,
    url: input.url,
    canonicalUrl: input.canonicalUrl ?? '',
    title: input.title,
    siteName: input.siteName ?? '',
    description: '',
    lang: '',
    quote: '',
    foundOnUrl: '',
    capturedAt,
    lastFlaggedAt: capturedAt,
    timesFlagged: 1,
    monitor: 'bench',
    trigger: 'automation',
    status: 'new',
    category: '',
    watchTerms: [],
    author: '',
    publishedAt: input.publishedAt ?? '',
    publishedAtZoneAssumed: false,
    modifiedAt: '',
    excerpt: input.text ?? '',
    wordCount: 0,
    copyCount: 1,
    severity: 0,
    tags: [],
    note: '',
    exportedAt: 0,
  };
}

const onFakeIndexedDB = { indexedDB: fakeIndexedDB, IDBKeyRange: FakeKeyRange };

/** A version-5 database of `records`, one story each: what an extension updating to v6 holds. */
async function fillVersion5(name: string, records: readonly DedupInput[]): Promise<void> {
  const v5 = new Dexie(name, onFakeIndexedDB);
  for (const version of [1, 2, 3, 4, 5] as const) v5.version(version).stores(SCHEMA_VERSIONS[version]);
  // In slices: one bulkAdd of 100k structured clones at once needs far more memory.
  for (let from = 0; from < records.length; from += 10_000) {
    const flags = records.slice(from, from + 10_000).map((record, at) => toFlag(record, from + at));
    await v5.table('flags').bulkAdd(flags);
    await v5.table('copies').bulkAdd(flags.map((flag) => firstCopyOf({ ...flag })));
  }
  v5.close();
}

/**
 * What placeInStory decides before it writes: the exact-URL lookup, then the
 * fuzzy decision over the Dexie index. Returns the story the record joins (null: new).
 */
async function decideInDatabase(db: CanhTinDatabase, input: DedupInput): Promise<string | null> {
  const features = recordFeatures(input);
  return db.transaction('r', [db.copies, db.dedupIndex, db.flags], async () => {
    const [known] = await db.copies.where('urlKeys').anyOf(features.urlKeys).toArray();
    if (known) return known.flagId;
    const decision = await findDuplicateInDatabase(db, features);
    return decision.kind === 'copy' ? decision.of : null;
  });
}

interface DexieFigures {
  /** With a young-generation GC before each decision (see timeEachAsync). */
  decision: Timing;
  unsettled: Timing;
  save: Timing;
  restart: Timing;
  fillMs: number;
  agreement: string;
  /** Hard re-flags joined to the right story, and to a wrong one. */
  hardFound: number;
  hardWrong: number;
  keysPerCopy: number;
  rowBytes: number;
}

/**
 * The extension's path at one size: fill a v5 database, upgrade it (the v6 fill),
 * then decide on fresh connections only. `expected[n]` is the in-memory decision
 * for query n, to count how often both paths agree.
 */
async function benchDexie(
  records: readonly DedupInput[],
  queries: readonly DedupInput[],
  expected: readonly (string | null)[],
  hard: ReadonlyArray<{ input: DedupInput; of: string }>,
): Promise<DexieFigures> {
  const name = `bench-dedup-${records.length}-${Date.now()}`;
  await fillVersion5(name, records);
  let start = performance.now();
  const upgraded = createDatabase({ name, ...onFakeIndexedDB });
  await upgraded.open();
  const fillMs = performance.now() - start;
  upgraded.close();

  // A service-worker restart: a new connection and the first decision on it, a few times,
  // each on a record that needs the fuzzy decision (its address is not known).
  const restartTimes: number[] = [];
  const fuzzy = queries.filter((_, n) => n % 4 !== 0);
  for (let n = 0; n < 5; n += 1) {
    start = performance.now();
    const fresh = createDatabase({ name, ...onFakeIndexedDB });
    await decideInDatabase(fresh, fuzzy[n] as DedupInput);
    restartTimes.push(performance.now() - start);
    fresh.close();
  }

  const db = createDatabase({ name, ...onFakeIndexedDB });
  let agree = 0;
  // The filled fake-indexeddb lives in this heap: collect the fill's garbage before timing.
  gc?.();
  const unsettled = await timeEachAsync(queries.length, async (n) => {
    if ((await decideInDatabase(db, queries[n] as DedupInput)) === expected[n]) agree += 1;
  });
  const decision = await timeEachAsync(queries.length, (n) => decideInDatabase(db, queries[n] as DedupInput), true);
  let hardFound = 0;
  let hardWrong = 0;
  for (const { input, of } of hard) {
    const story = await decideInDatabase(db, input);
    if (story === of) hardFound += 1;
    else if (story !== null) hardWrong += 1;
  }
  // The whole write path (decision, then the flag or copy and its index row), on fresh ids.
  const save = await timeEachAsync(100, (n) => saveFlag(db, toFlag({ ...(queries[n] as DedupInput), id: `save-${n}` }, records.length + n)));

  const sample = records.slice(0, 500).map((record) => dedupIndexRow(record));
  // Free the 100k rows before the next size (fake-indexeddb keeps them in this heap).
  await db.delete();
  return {
    decision,
    unsettled,
    save,
    restart: summary(restartTimes),
    fillMs,
    agreement: `${agree}/${queries.length}`,
    hardFound,
    hardWrong,
    keysPerCopy: sample.reduce((sum, row) => sum + row.keys.length, 0) / sample.length,
    rowBytes: sample.reduce((sum, row) => sum + serialize(row).length, 0) / sample.length,
  };
}

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(0));
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;

function printTable(header: readonly string[], rows: readonly string[][]): void {
  const widths = header.map((h, col) => Math.max(h.length, ...rows.map((row) => (row[col] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, col) => cell.padEnd(widths[col] ?? 0)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

const pair = (t: Timing) => `${ms(t.median)} / ${ms(t.p95)}`;
const ratio = (slow: Timing, fast: Timing) =>
  Number.isFinite(slow.median) && Number.isFinite(fast.median) ? `${Math.round(slow.median / fast.median)}× / ${Math.round(slow.p95 / fast.p95)}×` : '—';

async function main(): Promise<void> {
  const sizeArg = process.argv.find((arg) => arg.startsWith('--size='));
  const sizes = sizeArg ? [Number(sizeArg.slice('--size='.length))] : process.argv.includes('--quick') ? [1_000, 10_000] : [1_000, 10_000, 100_000];
  const withNaive = !process.argv.includes('--no-naive');
  const withDexie = !process.argv.includes('--no-db');
  const rows: string[][] = [];
  const dexieRows: string[][] = [];
  const all: DedupInput[] = [];
  for (const size of sizes) {
    while (all.length < size) all.push(syntheticRecord(all.length));
    const records = all.slice(0, size);

    // In memory: the existing records indexed one at a time (as the CLI does);
    // each timed query then runs the full decision, features included.
    let before = heapUsed();
    let start = performance.now();
    const index = new StoryIndex();
    for (const record of records) index.add(record);
    const buildOurs = performance.now() - start;
    const memOurs = heapUsed() - before;
    const queries = Array.from({ length: 400 }, (_, n) => query(records, n));
    const ours = timeEach(queries.length, (n) => findDuplicate(index, queries[n] as DedupInput));
    const expected = queries.map((q) => {
      const decision = findDuplicate(index, q);
      return decision.kind === 'copy' ? decision.of : null;
    });

    // Naive: fuse.js over every title, the whole new title as the pattern.
    before = heapUsed();
    start = performance.now();
    const fuse = new Fuse(withNaive ? records : [], { keys: ['title'], includeScore: true, threshold: 0.3, ignoreLocation: true });
    const buildNaive = performance.now() - start;
    const memNaive = heapUsed() - before;
    const naiveQueries = !withNaive ? 0 : size >= 100_000 ? 5 : size >= 10_000 ? 20 : 100;
    const naive = timeEach(naiveQueries, (n) => fuse.search((queries[n] as DedupInput).title, { limit: 1 }));

    // Serialised index: how fast a stopped service worker would get an in-memory index back.
    const json = JSON.stringify(index.toJSON());
    start = performance.now();
    StoryIndex.fromJSON(JSON.parse(json));
    const reload = performance.now() - start;

    const hard = hardQueries(records);
    const hardInMemory = hard.filter(({ input, of }) => {
      const decision = findDuplicate(index, input);
      return decision.kind === 'copy' && decision.of === of;
    }).length;
    const dexie = withDexie ? await benchDexie(records, queries, expected, hard) : undefined;
    const none: Timing = { median: Number.NaN, p95: Number.NaN };
    rows.push([
      size.toLocaleString('en'),
      dexie ? pair(dexie.decision) : '—',
      pair(ours),
      `${pair(naive)} (n=${naiveQueries})`,
      ratio(naive, dexie?.decision ?? none),
      ratio(naive, ours),
      `${(buildOurs / 1000).toFixed(1)} s, ${mb(memOurs)}`,
      `${ms(buildNaive)} ms, ${mb(memNaive)}`,
      `${(json.length / 1048576).toFixed(1)} MB, ${ms(reload)} ms`,
    ]);
    if (dexie) {
      dexieRows.push([
        size.toLocaleString('en'),
        pair(dexie.unsettled),
        pair(dexie.restart),
        pair(dexie.save),
        `${(dexie.fillMs / 1000).toFixed(1)} s`,
        `${dexie.keysPerCopy.toFixed(0)} keys, ${(dexie.rowBytes / 1024).toFixed(1)} KB`,
        dexie.agreement,
        `${dexie.hardFound} (${dexie.hardWrong} wrong) / ${hardInMemory} of ${hard.length}`,
      ]);
    }
  }
  printTable(
    [
      'records',
      'Dexie, cold ms (median / p95)',
      'in-memory ms (median / p95)',
      'naive fuse.js ms (median / p95)',
      'naive ÷ Dexie',
      'naive ÷ in-memory',
      'in-memory build, heap',
      'naive build, heap',
      'serialised, reload',
    ],
    rows,
  );
  if (dexieRows.length > 0) {
    console.log('\nDexie path (fake-indexeddb):');
    printTable(['records', 'cold ms, GC not settled', 'restart + 1st decision ms', 'saveFlag ms (median / p95)', 'v6 fill (migration)', 'index row per copy', 'same decision as in-memory', 'hard re-flags found: Dexie / in-memory'], dexieRows);
  }
  console.log(
    `\nNode ${process.version}, ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end (a shared machine's load shows in the p95s); ` +
      `${(globalThis as { gc?: unknown }).gc ? 'gc exposed' : 'no --expose-gc: heap figures are approximate'}; queries: 400 per size (half re-flags of existing articles, half new).` +
      '\nHard re-flags: the headline alone on another site, a cut headline alone, or the lead under another headline (each a copy of an existing record).' +
      '\nDexie, cold: exact-URL lookup + fuzzy decision in a read-only transaction, on a connection with nothing in memory (the Dexie path keeps no state between decisions),' +
      ' after an untimed young-generation GC: fake-indexeddb holds the whole database in this heap, so its scavenges (5–12 ms at 100k) are not the decision\'s cost; "GC not settled" is the same without it.' +
      '\nThe Dexie path holds no resident heap: its memory is the database (row size is the v8 structured-clone size; the index entries come on top).',
  );
}

void main();
