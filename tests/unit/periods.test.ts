import { describe, expect, it } from 'vitest';
import {
  dateRangePeriod,
  inPeriod,
  isoWeekOf,
  isoWeekPeriod,
  lastWeek,
  monthPeriod,
  previousPeriod,
  thisMonth,
  thisWeek,
  vietnamDate,
} from '@/lib/time/periods';

/** An instant given as Vietnam wall-clock time. */
const vn = (iso: string) => Date.parse(`${iso}+07:00`);

describe('ISO weeks in Vietnam time', () => {
  it.each([
    ['a Friday in week 48 of 2026', '2026-11-27T10:00:00', 2026, 48],
    ['Monday 00:00 opens the week', '2026-11-23T00:00:00', 2026, 48],
    ['Sunday 23:59 still closes the previous week', '2026-11-22T23:59:59', 2026, 47],
    ['2026 has 53 weeks (it starts on a Thursday)', '2026-12-31T12:00:00', 2026, 53],
    ['1 January 2027 (a Friday) is in 2026-W53', '2027-01-01T09:00:00', 2026, 53],
    ['30 December 2024 (a Monday) is in 2025-W01', '2024-12-30T08:00:00', 2025, 1],
    ['1 January 2023 (a Sunday) is in 2022-W52', '2023-01-01T08:00:00', 2022, 52],
  ])('%s', (_name, local, year, week) => {
    expect(isoWeekOf(vn(local))).toEqual({ year, week });
  });

  it('uses Vietnam time, not UTC: Monday 01:00 in Vietnam is Sunday in UTC', () => {
    const instant = vn('2026-11-23T01:00:00');
    expect(new Date(instant).getUTCDay()).toBe(0);
    expect(isoWeekOf(instant)).toEqual({ year: 2026, week: 48 });
  });

  it('a week runs from Monday 00:00 to the next Monday 00:00, Vietnam time', () => {
    expect(isoWeekPeriod(2026, 48)).toEqual({ start: vn('2026-11-23T00:00:00'), end: vn('2026-11-30T00:00:00'), label: '2026-W48' });
    expect(isoWeekPeriod(2026, 53)).toMatchObject({ start: vn('2026-12-28T00:00:00'), end: vn('2027-01-04T00:00:00') });
  });

  it('this week and last week, across a year boundary', () => {
    expect(thisWeek(vn('2026-11-27T10:00:00')).label).toBe('2026-W48');
    expect(lastWeek(vn('2026-11-27T10:00:00')).label).toBe('2026-W47');
    expect(lastWeek(vn('2027-01-05T10:00:00')).label).toBe('2026-W53');
    expect(lastWeek(vn('2026-01-06T10:00:00')).label).toBe('2026-W01');
    expect(lastWeek(vn('2026-01-01T10:00:00')).label).toBe('2025-W52');
  });
});

describe('months and custom ranges', () => {
  it('a month is whole Vietnam days', () => {
    expect(monthPeriod(2026, 12)).toEqual({ start: vn('2026-12-01T00:00:00'), end: vn('2027-01-01T00:00:00'), label: '2026-12' });
    expect(thisMonth(vn('2026-11-30T23:30:00')).label).toBe('2026-11');
    // 17:30 UTC on 30 November is already 1 December in Vietnam.
    expect(thisMonth(Date.UTC(2026, 10, 30, 17, 30)).label).toBe('2026-12');
  });

  it('a custom range includes both end days', () => {
    const period = dateRangePeriod('2026-11-02', '2026-11-15')!;
    expect(inPeriod(period, vn('2026-11-02T00:00:00'))).toBe(true);
    expect(inPeriod(period, vn('2026-11-15T23:59:59'))).toBe(true);
    expect(inPeriod(period, vn('2026-11-16T00:00:00'))).toBe(false);
    expect(inPeriod(period, vn('2026-11-01T23:59:59'))).toBe(false);
  });

  it.each([
    ['reversed', '2026-11-15', '2026-11-02'],
    ['impossible date', '2026-02-30', '2026-03-01'],
    ['not a date', '15/11/2026', '2026-11-20'],
  ])('rejects a %s range', (_name, from, to) => {
    expect(dateRangePeriod(from, to)).toBeNull();
  });

  it('the previous period has the same length and ends where this one starts', () => {
    const week = isoWeekPeriod(2026, 1);
    expect(previousPeriod(week)).toMatchObject({ start: isoWeekPeriod(2025, 52).start, end: week.start });
  });

  it('vietnamDate gives the local calendar date', () => {
    expect(vietnamDate(Date.UTC(2026, 10, 26, 17, 0))).toBe('2026-11-27');
  });
});
