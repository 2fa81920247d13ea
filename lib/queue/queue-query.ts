/**
 * What the queue shows: filters and a sort, answered through the flags'
 * Dexie indexes one page at a time, so the first screen never waits for a
 * year of records. The most selective indexed condition picks the index
 * ([status+capturedAt] for "new, newest first"); the rest is checked on the
 * rows the index yields.
 */
import Dexie, { type Collection, type InsertType } from 'dexie';
import type { CanhTinDatabase } from '../db/schema';
import type { FlagRecord, FlagStatus, Severity } from '../flag-record';

export const QUEUE_SORTS = ['captured', 'published', 'copies'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export interface QueueFilter {
  /** Empty = every status. */
  statuses: readonly FlagStatus[];
  /** Category ids; '' = not chosen yet. Empty = every category. */
  categories: readonly string[];
  severities: readonly Severity[];
  /** Flag time, half-open [from, to) epoch ms; undefined = unbounded. */
  from?: number;
  to?: number;
  /** Exact monitor name; '' = anyone. */
  monitor: string;
  /** Language code as stored (lower-case, e.g. 'vi', 'zh-cn'); matches its subtags too ('zh' finds 'zh-cn'). '' = any. */
  lang: string;
}

export const EMPTY_FILTER: QueueFilter = { statuses: [], categories: [], severities: [], monitor: '', lang: '' };

export function isFilterEmpty(filter: QueueFilter): boolean {
  return (
    filter.statuses.length === 0 &&
    filter.categories.length === 0 &&
    filter.severities.length === 0 &&
    filter.from === undefined &&
    filter.to === undefined &&
    !filter.monitor &&
    !filter.lang
  );
}

/** The filter as a predicate, for rows an index did not already narrow (and for search results). */
export function matchesFilter(filter: QueueFilter): (record: FlagRecord) => boolean {
  const lang = filter.lang.toLowerCase();
  return (record) =>
    (filter.statuses.length === 0 || filter.statuses.includes(record.status)) &&
    (filter.categories.length === 0 || filter.categories.includes(record.category)) &&
    (filter.severities.length === 0 || filter.severities.includes(record.severity)) &&
    (filter.from === undefined || record.capturedAt >= filter.from) &&
    (filter.to === undefined || record.capturedAt < filter.to) &&
    (!filter.monitor || record.monitor === filter.monitor) &&
    (!lang || record.lang === lang || record.lang.startsWith(`${lang}-`));
}

const SORT_INDEX: Record<QueueSort, string> = { captured: 'capturedAt', published: 'publishedAt', copies: 'copyCount' };

/** The index walk for a filter and sort, newest / most copied first, before the remaining checks. */
function indexedRange(db: CanhTinDatabase, filter: QueueFilter, sort: QueueSort): Collection<FlagRecord, string, InsertType<FlagRecord, 'id'>> {
  const from = filter.from ?? -Infinity;
  const to = filter.to ?? Infinity;
  if (sort === 'captured') {
    // One status or one category, newest first: the compound index yields exactly those rows, in order.
    const [status] = filter.statuses;
    if (filter.statuses.length === 1 && status) {
      return db.flags.where('[status+capturedAt]').between([status, from], [status, to], true, false).reverse();
    }
    const [category] = filter.categories;
    if (filter.categories.length === 1 && category !== undefined) {
      return db.flags.where('[category+capturedAt]').between([category, from], [category, to], true, false).reverse();
    }
    if (filter.from !== undefined || filter.to !== undefined) return db.flags.where('capturedAt').between(from, to, true, false).reverse();
  }
  if (sort === 'published') {
    // ISO strings with the page's own offset, so text order is wall-clock order, not time order:
    // readByPublication puts them in time order. Unknown ('') sort last.
    return db.flags.where('publishedAt').between('0', Dexie.maxKey).reverse();
  }
  return db.flags.orderBy(SORT_INDEX[sort]).reverse();
}

/**
 * What is left to check on the rows of indexedRange: with the 'captured' sort
 * every range already holds the date bounds, and the compound ones a single
 * status or category too.
 */
function leftToCheck(filter: QueueFilter, sort: QueueSort): QueueFilter {
  if (sort !== 'captured') return filter;
  const rest: QueueFilter = { ...filter, from: undefined, to: undefined };
  if (filter.statuses.length === 1) return { ...rest, statuses: [] };
  if (filter.categories.length === 1) return { ...rest, categories: [] };
  return rest;
}

// Real UTC offsets run from -12:00 to +14:00, but a page may write any offset up to ±23:59 (and the
// record keeps it): a story's instant lies within 24 h either side of the wall-clock time its ISO text
// sorts by, so two stories 48 h apart in that text are in the same order in time.
const OFFSET_SPREAD_MS = 48 * 3_600_000;

/** The wall-clock time an ISO text states, read as if it were UTC (the order the publishedAt index keeps). */
function wallClockMs(iso: string): number {
  const wall = Date.parse(`${iso.replace(/(?:[zZ]|[+-]\d{2}:?\d{2})$/, '')}Z`);
  return Number.isNaN(wall) ? Date.parse(iso) : wall;
}

function publishedMs(record: FlagRecord): number {
  const time = Date.parse(record.publishedAt);
  return Number.isNaN(time) ? -Infinity : time;
}

/**
 * The `limit` most recently published stories, in time order, from the publishedAt index, whose text
 * order puts 07:30+08:00 (06:30 in Vietnam) above 07:00+07:00. Reading stops once `limit` stories are
 * in hand and the next one's wall-clock time is 48 h below the last of them: it and every later one
 * were published before all of those (see OFFSET_SPREAD_MS). What was read is then sorted by instant.
 */
async function readByPublication(range: Collection<FlagRecord, string, InsertType<FlagRecord, 'id'>>, keep: (record: FlagRecord) => boolean, limit: number): Promise<FlagRecord[]> {
  let kept = 0;
  let stopBelow = -Infinity;
  const read = await range
    .until((record) => {
      if (kept >= limit && wallClockMs(record.publishedAt) < stopBelow) return true;
      if (keep(record) && ++kept === limit) stopBelow = wallClockMs(record.publishedAt) - OFFSET_SPREAD_MS;
      return false;
    })
    .toArray();
  return read
    .filter(keep)
    .sort((a, b) => publishedMs(b) - publishedMs(a))
    .slice(0, limit);
}

/**
 * The first `limit` stories for a filter and sort. The queue asks for more as
 * the monitor scrolls (a larger limit; the query reruns when flags change).
 * With sort 'published', stories without a publication time follow the others.
 */
export async function readQueue(db: CanhTinDatabase, filter: QueueFilter, sort: QueueSort, limit: number): Promise<FlagRecord[]> {
  const keep = matchesFilter(filter);
  const range = indexedRange(db, filter, sort);
  // When the index walk is the whole filter (the popup's default view among others), no callback:
  // Dexie then reads the page in one request instead of a cursor step per row, each step
  // waiting for the page's (busy, while it starts) main thread.
  const rest = leftToCheck(filter, sort);
  if (sort !== 'published') return (isFilterEmpty(rest) ? range : range.filter(matchesFilter(rest))).limit(limit).toArray();
  const rows = await readByPublication(range, keep, limit);
  if (rows.length >= limit) return rows;
  const undated = await db.flags.where('publishedAt').equals('').filter(keep).toArray();
  undated.sort((a, b) => b.capturedAt - a.capturedAt);
  return [...rows, ...undated.slice(0, limit - rows.length)];
}

/** Distinct monitors and languages seen, for the filter menus (read from the indexes' keys only). */
export async function filterChoices(db: CanhTinDatabase): Promise<{ monitors: string[]; langs: string[] }> {
  const [monitors, langs] = await Promise.all([db.flags.orderBy('monitor').uniqueKeys(), db.flags.orderBy('lang').uniqueKeys()]);
  const text = (keys: unknown[]) => keys.filter((key): key is string => typeof key === 'string' && key !== '');
  return { monitors: text(monitors), langs: text(langs) };
}
