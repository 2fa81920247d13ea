/**
 * The CSV columns of an exported queue: one stable key per column, in order.
 * The README's "CSV columns" table documents each key (a unit test keeps the
 * two in sync). Add columns at the end; never rename a key, other monitors'
 * spreadsheets and imports rely on them.
 */
import type { FlagRecord } from '../flag-record';
import { toVietnamIso } from '../time/format-vietnam-time';
import { writeCsv } from './write-csv';

export interface FlagColumn {
  key: string;
  value(record: FlagRecord): string;
}

export const FLAG_COLUMNS: readonly FlagColumn[] = [
  { key: 'id', value: (r) => r.id },
  { key: 'captured_at', value: (r) => toVietnamIso(r.capturedAt) },
  { key: 'status', value: (r) => r.status },
  { key: 'title', value: (r) => r.title },
  { key: 'site_name', value: (r) => r.siteName },
  { key: 'url', value: (r) => r.url },
  { key: 'canonical_url', value: (r) => r.canonicalUrl },
  { key: 'description', value: (r) => r.description },
  { key: 'lang', value: (r) => r.lang },
  { key: 'quote', value: (r) => r.quote },
  { key: 'found_on_url', value: (r) => r.foundOnUrl },
  { key: 'monitor', value: (r) => r.monitor },
  { key: 'flagged_via', value: (r) => r.trigger },
  { key: 'times_flagged', value: (r) => String(r.timesFlagged) },
  { key: 'last_flagged_at', value: (r) => toVietnamIso(r.lastFlaggedAt) },
  { key: 'category', value: (r) => r.category },
  { key: 'watch_terms', value: (r) => r.watchTerms.join('; ') },
];

export function flagsToCsv(records: Iterable<FlagRecord>): string {
  const header = FLAG_COLUMNS.map((column) => column.key);
  const rows = (function* () {
    for (const record of records) yield FLAG_COLUMNS.map((column) => column.value(record));
  })();
  return writeCsv(header, rows);
}

/** "canh-tin_2026-11-27.csv", dated in Vietnam time. */
export function exportFileName(now: number): string {
  return `canh-tin_${toVietnamIso(now).slice(0, 10)}.csv`;
}
