/**
 * Benchmark (not a test) of the weekly CSV at a year's scale: export of 100k
 * flags through flagsToCsv (lib/csv/flag-columns.ts → write-csv.ts) and import
 * of that file through readFlagsCsv (parse + validate), each next to
 * papaparse on the same data in the same run.
 *
 *   node --expose-gc --import tsx scripts/bench-csv.ts   (--size=N: other than 100k; --runs=N: timed runs, default 5)
 *
 * Fairness: both writers get the same rows of strings (the column values are
 * computed once, outside the timing, for the "writer only" lines) and both
 * apply the same formula guard (papaparse's `escapeFormulae` uses our trigger
 * set, = + - @ TAB CR). papaparse also quotes guarded cells and cells with an
 * outer space, so a few rows differ in bytes, never in the values read back.
 * Targets (issue 5): export < 2 s and no slower than papaparse.unparse; import < 10 s.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import Papa from 'papaparse';
import { FLAG_COLUMNS, flagsToCsv } from '../lib/csv/flag-columns';
import { parseCsv } from '../lib/csv/parse-csv';
import { readFlagsCsv } from '../lib/csv/read-flags-csv';
import { UTF8_BOM, writeCsv } from '../lib/csv/write-csv';
import { median } from './support/compare-samples';
import { syntheticFlagRecords } from './support/synthetic-flags';

/** Wall time, and CPU time: the steadier figure when other jobs share the machine. */
function timeRuns<T>(runs: number, run: () => T): { median: number; cpu: number; result: T } {
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let result: T | undefined;
  for (let n = 0; n < runs; n += 1) {
    (globalThis as { gc?: () => void }).gc?.();
    const cpu = process.cpuUsage();
    const start = performance.now();
    result = run();
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
  }
  return { median: median(times), cpu: median(cpuTimes), result: result as T };
}

const seconds = (timing: { median: number; cpu: number }) => `${(timing.median / 1000).toFixed(2)} s (CPU ${(timing.cpu / 1000).toFixed(2)})`;

function printTable(header: readonly string[], rows: readonly string[][]): void {
  const widths = header.map((h, col) => Math.max(h.length, ...rows.map((row) => (row[col] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, col) => cell.padEnd(widths[col] ?? 0)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

function main(): void {
  const size = Number(process.argv.find((arg) => arg.startsWith('--size='))?.slice('--size='.length) ?? 100_000);
  const runs = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.slice('--runs='.length) ?? 5);
  const records = syntheticFlagRecords(size);
  const header = FLAG_COLUMNS.map((column) => column.key);
  const rows = records.map((record) => FLAG_COLUMNS.map((column) => column.value(record, [])));

  const oursEnd = timeRuns(runs, () => flagsToCsv(records));
  const oursWriter = timeRuns(runs, () => writeCsv(header, rows));
  const papaWriter = timeRuns(runs, () => UTF8_BOM + Papa.unparse({ fields: header, data: rows }, { newline: '\r\n', escapeFormulae: true }) + '\r\n');
  const text = oursEnd.result;

  // The writers agree where it matters: the values each file holds (each read by its own library's parser).
  const papaRows = Papa.parse<string[]>(papaWriter.result.slice(1), { newline: '\r\n', skipEmptyLines: true }).data;
  const ourRows = parseCsv(text).map((row) => row.cells);
  const differing = ourRows.filter((cells, n) => cells.join('\u0000') !== (papaRows[n] ?? []).join('\u0000')).length + Math.abs(ourRows.length - papaRows.length);
  const sameBytes = oursWriter.result === papaWriter.result;

  let ids = 0;
  const options = { now: Date.now(), newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}` };
  const importRuns = Math.max(1, Math.min(runs, 3));
  const oursImport = timeRuns(importRuns, () => readFlagsCsv(text, options));
  const oursParse = timeRuns(importRuns, () => parseCsv(text));
  const papaParse = timeRuns(importRuns, () => Papa.parse<string[]>(text.slice(1), { newline: '\r\n', skipEmptyLines: true }));

  const mb = (text.length / 1048576).toFixed(0);
  console.log(`CSV of ${size.toLocaleString('en')} synthetic flags (${FLAG_COLUMNS.length} columns, ${mb} M UTF-16 units); median of ${runs} runs (import: ${importRuns}).\n`);
  printTable(
    ['step', 'ours: wall (CPU)', 'papaparse: wall (CPU)', 'ours / papaparse (CPU)'],
    [
      ['export: records → text (flagsToCsv, column values included)', seconds(oursEnd), '', ''],
      ['export: writer only, same rows of strings', seconds(oursWriter), seconds(papaWriter), (oursWriter.cpu / papaWriter.cpu).toFixed(2)],
      ['import: parse only', seconds(oursParse), seconds(papaParse), (oursParse.cpu / papaParse.cpu).toFixed(2)],
      ['import: parse + validate (readFlagsCsv)', seconds(oursImport), '', ''],
    ],
  );
  const read = oursImport.result;
  console.log(
    `\nRead back: ${read.records.length.toLocaleString('en')} records, ${read.problems.length} problems; papaparse read ${papaParse.result.data.length.toLocaleString('en')} rows.` +
      ` Writers: ${differing} rows differ in values, files ${sameBytes ? 'identical' : 'differ in quoting only'}.`,
  );
  console.log(`Node ${process.version}; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} CPUs (a busy machine stretches every figure). Targets: export < 2 s and ≤ papaparse.unparse; import < 10 s.`);
}

main();
