/**
 * The briefing's own copy of the fields it counts and lists, one row per
 * Vietnam day (the `flagDays` table, kept in step with `flags` by
 * lib/db/day-digest-sync.ts). A year of briefing is then 365 rows read at
 * once instead of 36,000 whole records (excerpts, descriptions, quotes)
 * decoded one by one: in Chromium ≈ 80–170 ms against ≈ 1.5 s. The story
 * list's own fields (title, address, note) are here too, so showing a story
 * never waits for its record.
 *
 * A row holds its stories column by column (every array the same length, one
 * story per position): arrays of plain values decode far faster than as many
 * small objects. Pure: no database here.
 */
import type { FlagRecord } from '../flag-record';
import { vietnamDayNumber } from '../time/periods';

export { vietnamDayNumber };

/** What the dashboard needs of a story to count it, rank it and show it in the story list. */
export type DashboardFlag = Pick<
  FlagRecord,
  'id' | 'capturedAt' | 'category' | 'status' | 'severity' | 'copyCount' | 'siteName' | 'lang' | 'watchTerms' | 'title' | 'url' | 'note'
>;

/** The copied fields, in column order (the row keeps `ids` for `id`). */
export const DIGEST_FIELDS = ['capturedAt', 'category', 'status', 'severity', 'copyCount', 'siteName', 'lang', 'watchTerms', 'title', 'url', 'note'] as const;
type DigestField = (typeof DIGEST_FIELDS)[number];

export type DayDigestRow = { day: number; ids: string[] } & { [F in DigestField]: DashboardFlag[F][] };

/** The Vietnam days that [start, end) touches, as day numbers [first, last]. */
export function dayNumbersOf(period: { start: number; end: number }): [number, number] {
  return [vietnamDayNumber(period.start), vietnamDayNumber(Math.max(period.start, period.end - 1))];
}

/** Spelled out, not built from DIGEST_FIELDS: the typecheck then fails here when a field is added. */
export function emptyDayRow(day: number): DayDigestRow {
  return { day, ids: [], capturedAt: [], category: [], status: [], severity: [], copyCount: [], siteName: [], lang: [], watchTerms: [], title: [], url: [], note: [] };
}

function removeAt(row: DayDigestRow, index: number): void {
  row.ids.splice(index, 1);
  for (const field of DIGEST_FIELDS) row[field].splice(index, 1);
}

/** Writes a story into a row's columns (its watch terms copied: a row never shares arrays with a record). */
function setAt(row: DayDigestRow, index: number, flag: DashboardFlag): void {
  row.ids[index] = flag.id;
  // Each column holds its own field's type; TypeScript cannot pair them through the loop variable.
  for (const field of DIGEST_FIELDS) (row[field] as unknown[])[index] = field === 'watchTerms' ? [...flag.watchTerms] : flag[field];
}

/**
 * A day's row after some stories left it (deleted, or moved to another day)
 * and some arrived or changed. Changes the row in place and returns it.
 */
export function applyToDayRow(row: DayDigestRow, removedIds: Iterable<string>, upserts: readonly DashboardFlag[]): DayDigestRow {
  const removed = new Set(removedIds);
  for (const flag of upserts) removed.delete(flag.id);
  if (removed.size > 0) {
    for (let index = row.ids.length - 1; index >= 0; index -= 1) if (removed.has(row.ids[index]!)) removeAt(row, index);
  }
  if (upserts.length > 0) {
    const position = new Map(row.ids.map((id, index) => [id, index]));
    for (const flag of upserts) {
      const index = position.get(flag.id) ?? row.ids.length;
      position.set(flag.id, index);
      setAt(row, index, flag);
    }
  }
  return row;
}

/** Rows for a set of stories, built from scratch (the upgrade that creates the table; tests). */
export function dayRowsOf(records: Iterable<DashboardFlag>): DayDigestRow[] {
  const rows = new Map<number, DayDigestRow>();
  for (const record of records) {
    const day = vietnamDayNumber(record.capturedAt);
    let row = rows.get(day);
    if (!row) rows.set(day, (row = emptyDayRow(day)));
    setAt(row, row.ids.length, record);
  }
  return [...rows.values()];
}

/** The stories of some day rows captured inside [start, end), as objects. */
export function flagsInRows(rows: readonly DayDigestRow[], period: { start: number; end: number }): DashboardFlag[] {
  const flags: DashboardFlag[] = [];
  for (const row of rows) {
    for (let index = 0; index < row.ids.length; index += 1) {
      const capturedAt = row.capturedAt[index]!;
      if (capturedAt < period.start || capturedAt >= period.end) continue;
      flags.push({
        id: row.ids[index]!,
        capturedAt,
        category: row.category[index]!,
        status: row.status[index]!,
        severity: row.severity[index]!,
        copyCount: row.copyCount[index]!,
        siteName: row.siteName[index]!,
        lang: row.lang[index]!,
        watchTerms: row.watchTerms[index]!,
        title: row.title[index]!,
        url: row.url[index]!,
        note: row.note[index]!,
      });
    }
  }
  return flags;
}
