import { describe, expect, it } from 'vitest';
import { parsePeriodLabel, periodFromLocation, periodHash, periodParts, shiftPeriod } from '@/lib/dashboard/period-param';
import { dateRangePeriod, isoWeekPeriod, monthPeriod } from '@/lib/time/periods';

/** An instant given as Vietnam wall-clock time. */
const vn = (iso: string) => Date.parse(`${iso}+07:00`);
const NOW = vn('2026-11-27T10:00:00'); // a Friday in 2026-W48

describe('reading the period from a dashboard address', () => {
  it.each([
    ['an ISO week in the hash', { hash: '#period=2026-W48', search: '' }, 'week', '2026-W48'],
    ['a lower-case week', { hash: '#period=2026-w05', search: '' }, 'week', '2026-W05'],
    ['week 53 of a 53-week year (2026 starts on a Thursday)', { hash: '#period=2026-W53', search: '' }, 'week', '2026-W53'],
    ['week 1 of 2025, which starts on 30 December 2024', { hash: '#period=2025-W01', search: '' }, 'week', '2025-W01'],
    ['a month', { hash: '#period=2026-11', search: '' }, 'month', '2026-11'],
    ['a custom range', { hash: '#period=2026-11-02_2026-11-15', search: '' }, 'range', '2026-11-02_2026-11-15'],
    ['the query when there is no hash', { hash: '', search: '?period=2026-W47' }, 'week', '2026-W47'],
    ['the hash over the query', { hash: '#period=2026-W46', search: '?period=2026-W47' }, 'week', '2026-W46'],
    ['the query when the hash is not a period', { hash: '#period=garbage', search: '?period=2026-10' }, 'month', '2026-10'],
    ['a period among other parameters', { hash: '#x=1&period=2026-W48&y=2', search: '' }, 'week', '2026-W48'],
    ['a percent-encoded label', { hash: '#period=2026%2DW48', search: '' }, 'week', '2026-W48'],
  ])('%s', (_name, location, kind, label) => {
    const selected = periodFromLocation(location, NOW);
    expect(selected.kind).toBe(kind);
    expect(selected.period.label).toBe(label);
  });

  it.each([
    ['no period at all', ''],
    ['week 53 of a 52-week year (2025)', '#period=2025-W53'],
    ['week 0', '#period=2026-W00'],
    ['week 54', '#period=2026-W54'],
    ['month 13', '#period=2026-13'],
    ['an impossible date', '#period=2026-02-30_2026-03-05'],
    ['a reversed range', '#period=2026-11-15_2026-11-02'],
    ['a year out of reach', '#period=0202-W48'],
    ['markup', '#period=<script>alert(1)</script>'],
    ['an empty value', '#period='],
  ])('falls back to this week for %s', (_name, hash) => {
    expect(periodFromLocation({ hash, search: '' }, NOW)).toEqual({ kind: 'week', period: isoWeekPeriod(2026, 48) });
  });

  it('"this week" is Vietnam time: Monday 00:30 in Vietnam is still Sunday in UTC', () => {
    const mondayEarly = vn('2026-11-23T00:30:00');
    expect(periodFromLocation({ hash: '', search: '' }, mondayEarly).period.label).toBe('2026-W48');
  });

  it('parses exactly what it writes', () => {
    for (const period of [isoWeekPeriod(2026, 53), monthPeriod(2026, 12), dateRangePeriod('2026-12-28', '2027-01-03')!]) {
      expect(parsePeriodLabel(decodeURIComponent(periodHash(period).replace('#period=', '')))?.period).toEqual(period);
    }
  });
});

describe('stepping to the previous and next period', () => {
  it.each([
    ['a week back across the year boundary into week 53', '2027-W01', -1, '2026-W53'],
    ['week 53 forward into the next year', '2026-W53', 1, '2027-W01'],
    ['a 52-week year forward', '2025-W52', 1, '2026-W01'],
    ['a month back across the year boundary', '2027-01', -1, '2026-12'],
    ['a month forward', '2026-12', 1, '2027-01'],
    ['a custom range by its own length', '2026-11-02_2026-11-15', 1, '2026-11-16_2026-11-29'],
    ['a custom range back', '2026-11-02_2026-11-15', -1, '2026-10-19_2026-11-01'],
  ])('%s', (_name, label, steps, expected) => {
    expect(shiftPeriod(parsePeriodLabel(label)!, steps).period.label).toBe(expected);
  });
});

describe('the calendar facts a heading needs', () => {
  it('a week gives its ISO number, year and Monday to Sunday', () => {
    expect(periodParts(parsePeriodLabel('2026-W53')!)).toEqual({ kind: 'week', firstDay: '2026-12-28', lastDay: '2027-01-03', year: 2026, number: 53 });
    // Week 1 of 2025 begins in 2024: the week-numbering year is the one named.
    expect(periodParts(parsePeriodLabel('2025-W01')!)).toMatchObject({ firstDay: '2024-12-30', year: 2025, number: 1 });
  });

  it('a month and a range give their first and last Vietnam day', () => {
    expect(periodParts(parsePeriodLabel('2026-02')!)).toEqual({ kind: 'month', firstDay: '2026-02-01', lastDay: '2026-02-28', year: 2026, number: 2 });
    expect(periodParts(parsePeriodLabel('2026-11-02_2026-11-15')!)).toMatchObject({ kind: 'range', firstDay: '2026-11-02', lastDay: '2026-11-15' });
  });
});
