import { describe, expect, it } from 'vitest';
import { aggregateFlags, orderCategories, primaryLanguage, timeBuckets, totalsOf } from '@/lib/dashboard/aggregate-flags';
import { changeBetween, changeFigures } from '@/lib/dashboard/period-change';
import { compareStories, groupStories, topStories } from '@/lib/dashboard/story-groups';
import type { FlagRecord } from '@/lib/flag-record';
import { dateRangePeriod, isoWeekPeriod, monthPeriod } from '@/lib/time/periods';
import { sampleFlag } from './support/sample-flag';

const vn = (iso: string) => Date.parse(`${iso}+07:00`);
const W48 = isoWeekPeriod(2026, 48); // Monday 23 – Sunday 29 November 2026, Vietnam time
const ORDER = ['sovereignty-sea-islands', 'border', 'provincial-image', 'policy-distortion', 'other'];

let counter = 0;
function flag(overrides: Partial<FlagRecord>): FlagRecord {
  counter += 1;
  return sampleFlag({ id: `id-${String(counter).padStart(4, '0')}`, title: `Bài ${counter}`, ...overrides });
}

describe('totals', () => {
  it('counts stories, copies and every status, zeros included', () => {
    const totals = totalsOf([
      flag({ status: 'new', copyCount: 3 }),
      flag({ status: 'new', copyCount: 1 }),
      flag({ status: 'rebutted', copyCount: 2 }),
    ]);
    expect(totals).toEqual({ stories: 3, copies: 6, byStatus: { new: 2, confirmed: 0, sent_to_rebuttal: 0, rebutted: 1, dismissed: 0 } });
  });

  it('an empty period is all zeros, not missing keys', () => {
    expect(totalsOf([])).toEqual({ stories: 0, copies: 0, byStatus: { new: 0, confirmed: 0, sent_to_rebuttal: 0, rebutted: 0, dismissed: 0 } });
  });

  it('a story always counts as at least its own copy', () => {
    expect(totalsOf([flag({ copyCount: 0 })]).copies).toBe(1);
  });
});

describe('flags over time, in Vietnam days', () => {
  it('a flag at 23:30 UTC belongs to the next Vietnam day', () => {
    const aggregate = aggregateFlags([flag({ capturedAt: Date.UTC(2026, 10, 23, 23, 30), category: 'border' })], W48, { categoryOrder: ORDER });
    const border = aggregate.overTime.series.find((s) => s.category === 'border')!;
    expect(aggregate.overTime.starts[border.counts.indexOf(1)]).toBe('2026-11-24');
  });

  it('a week has seven day bars, Monday first, and a flag at Sunday 23:59 in Vietnam is on the last one', () => {
    const aggregate = aggregateFlags([flag({ capturedAt: vn('2026-11-29T23:59:00'), category: 'other' })], W48);
    expect(aggregate.overTime).toMatchObject({ unit: 'day', starts: ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'] });
    expect(aggregate.overTime.series).toEqual([{ category: 'other', counts: [0, 0, 0, 0, 0, 0, 1] }]);
  });

  it('leaves out records outside the period (Sunday 23:30 of the week before, Monday 00:00 after)', () => {
    const aggregate = aggregateFlags(
      [flag({ capturedAt: vn('2026-11-22T23:30:00') }), flag({ capturedAt: vn('2026-11-23T00:00:00') }), flag({ capturedAt: vn('2026-11-30T00:00:00') })],
      W48,
    );
    expect(aggregate.totals.stories).toBe(1);
    expect(aggregate.overTime.series[0]!.counts[0]).toBe(1);
  });

  it('week 53 spans the new year: 28 December 2026 to 3 January 2027', () => {
    const w53 = isoWeekPeriod(2026, 53);
    const aggregate = aggregateFlags([flag({ capturedAt: vn('2027-01-01T09:00:00'), category: 'border' })], w53);
    expect(aggregate.overTime.starts).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
    expect(aggregate.overTime.series).toEqual([{ category: 'border', counts: [0, 0, 0, 0, 1, 0, 0] }]);
  });

  it('stacks categories in the configured order, uncategorised last, only those with flags', () => {
    const aggregate = aggregateFlags(
      [
        flag({ capturedAt: vn('2026-11-24T08:00:00'), category: '' }),
        flag({ capturedAt: vn('2026-11-24T09:00:00'), category: 'provincial-image' }),
        flag({ capturedAt: vn('2026-11-25T09:00:00'), category: 'sovereignty-sea-islands' }),
        flag({ capturedAt: vn('2026-11-25T10:00:00'), category: 'sovereignty-sea-islands' }),
      ],
      W48,
      { categoryOrder: ORDER },
    );
    expect(aggregate.overTime.series).toEqual([
      { category: 'sovereignty-sea-islands', counts: [0, 0, 2, 0, 0, 0, 0] },
      { category: 'provincial-image', counts: [0, 1, 0, 0, 0, 0, 0] },
      { category: '', counts: [0, 1, 0, 0, 0, 0, 0] },
    ]);
  });

  it('a month has one bar per day; a year has one bar per ISO week', () => {
    expect(timeBuckets(monthPeriod(2026, 2)).starts).toHaveLength(28);
    const year = timeBuckets(dateRangePeriod('2026-01-01', '2026-12-31')!);
    expect(year.unit).toBe('week');
    // 1 January 2026 is a Thursday in 2026-W01; 31 December 2026 is in 2026-W53.
    expect(year.labels[0]).toBe('2026-W01');
    expect(year.starts[0]).toBe('2025-12-29');
    expect(year.labels.at(-1)).toBe('2026-W53');
    expect(year.labels).toHaveLength(53);
  });

  it('puts a year\'s flags in their ISO week', () => {
    const year = dateRangePeriod('2026-01-01', '2026-12-31')!;
    const aggregate = aggregateFlags([flag({ capturedAt: vn('2026-01-01T10:00:00') }), flag({ capturedAt: vn('2026-12-31T23:00:00') })], year);
    const counts = aggregate.overTime.series[0]!.counts;
    expect(counts[0]).toBe(1);
    expect(counts.at(-1)).toBe(1);
    expect(counts.reduce((a, b) => a + b)).toBe(2);
  });

  it('an empty period has its bars and no series', () => {
    const aggregate = aggregateFlags([], W48);
    expect(aggregate.overTime.starts).toHaveLength(7);
    expect(aggregate.overTime.series).toEqual([]);
    expect(aggregate).toMatchObject({ outlets: [], categories: [], languages: [], watchTerms: [] });
  });
});

describe('top outlets, categories, languages and watchlist terms', () => {
  const records = [
    flag({ capturedAt: vn('2026-11-23T08:00:00'), siteName: 'Báo Đảo Xanh', lang: 'vi', category: 'border', watchTerms: ['Trường Sa', 'Hoàng Sa', 'Trường Sa'] }),
    flag({ capturedAt: vn('2026-11-24T08:00:00'), siteName: 'Báo Đảo Xanh', lang: 'vi-VN', category: 'border', watchTerms: ['Trường Sa'] }),
    flag({ capturedAt: vn('2026-11-25T08:00:00'), siteName: 'Reef Report', lang: 'en', category: 'sovereignty-sea-islands', watchTerms: ['Spratly'] }),
    flag({ capturedAt: vn('2026-11-26T08:00:00'), siteName: 'Tin Sốc', lang: '', category: '', watchTerms: [] }),
  ];
  const aggregate = aggregateFlags(records, W48, { categoryOrder: ORDER, top: 2 });

  it('ranks outlets by stories and keeps the top N', () => {
    expect(aggregate.outlets).toEqual([
      { key: 'Báo Đảo Xanh', count: 2 },
      { key: 'Reef Report', count: 1 },
    ]);
  });

  it('counts every category, uncategorised as "", ties in display order with uncategorised last', () => {
    expect(aggregate.categories).toEqual([
      { key: 'border', count: 2 },
      { key: 'sovereignty-sea-islands', count: 1 },
      { key: '', count: 1 },
    ]);
  });

  it('groups language tags by their primary language; unknown is ""', () => {
    expect(aggregate.languages).toEqual([
      { key: 'vi', count: 2 },
      { key: '', count: 1 },
      { key: 'en', count: 1 },
    ]);
    expect(primaryLanguage('ZH-Hans')).toBe('zh');
  });

  it('counts a watchlist term once per story', () => {
    expect(aggregate.watchTerms).toEqual([
      { key: 'Trường Sa', count: 2 },
      { key: 'Hoàng Sa', count: 1 },
    ]);
  });

  it('orders unknown category ids after the configured ones and before uncategorised', () => {
    expect(orderCategories(['', 'zzz-imported', 'border', 'aaa-imported'], ORDER)).toEqual(['border', 'aaa-imported', 'zzz-imported', '']);
  });
});

describe('the story list', () => {
  const high = flag({ title: 'Nặng', severity: 3, copyCount: 1, category: 'border' });
  const highMoreCopies = flag({ title: 'Nặng, nhiều bản sao', severity: 3, copyCount: 5, category: 'border' });
  const low = flag({ title: 'Nhẹ', severity: 1, copyCount: 9, category: 'border' });
  const unjudged = flag({ title: 'Chưa đánh giá', severity: 0, copyCount: 20, category: 'border' });
  const dismissed = flag({ title: 'Bỏ qua', severity: 3, status: 'dismissed', category: 'border' });
  const sea = flag({ title: 'Biển', severity: 2, category: 'sovereignty-sea-islands' });
  const none = flag({ title: 'Không chuyên mục', category: '' });

  it('groups by category in the configured order, most severe then most copied first; not judged comes last', () => {
    const groups = groupStories([unjudged, low, high, none, dismissed, highMoreCopies, sea], ORDER);
    expect(groups.map((g) => [g.category, g.stories.map((s) => s.title)])).toEqual([
      ['sovereignty-sea-islands', ['Biển']],
      ['border', ['Nặng, nhiều bản sao', 'Nặng', 'Nhẹ', 'Chưa đánh giá']],
      ['', ['Không chuyên mục']],
    ]);
  });

  it('does not list dismissed stories', () => {
    expect(groupStories([dismissed], ORDER)).toEqual([]);
    expect(topStories([dismissed, low], 5)).toEqual([low]);
  });

  it('top stories cross categories', () => {
    expect(topStories([unjudged, low, high, sea, highMoreCopies], 3).map((s) => s.title)).toEqual(['Nặng, nhiều bản sao', 'Nặng', 'Biển']);
  });

  it('orders equal stories by first flag, so the list is stable', () => {
    const a = flag({ title: 'B', capturedAt: 2 });
    const b = flag({ title: 'A', capturedAt: 1 });
    expect([a, b].sort(compareStories)).toEqual([b, a]);
  });
});

describe('change against the previous period', () => {
  it.each([
    [12, 8, { delta: 4, percent: 50 }, '+4 (+50%)'],
    [6, 8, { delta: -2, percent: -25 }, '\u22122 (\u221225%)'],
    [5, 0, { delta: 5, percent: null }, '+5'],
    [0, 0, { delta: 0, percent: null }, '0'],
    [3, 3, { delta: 0, percent: 0 }, '0 (0%)'],
  ])('%i against %i', (current, previous, change, text) => {
    expect(changeBetween(current, previous)).toEqual(change);
    expect(changeFigures(changeBetween(current, previous))).toBe(text);
  });
});
