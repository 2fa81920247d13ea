/**
 * The dashboard's period as it lives in the address bar, so a view can be
 * bookmarked and sent: `dashboard.html#period=2026-W48` (or `?period=…`).
 * Labels are the ones lib/time/periods.ts gives periods ("2026-W48",
 * "2026-11", "2026-11-02_2026-11-15"); anything else falls back to this week,
 * because a stale or hand-edited link should still open a useful page.
 */
import { dateRangePeriod, isoWeekOf, isoWeekPeriod, monthPeriod, thisWeek, vietnamDate, type Period } from '../time/periods';

export type PeriodKind = 'week' | 'month' | 'range';

export interface SelectedPeriod {
  kind: PeriodKind;
  period: Period;
}

const DAY_MS = 86_400_000;
// Years outside this window are typing mistakes, not reporting periods.
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

const validYear = (year: number) => year >= MIN_YEAR && year <= MAX_YEAR;

/** The ISO week `year`-W`week`, or null when that week does not exist (W53 of a 52-week year). */
function weekOf(year: number, week: number): Period | null {
  if (!validYear(year) || week < 1 || week > 53) return null;
  const period = isoWeekPeriod(year, week);
  // isoWeekPeriod happily rolls W53 of a 52-week year into W01 of the next: refuse it instead.
  const actual = isoWeekOf(period.start);
  return actual.year === year && actual.week === week ? period : null;
}

/** A period label ("2026-W48", "2026-11", "2026-11-02_2026-11-15") to its period; null when it is not one. */
export function parsePeriodLabel(label: string): SelectedPeriod | null {
  const text = label.trim();
  let match = /^(\d{4})-W(\d{1,2})$/i.exec(text);
  if (match) {
    const period = weekOf(Number(match[1]), Number(match[2]));
    return period && { kind: 'week', period };
  }
  match = /^(\d{4})-(\d{2})$/.exec(text);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    return validYear(year) && month >= 1 && month <= 12 ? { kind: 'month', period: monthPeriod(year, month) } : null;
  }
  match = /^(\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2})$/.exec(text);
  if (match) {
    const period = dateRangePeriod(match[1]!, match[2]!);
    return period && validYear(Number(match[1]!.slice(0, 4))) && validYear(Number(match[2]!.slice(0, 4))) ? { kind: 'range', period } : null;
  }
  return null;
}

/** The `period` parameter of a `#a=b&…` hash or `?a=b&…` query; '' when absent. */
function periodParam(part: string): string {
  return new URLSearchParams(part.replace(/^[#?]/, '')).get('period') ?? '';
}

/**
 * The period a dashboard address asks for: the hash wins (the page itself
 * writes it), then the query, then this week at `now`.
 */
export function periodFromLocation(location: { hash: string; search: string }, now: number): SelectedPeriod {
  for (const part of [location.hash, location.search]) {
    const selected = parsePeriodLabel(periodParam(part));
    if (selected) return selected;
  }
  return { kind: 'week', period: thisWeek(now) };
}

/** The hash that bookmarks a period. */
export function periodHash(period: Period): string {
  return `#period=${encodeURIComponent(period.label)}`;
}

/** The same kind of period `steps` periods later (negative: earlier); a custom range moves by its own length. */
export function shiftPeriod(selected: SelectedPeriod, steps: number): SelectedPeriod {
  const { kind, period } = selected;
  if (kind === 'week') {
    const { year, week } = isoWeekOf(period.start + steps * 7 * DAY_MS);
    return { kind, period: isoWeekPeriod(year, week) };
  }
  if (kind === 'month') {
    const [year, month] = vietnamDate(period.start).split('-').map(Number) as [number, number];
    const index = year * 12 + (month - 1) + steps;
    return { kind, period: monthPeriod(Math.floor(index / 12), (index % 12) + 1) };
  }
  const shift = steps * (period.end - period.start);
  const moved = dateRangePeriod(vietnamDate(period.start + shift), vietnamDate(period.end - 1 + shift));
  return moved ? { kind, period: moved } : selected;
}

/** The calendar facts a heading needs, in Vietnam time: first and last day ("YYYY-MM-DD"), ISO week or month. */
export interface PeriodParts {
  kind: PeriodKind;
  firstDay: string;
  lastDay: string;
  year: number;
  /** ISO week number (kind 'week'), month 1–12 (kind 'month'), 0 for a range. */
  number: number;
}

export function periodParts(selected: SelectedPeriod): PeriodParts {
  const { kind, period } = selected;
  const firstDay = vietnamDate(period.start);
  const lastDay = vietnamDate(period.end - 1);
  if (kind === 'week') {
    const { year, week } = isoWeekOf(period.start);
    return { kind, firstDay, lastDay, year, number: week };
  }
  const year = Number(firstDay.slice(0, 4));
  return { kind, firstDay, lastDay, year, number: kind === 'month' ? Number(firstDay.slice(5, 7)) : 0 };
}
