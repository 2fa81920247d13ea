/**
 * The dashboard's one read, in one transaction so that everything is seen at
 * the same instant: the period's stories and the previous period's (for the
 * change figures) from the day digest (day-digest.ts; a year is 365 small
 * rows, not 36,000 records), then the whole records of only the stories the
 * list shows first in each category.
 */
import type { CanhTinDatabase } from '../db/schema';
import type { FlagRecord } from '../flag-record';
import { previousPeriod, type Period } from '../time/periods';
import { totalsOf, type Totals } from './aggregate-flags';
import { dayNumbersOf, flagsInRows, type DashboardFlag } from './day-digest';
import { groupStories, STORIES_SHOWN, type StoryGroup } from './story-groups';

export interface DashboardData {
  /** Every story first flagged in the period, as the digest has it. */
  flags: DashboardFlag[];
  previous: Totals;
  /** The listed stories by category, ranked; categories in no particular order (see inCategoryOrder). */
  groups: StoryGroup[];
  /** Whole records of the first STORIES_SHOWN stories of each category; the rest load on demand. */
  records: ReadonlyMap<string, FlagRecord>;
}

async function flagsIn(db: CanhTinDatabase, period: Period): Promise<DashboardFlag[]> {
  const [first, last] = dayNumbersOf(period);
  return flagsInRows(await db.flagDays.where('day').between(first, last, true, true).toArray(), period);
}

/** The records of some stories, by id (missing ones left out). */
export async function readStoryRecords(db: CanhTinDatabase, ids: readonly string[]): Promise<Map<string, FlagRecord>> {
  const records = await db.flags.bulkGet([...ids]);
  return new Map(records.filter((record): record is FlagRecord => record !== undefined).map((record) => [record.id, record]));
}

export function readDashboard(db: CanhTinDatabase, period: Period): Promise<DashboardData> {
  return db.transaction('r', db.flagDays, db.flags, async () => {
    const [flags, before] = await Promise.all([flagsIn(db, period), flagsIn(db, previousPeriod(period))]);
    // Which stories come first does not depend on the order of categories: group without it.
    const groups = groupStories(flags);
    const shown = groups.flatMap((group) => group.stories.slice(0, STORIES_SHOWN).map((story) => story.id));
    return { flags, previous: totalsOf(before), groups, records: await readStoryRecords(db, shown) };
  });
}
