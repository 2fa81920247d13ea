/**
 * Reporting periods in Vietnam time (Asia/Ho_Chi_Minh, UTC+7, no daylight
 * saving): ISO weeks (Monday start, week 1 holds the year's first Thursday),
 * months and custom date ranges, as half-open [start, end) epoch-ms ranges.
 */

const OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

export interface Period {
  /** Inclusive start, epoch ms. */
  start: number;
  /** Exclusive end, epoch ms. */
  end: number;
  /** Stable label used in file names and URLs: "2026-W48", "2026-11", "2026-11-02_2026-11-15". */
  label: string;
}

/** The Vietnam calendar date of an instant, as a UTC-midnight Date (for calendar arithmetic). */
/** Days since 1970-01-01 in Vietnam time (no daylight saving: whole days from a Vietnam midnight). */
export function vietnamDayNumber(epochMs: number): number {
  return Math.floor((epochMs + OFFSET_MS) / DAY_MS);
}

function vietnamDay(epochMs: number): Date {
  const local = new Date(epochMs + OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
}

/** Midnight in Vietnam at the start of the given calendar day (a UTC-midnight Date). */
function startOfVietnamDay(day: Date): number {
  return day.getTime() - OFFSET_MS;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const isoDate = (day: Date) => `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;

/** ISO 8601 week-numbering year and week of an instant, in Vietnam time. */
export function isoWeekOf(epochMs: number): { year: number; week: number } {
  const day = vietnamDay(epochMs);
  const weekday = day.getUTCDay() || 7; // Monday 1 … Sunday 7
  const thursday = new Date(day.getTime() + (4 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return { year, week };
}

/** Monday 00:00 (Vietnam) of ISO week `week` of `year`, to the next Monday. */
export function isoWeekPeriod(year: number, week: number): Period {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const mondayOfWeek1 = jan4.getTime() - ((jan4.getUTCDay() || 7) - 1) * DAY_MS;
  const monday = new Date(mondayOfWeek1 + (week - 1) * 7 * DAY_MS);
  const start = startOfVietnamDay(monday);
  return { start, end: start + 7 * DAY_MS, label: `${year}-W${pad(week)}` };
}

export function thisWeek(now: number): Period {
  const { year, week } = isoWeekOf(now);
  return isoWeekPeriod(year, week);
}

export function lastWeek(now: number): Period {
  const { year, week } = isoWeekOf(thisWeek(now).start - 1);
  return isoWeekPeriod(year, week);
}

/** `month` is 1–12. */
export function monthPeriod(year: number, month: number): Period {
  const start = startOfVietnamDay(new Date(Date.UTC(year, month - 1, 1)));
  const end = startOfVietnamDay(new Date(Date.UTC(year, month, 1)));
  return { start, end, label: `${year}-${pad(month)}` };
}

export function thisMonth(now: number): Period {
  const day = vietnamDay(now);
  return monthPeriod(day.getUTCFullYear(), day.getUTCMonth() + 1);
}

/** Whole Vietnam days from `from` to `to`, both inclusive, given as "YYYY-MM-DD". Null when invalid or reversed. */
export function dateRangePeriod(from: string, to: string): Period | null {
  const parse = (text: string) => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match) return null;
    const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    return isoDate(day) === text ? day : null; // rejects 2026-02-30
  };
  const first = parse(from);
  const last = parse(to);
  if (!first || !last || last < first) return null;
  return { start: startOfVietnamDay(first), end: startOfVietnamDay(last) + DAY_MS, label: `${from}_${to}` };
}

/** The period of the same length just before `period` (for "change against the previous period"). */
export function previousPeriod(period: Period): Period {
  const length = period.end - period.start;
  return { start: period.start - length, end: period.start, label: `before-${period.label}` };
}

export function inPeriod(period: Period, epochMs: number): boolean {
  return epochMs >= period.start && epochMs < period.end;
}

/** Vietnam calendar date "YYYY-MM-DD" of an instant. */
export function vietnamDate(epochMs: number): string {
  return isoDate(vietnamDay(epochMs));
}
