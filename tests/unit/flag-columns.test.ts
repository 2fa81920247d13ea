import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportFileName, FLAG_COLUMNS, flagsToCsv } from '@/lib/csv/flag-columns';
import { parseCsv } from '@/lib/csv/parse-csv';
import type { FlagRecord } from '@/lib/flag-record';
import { sampleFlag } from './support/sample-flag';

const sample: FlagRecord = sampleFlag({
  id: '3f1c',
  url: 'https://m.baodaoxanh.example/a?utm_source=zalo',
  canonicalUrl: 'https://baodaoxanh.example/a',
  title: '=HYPERLINK("http://tai-ban-do.example/","Tải bản đồ")',
  siteName: '-TinSoc-',
  description: 'Mô tả, có dấu phẩy',
  lang: 'vi',
  quote: 'dòng 1\ndòng "2"',
  foundOnUrl: '',
  capturedAt: Date.UTC(2026, 10, 24, 1, 30),
  lastFlaggedAt: Date.UTC(2026, 10, 24, 2, 0),
  timesFlagged: 2,
  monitor: '@bando_vn',
  trigger: 'menu_selection',
  status: 'sent_to_rebuttal',
  category: 'sovereignty-sea-islands',
  watchTerms: ['Trường Sa', 'Hoàng Sa'],
});

describe('flagsToCsv', () => {
  it('writes one header of stable keys and one row per flag, safe for spreadsheets', () => {
    const [header, row] = parseCsv(flagsToCsv([sample]));
    expect(header?.cells).toEqual(FLAG_COLUMNS.map((c) => c.key));
    const cell = (key: string) => row!.cells[header!.cells.indexOf(key)];
    expect(cell('title')).toBe(`'=HYPERLINK("http://tai-ban-do.example/","Tải bản đồ")`);
    expect(cell('site_name')).toBe("'-TinSoc-");
    expect(cell('monitor')).toBe("'@bando_vn");
    expect(cell('quote')).toBe('dòng 1\ndòng "2"');
    expect(cell('captured_at')).toBe('2026-11-24T08:30:00+07:00');
    expect(cell('status')).toBe('sent_to_rebuttal');
    expect(cell('times_flagged')).toBe('2');
    expect(cell('category')).toBe('sovereignty-sea-islands');
    expect(cell('watch_terms')).toBe('Trường Sa; Hoàng Sa');
  });

  it('names the file by the Vietnam date', () => {
    // 23:30 UTC on the 26th is already the 27th in Vietnam.
    expect(exportFileName(Date.UTC(2026, 10, 26, 23, 30))).toBe('canh-tin_2026-11-27.csv');
  });

  it('every column key is documented in the README', () => {
    const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
    for (const column of FLAG_COLUMNS) expect(readme, column.key).toContain(`| \`${column.key}\` |`);
  });
});
