/**
 * The CSV columns of an exported queue: one stable key per column, in order.
 * The README's "CSV columns" table documents each key (a unit test keeps the
 * two in sync). Add columns at the end; never rename a key, other monitors'
 * spreadsheets and imports rely on them.
 */
import type { FlagRecord } from '../flag-record';
import { toVietnamIso } from '../time/format-vietnam-time';
import { writeCsv } from './write-csv';

/** A story as exported: the flag and the addresses of all its copies. */
export interface ExportRow {
  record: FlagRecord;
  /** Every copy's address, first seen first ([] when unknown: the record's own URL stands alone). */
  copyUrls: readonly string[];
}

export interface FlagColumn {
  /** Stable English key: the default heading, and what imports match first. */
  key: string;
  /** Vietnamese heading, for monitors who export with Vietnamese headings; imports accept it too. */
  vi: string;
  value(record: FlagRecord, copyUrls: readonly string[]): string;
}

export const FLAG_COLUMNS: readonly FlagColumn[] = [
  { key: 'id', vi: 'Mã', value: (r) => r.id },
  { key: 'captured_at', vi: 'Thời điểm gắn cờ', value: (r) => toVietnamIso(r.capturedAt) },
  { key: 'status', vi: 'Trạng thái', value: (r) => r.status },
  { key: 'title', vi: 'Tiêu đề', value: (r) => r.title },
  { key: 'site_name', vi: 'Trang/báo', value: (r) => r.siteName },
  { key: 'url', vi: 'Địa chỉ', value: (r) => r.url },
  { key: 'canonical_url', vi: 'Địa chỉ gốc', value: (r) => r.canonicalUrl },
  { key: 'description', vi: 'Mô tả', value: (r) => r.description },
  { key: 'lang', vi: 'Ngôn ngữ', value: (r) => r.lang },
  { key: 'quote', vi: 'Trích dẫn', value: (r) => r.quote },
  { key: 'found_on_url', vi: 'Tìm thấy trên trang', value: (r) => r.foundOnUrl },
  { key: 'monitor', vi: 'Cán bộ theo dõi', value: (r) => r.monitor },
  { key: 'flagged_via', vi: 'Cách gắn cờ', value: (r) => r.trigger },
  { key: 'times_flagged', vi: 'Số lần gắn cờ', value: (r) => String(r.timesFlagged) },
  { key: 'last_flagged_at', vi: 'Lần gắn cờ gần nhất', value: (r) => toVietnamIso(r.lastFlaggedAt) },
  { key: 'category', vi: 'Chuyên mục', value: (r) => r.category },
  { key: 'watch_terms', vi: 'Từ khoá theo dõi', value: (r) => r.watchTerms.join('; ') },
  { key: 'author', vi: 'Tác giả', value: (r) => r.author },
  { key: 'published_at', vi: 'Thời điểm đăng', value: (r) => r.publishedAt },
  { key: 'excerpt', vi: 'Trích đoạn', value: (r) => r.excerpt },
  { key: 'copies', vi: 'Số bản sao', value: (r, urls) => String(Math.max(urls.length, r.copyCount, 1)) },
  // One address per line inside the cell: URLs never contain a raw line break.
  { key: 'copy_urls', vi: 'Các bản sao', value: (r, urls) => (urls.length ? urls : [r.url]).join('\n') },
  { key: 'severity', vi: 'Mức độ', value: (r) => (r.severity ? String(r.severity) : '') },
  { key: 'tags', vi: 'Nhãn', value: (r) => r.tags.join('; ') },
  { key: 'note', vi: 'Ghi chú', value: (r) => r.note },
  { key: 'exported_at', vi: 'Thời điểm xuất', value: (r) => (r.exportedAt ? toVietnamIso(r.exportedAt) : '') },
];

export type HeadingLanguage = 'en' | 'vi';

/** Stories to CSV; plain records (no copy list) export with their own URL as their one copy. */
export function flagsToCsv(rows: Iterable<FlagRecord | ExportRow>, headings: HeadingLanguage = 'en'): string {
  const header = FLAG_COLUMNS.map((column) => (headings === 'vi' ? column.vi : column.key));
  const cells = (function* () {
    for (const row of rows) {
      const { record, copyUrls } = 'record' in row ? row : { record: row, copyUrls: [] as readonly string[] };
      yield FLAG_COLUMNS.map((column) => column.value(record, copyUrls));
    }
  })();
  return writeCsv(header, cells);
}

/**
 * "canh-tin_2026-W48.csv" for a period (its label: ISO week, month or date
 * range), else "canh-tin_2026-11-27.csv", dated in Vietnam time.
 */
export function exportFileName(now: number, period?: { label: string }): string {
  return `canh-tin_${period ? period.label : toVietnamIso(now).slice(0, 10)}.csv`;
}
