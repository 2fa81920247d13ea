/**
 * `npm run merge -- a.csv b.csv … -o merged.csv [--headings vi|en]`: several
 * monitors' CSV exports → one deduplicated CSV, one row per story with its copies.
 * File I/O and the report only; the merge itself is lib/csv/merge-flag-csvs.ts.
 *
 * Exit codes: 0 merged, 2 usage error, 1 no input could be read (nothing written).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { decodeTextFile } from '../lib/csv/decode-text-file';
import type { HeadingLanguage } from '../lib/csv/flag-columns';
import { type CsvFile, type MergeReport, mergeFlagCsvFiles, storyRowsToCsv } from '../lib/csv/merge-flag-csvs';
import type { ImportProblem } from '../lib/csv/read-flags-csv';

const USAGE = 'usage: npm run merge -- a.csv b.csv … -o merged.csv [--headings vi|en]';

interface Args {
  inputs: string[];
  output: string;
  headings: HeadingLanguage;
}

class UsageError extends Error {}
class HelpRequested extends Error {}

function parseArgs(argv: readonly string[]): Args {
  const inputs: string[] = [];
  let output = '';
  let headings: HeadingLanguage = 'en';
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const next = inline ?? argv[(i += 1)];
      if (next === undefined || next === '') throw new UsageError(`${name} needs a value`);
      return next;
    };
    if (name === '-h' || name === '--help') throw new HelpRequested();
    if (name === '-o' || name === '--output') output = value();
    else if (name === '--headings') {
      const chosen = value();
      if (chosen !== 'vi' && chosen !== 'en') throw new UsageError(`--headings must be vi or en, not "${chosen}"`);
      headings = chosen;
    } else if (name.startsWith('-') && name !== '-') throw new UsageError(`unknown option ${name}`);
    else inputs.push(arg);
  }
  if (inputs.length === 0) throw new UsageError('no input CSV files');
  if (!output) throw new UsageError('no output file (-o merged.csv)');
  return { inputs, output, headings };
}

function describeProblem(problem: ImportProblem): string {
  switch (problem.code) {
    case 'missing-url':
      return 'no url';
    case 'bad-url':
      return `not an http(s) address: ${problem.value}`;
    case 'bad-date':
      return `unreadable date: ${problem.value}`;
    case 'bad-status':
      return `unknown status: ${problem.value}`;
    case 'bad-category':
      return `unknown category: ${problem.value}`;
    case 'bad-number':
      return `not a positive whole number: ${problem.value}`;
    case 'unclosed-quote':
      return 'a quoted cell is never closed; the file was not read';
    case 'no-url-column':
      return 'no url column in the header; the file was not read';
  }
}

function formatReport(report: MergeReport, unreadable: readonly string[]): string {
  const lines: string[] = [];
  for (const name of unreadable) lines.push(`${name}: could not be read`);
  for (const file of report.files) {
    lines.push(`${file.name}: ${file.rows} rows read, ${file.problems.length} rejected`);
    for (const problem of file.problems) lines.push(`  line ${problem.line}: ${describeProblem(problem)}`);
  }
  lines.push(`total: ${report.stories} stories, ${report.copies} copies`);
  return lines.join('\n') + '\n';
}

function main(argv: readonly string[]): number {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (error instanceof HelpRequested) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    return 2;
  }

  const files: CsvFile[] = [];
  const unreadable: string[] = [];
  for (const path of args.inputs) {
    try {
      files.push({ name: path, text: decodeTextFile(readFileSync(path)).text });
    } catch (error) {
      unreadable.push(`${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  }

  const { rows, report } = mergeFlagCsvFiles(files, { now: Date.now(), newId: randomUUID });
  process.stderr.write(formatReport(report, unreadable));
  if (rows.length === 0) {
    process.stderr.write(`no rows could be read; ${args.output} was not written\n`);
    return 1;
  }
  writeFileSync(args.output, storyRowsToCsv(rows, args.headings), 'utf8');
  process.stderr.write(`wrote ${args.output}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
