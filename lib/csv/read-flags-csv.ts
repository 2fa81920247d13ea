/**
 * Reads a CSV exported by Canh Tin (either heading language, from any monitor)
 * back into flag records, validating row by row. Bad rows are reported by
 * file line and left out; good rows are returned for one import transaction.
 */
import { isCategorySlug } from '../categories';
import { FLAG_STATUSES, FLAG_TRIGGERS, MAX_EXCERPT, isSeverity, type FlagRecord, type FlagStatus, type FlagTrigger } from '../flag-record';
import { withoutFragment } from '../page/page-metadata';
import { cleanMultiLine, cleanSingleLine } from '../text/clean-text';
import { toVietnamIso } from '../time/format-vietnam-time';
import { parseDateCell } from '../time/parse-date-cell';
import { FLAG_COLUMNS } from './flag-columns';
import { CsvSyntaxError, parseCsv } from './parse-csv';

export type ImportProblem =
  | { line: number; code: 'missing-url' }
  | { line: number; code: 'bad-url' | 'bad-date' | 'bad-status' | 'bad-category' | 'bad-number'; value: string }
  | { line: number; code: 'unclosed-quote' }
  | { line: number; code: 'no-url-column' };

export interface ReadFlagsResult {
  records: FlagRecord[];
  /** The file line of each record (same order), for reports. */
  lines: number[];
  /** Each record's `copy_urls` cell (same order): the copies a merged file lists; [] when none. */
  copyUrls: string[][];
  problems: ImportProblem[];
}

/** Undoes the export's formula guard: "'=HYPERLINK(…)" was "=HYPERLINK(…)". */
function unguard(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

const headingToKey = new Map<string, string>(
  FLAG_COLUMNS.flatMap((column) => [
    [column.key.toLowerCase(), column.key],
    [column.vi.normalize('NFC').toLowerCase(), column.key],
  ]),
);

function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** "a; b; c" → ['a', 'b', 'c'], each cleaned, empty ones dropped. */
function splitList(cell: string, maxLength: number): string[] {
  return cell
    .split(';')
    .map((item) => cleanSingleLine(item, maxLength))
    .filter(Boolean);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const headingKey = (cell: string): string => headingToKey.get(cell.trim().replace(/^"|"$/g, '').normalize('NFC').toLowerCase()) ?? '';

/**
 * The separator the file's heading line uses: ours write commas, but a file opened and saved again in
 * Excel has ";" where the decimal mark is a comma (Vietnamese Windows) and tabs as "Unicode text".
 * The one that cuts the heading into the most known column names wins; a comma when none does.
 */
function separatorOf(text: string): ',' | ';' | '\t' {
  const firstLine = text.slice(0, Math.max(0, text.indexOf('\n')) || text.length).replace(/^\uFEFF/, '');
  let best: ',' | ';' | '\t' = ',';
  let bestCount = 0;
  for (const separator of [',', ';', '\t'] as const) {
    const count = firstLine.split(separator).filter((cell) => headingKey(cell) !== '').length;
    if (count > bestCount) [best, bestCount] = [separator, count];
  }
  return best;
}

/** A whole number of times, as a person or a spreadsheet writes it (not "0x10", "1e300" or past 9 digits). */
function countCell(text: string): number | null {
  return /^\d{1,9}$/.test(text) ? Number(text) : null;
}

export function readFlagsCsv(text: string, options: { now: number; newId(): string }): ReadFlagsResult {
  const result: ReadFlagsResult = { records: [], lines: [], copyUrls: [], problems: [] };
  let rows;
  try {
    rows = parseCsv(text, separatorOf(text));
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      result.problems.push({ line: error.line, code: 'unclosed-quote' });
      return result;
    }
    throw error;
  }
  const [header, ...body] = rows;
  if (!header) return result;
  const keys = header.cells.map(headingKey);
  if (!keys.includes('url')) {
    result.problems.push({ line: header.line, code: 'no-url-column' });
    return result;
  }

  for (const row of body) {
    // Rows of empty cells (",,,,") are what a spreadsheet leaves below the data: not stories, not errors.
    if (row.cells.every((value) => value.trim() === '')) continue;
    const cell = (key: string): string => {
      const index = keys.indexOf(key);
      return index < 0 ? '' : unguard(row.cells[index] ?? '').trim();
    };
    const line = row.line;
    const url = cleanSingleLine(cell('url'), 4000);
    if (!url) {
      result.problems.push({ line, code: 'missing-url' });
      continue;
    }
    if (!isHttpUrl(url)) {
      result.problems.push({ line, code: 'bad-url', value: url });
      continue;
    }
    const date = (key: string, fallback: number): number | null => {
      const value = cell(key);
      if (!value) return fallback;
      const parsed = parseDateCell(value);
      if (parsed === null) result.problems.push({ line, code: 'bad-date', value });
      return parsed;
    };
    const exportedAt = date('exported_at', 0);
    if (exportedAt === null) continue;
    const capturedAt = date('captured_at', options.now);
    if (capturedAt === null) continue;
    const lastFlaggedAt = date('last_flagged_at', capturedAt);
    if (lastFlaggedAt === null) continue;

    const status = cell('status').toLowerCase() || 'new';
    if (!(FLAG_STATUSES as readonly string[]).includes(status)) {
      result.problems.push({ line, code: 'bad-status', value: status });
      continue;
    }
    // Categories are editable in options, so another monitor's file may carry ids this
    // monitor does not know: any slug-like id is kept (shown as itself until defined here).
    const category = cell('category');
    if (category && !isCategorySlug(category)) {
      result.problems.push({ line, code: 'bad-category', value: category });
      continue;
    }
    const timesText = cell('times_flagged');
    const timesFlagged = timesText ? countCell(timesText) : 1;
    if (timesFlagged === null || timesFlagged < 1) {
      result.problems.push({ line, code: 'bad-number', value: timesText });
      continue;
    }
    const severityText = cell('severity');
    const severity = severityText ? Number(severityText) : 0;
    if (!isSeverity(severity)) {
      result.problems.push({ line, code: 'bad-number', value: severityText });
      continue;
    }
    // Publication time is kept as the page wrote it (ISO with offset); anything else is reported.
    const publishedText = cell('published_at');
    const publishedMs = publishedText ? parseDateCell(publishedText) : null;
    if (publishedText && publishedMs === null) {
      result.problems.push({ line, code: 'bad-date', value: publishedText });
      continue;
    }
    const publishedAt = publishedText && /[zZ]|[+-]\d{2}:?\d{2}$/.test(publishedText) ? publishedText : publishedMs === null ? '' : toVietnamIso(publishedMs);
    const trigger = cell('flagged_via');
    const canonical = cleanSingleLine(cell('canonical_url'), 4000);
    const id = cell('id');

    result.records.push({
      id: UUID.test(id) ? id.toLowerCase() : options.newId(),
      url,
      canonicalUrl: isHttpUrl(canonical) ? canonical : withoutFragment(url),
      title: cleanSingleLine(cell('title')),
      siteName: cleanSingleLine(cell('site_name')),
      description: cleanMultiLine(cell('description'), 2000),
      lang: cleanSingleLine(cell('lang'), 35).toLowerCase(),
      quote: cleanMultiLine(cell('quote')),
      foundOnUrl: cleanSingleLine(cell('found_on_url'), 4000),
      capturedAt,
      lastFlaggedAt: Math.max(lastFlaggedAt, capturedAt),
      timesFlagged,
      monitor: cleanSingleLine(cell('monitor'), 120),
      trigger: (FLAG_TRIGGERS as readonly string[]).includes(trigger) ? (trigger as FlagTrigger) : 'automation',
      status: status as FlagStatus,
      category,
      watchTerms: splitList(cell('watch_terms'), 200),
      author: cleanSingleLine(cell('author'), 200),
      publishedAt,
      publishedAtZoneAssumed: false,
      modifiedAt: '',
      excerpt: cleanMultiLine(cell('excerpt'), MAX_EXCERPT),
      wordCount: 0,
      copyCount: 1,
      severity,
      tags: splitList(cell('tags'), 100),
      note: cleanMultiLine(cell('note'), 4000),
      exportedAt,
    });
    result.lines.push(line);
    result.copyUrls.push(
      cell('copy_urls')
        .split(/\r?\n/)
        .map((value) => cleanSingleLine(value, 4000))
        .filter(isHttpUrl),
    );
  }
  return result;
}
