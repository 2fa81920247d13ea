/**
 * The briefing's numbers from the flags of one period: totals by status,
 * flags over time stacked by category, and the top outlets, categories,
 * languages and watchlist terms. Pure: the stories come in (from the day
 * digest, read-dashboard.ts; whole records work too), plain values go out.
 * A year is 36,000 stories: keys are normalised once per distinct value.
 */
import { FLAG_STATUSES, type FlagStatus } from '../flag-record';
import type { DashboardFlag } from './day-digest';
import { inPeriod, isoWeekOf, thisWeek, vietnamDate, type Period } from '../time/periods';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** Beyond two months, one bar per day is unreadable (and unprintable): bars become ISO weeks. */
export const MAX_DAY_BUCKETS = 62;

export interface Totals {
  /** Stories first flagged in the period. */
  stories: number;
  /** Known copies (addresses) of those stories, the original included. */
  copies: number;
  byStatus: Record<FlagStatus, number>;
}

export interface CountRow {
  key: string;
  count: number;
}

export interface TimeSeries {
  unit: 'day' | 'week';
  /** Each bar's first Vietnam day, "YYYY-MM-DD". */
  starts: string[];
  /** Week labels ("2026-W48") when unit is 'week'; else the same days as `starts`. */
  labels: string[];
  /** One series per category that has flags, in the category order given. */
  series: { category: string; counts: number[] }[];
}

export interface DashboardAggregate {
  totals: Totals;
  overTime: TimeSeries;
  outlets: CountRow[];
  categories: CountRow[];
  languages: CountRow[];
  watchTerms: CountRow[];
}

export interface AggregateOptions {
  /** Category ids in display order (the monitor's settings); others follow by name, '' (none) last. */
  categoryOrder?: readonly string[];
  /** Rows kept in the top-N charts. */
  top?: number;
}

export function emptyByStatus(): Record<FlagStatus, number> {
  return Object.fromEntries(FLAG_STATUSES.map((status) => [status, 0])) as Record<FlagStatus, number>;
}

export function totalsOf(records: readonly DashboardFlag[]): Totals {
  const totals: Totals = { stories: records.length, copies: 0, byStatus: emptyByStatus() };
  for (const record of records) {
    // Older records may lack a copy count: each story is at least its own copy.
    totals.copies += Math.max(1, record.copyCount || 0);
    totals.byStatus[record.status] = (totals.byStatus[record.status] ?? 0) + 1;
  }
  return totals;
}

/** Categories in display order: the configured ones first, then unknown ids alphabetically, then uncategorised. */
export function orderCategories(ids: Iterable<string>, categoryOrder: readonly string[] = []): string[] {
  const present = new Set(ids);
  const known = categoryOrder.filter((id) => present.has(id));
  const others = [...present].filter((id) => id && !categoryOrder.includes(id)).sort();
  return [...known, ...others, ...(present.has('') ? [''] : [])];
}

/** Largest count first; ties in a stable, readable order (by key, or by the given order of keys). */
function ranked(counts: Map<string, number>, top = Infinity, order?: readonly string[]): CountRow[] {
  const position = new Map(order?.map((key, index) => [key, index]));
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || (position.get(a.key) ?? 0) - (position.get(b.key) ?? 0) || a.key.localeCompare(b.key))
    .slice(0, top);
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** `normalise` applied once per distinct input: outlets and languages repeat thousands of times. */
function memoised(normalise: (value: string) => string): (value: string) => string {
  const known = new Map<string, string>();
  return (value) => {
    let result = known.get(value);
    if (result === undefined) known.set(value, (result = normalise(value)));
    return result;
  };
}

/** A language tag's primary subtag: "vi-VN" and "vi" are one language on the chart. */
export function primaryLanguage(lang: string): string {
  return lang.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/** The bars of the over-time chart: Vietnam days, or ISO weeks for long periods. */
export function timeBuckets(period: Period): { unit: 'day' | 'week'; origin: number; starts: string[]; labels: string[] } {
  const days = Math.ceil((period.end - period.start) / DAY_MS);
  if (days <= MAX_DAY_BUCKETS) {
    const starts = Array.from({ length: days }, (_, i) => vietnamDate(period.start + i * DAY_MS));
    return { unit: 'day', origin: period.start, starts, labels: starts };
  }
  // Calendar weeks (Monday start) read better than 7-day blocks counted from an arbitrary first day.
  const origin = thisWeek(period.start).start;
  const count = Math.ceil((period.end - origin) / WEEK_MS);
  const mondays = Array.from({ length: count }, (_, i) => origin + i * WEEK_MS);
  return {
    unit: 'week',
    origin,
    starts: mondays.map((monday) => vietnamDate(monday)),
    labels: mondays.map((monday) => {
      const { year, week } = isoWeekOf(monday);
      return `${year}-W${String(week).padStart(2, '0')}`;
    }),
  };
}

export function aggregateFlags(records: readonly DashboardFlag[], period: Period, options: AggregateOptions = {}): DashboardAggregate {
  const top = options.top ?? 10;
  const inside = records.filter((record) => inPeriod(period, record.capturedAt));
  const buckets = timeBuckets(period);
  const bucketMs = buckets.unit === 'day' ? DAY_MS : WEEK_MS;

  const perCategory = new Map<string, number[]>();
  const outlets = new Map<string, number>();
  const categories = new Map<string, number>();
  const languages = new Map<string, number>();
  const terms = new Map<string, number>();
  const outletOf = memoised((name) => name.trim());
  const languageOf = memoised(primaryLanguage);
  const termOf = memoised((term) => term.trim());

  for (const record of inside) {
    const category = record.category;
    let counts = perCategory.get(category);
    if (!counts) perCategory.set(category, (counts = new Array<number>(buckets.starts.length).fill(0)));
    // Vietnam has no daylight saving: whole days from a Vietnam midnight are Vietnam days.
    const bucket = Math.floor((record.capturedAt - buckets.origin) / bucketMs);
    counts[bucket] = (counts[bucket] ?? 0) + 1;

    increment(categories, category);
    increment(outlets, outletOf(record.siteName));
    increment(languages, languageOf(record.lang));
    // A term counts once per story, however often the page repeated it.
    const seen = record.watchTerms.length > 1 ? new Set<string>() : undefined;
    for (const value of record.watchTerms) {
      const term = termOf(value);
      if (!term || seen?.has(term)) continue;
      seen?.add(term);
      increment(terms, term);
    }
  }

  const order = orderCategories(perCategory.keys(), options.categoryOrder);
  return {
    totals: totalsOf(inside),
    overTime: {
      unit: buckets.unit,
      starts: buckets.starts,
      labels: buckets.labels,
      series: order.map((category) => ({ category, counts: perCategory.get(category)! })),
    },
    outlets: ranked(outlets, top),
    // Every category is shown (there are few); ranked so the chart reads top-down, ties in display order.
    categories: ranked(categories, Infinity, order),
    languages: ranked(languages),
    watchTerms: ranked(terms, top),
  };
}
