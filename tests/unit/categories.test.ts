import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS, isCategoryId, isCategorySlug } from '@/lib/categories';
import { readFlagsCsv } from '@/lib/csv/read-flags-csv';

describe('category ids', () => {
  it('every built-in id is slug-like', () => {
    expect(CATEGORY_IDS.every(isCategorySlug)).toBe(true);
  });

  it.each([
    ['ton-giao', true],
    ['covid-19', true],
    ['a', true],
    ['9x', true],
    ['a'.repeat(60), true],
    ['a'.repeat(61), false],
    ['-leading-dash', false],
    ['Upper', false],
    ['tôn-giáo', false],
    ['has space', false],
    ['semi;colon', false],
    ['=HYPERLINK("x")', false],
    ['', false],
  ])('%s slug-like: %s', (id, expected) => {
    expect(isCategorySlug(id)).toBe(expected);
  });

  it('only the five built-in ids are built-in', () => {
    expect(isCategoryId('border')).toBe(true);
    expect(isCategoryId('ton-giao')).toBe(false);
  });
});

describe('CSV import of categories from another monitor', () => {
  const options = { now: Date.UTC(2026, 10, 27), newId: () => '00000000-0000-4000-8000-000000000001' };

  it('keeps any slug-like id (their own categories), and reports garbage as bad-category', () => {
    const csv = [
      'url,category',
      'https://a.example/1,ton-giao',
      'https://a.example/2,border',
      'https://a.example/3,Tôn giáo!',
      'https://a.example/4,=cmd|x',
      'https://a.example/5,',
    ].join('\r\n');
    const read = readFlagsCsv(csv, options);
    expect(read.records.map((r) => r.category)).toEqual(['ton-giao', 'border', '']);
    expect(read.problems).toEqual([
      { line: 4, code: 'bad-category', value: 'Tôn giáo!' },
      { line: 5, code: 'bad-category', value: '=cmd|x' },
    ]);
  });
});
