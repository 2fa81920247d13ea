/**
 * The dashboard's one read, in one transaction so that everything is seen at
 * the same instant: the period's stories and the previous period's (for the
 * change figures), from the day digest (day-digest.ts; a year is 365 rows,
 * not 36,000 records). No whole record is read: the digest holds what the
 * story list shows.
 */
import type { CanhTinDatabase } from '../db/schema';
import { previousPeriod, type Period } from '../time/periods';
import { totalsOf, type Totals } from './aggregate-flags';
import { dayNumbersOf, flagsInRows, type DashboardFlag } from './day-digest';
import { groupStories, type StoryGroup } from './story-groups';

export interface DashboardData {
  /** Every story first flagged in the period, as the digest has it. */
  flags: DashboardFlag[];
  previous: Totals;
  /** The listed stories by category, ranked; categories in no particular order (see inCategoryOrder). */
  groups: StoryGroup[];
}

async function flagsIn(db: CanhTinDatabase, period: Period): Promise<DashboardFlag[]> {
  const [first, last] = dayNumbersOf(period);
  return flagsInRows(await db.flagDays.where('day').between(first, last, true, true).toArray(), period);
}

export function readDashboard(db: CanhTinDatabase, period: Period): Promise<DashboardData> {
  return db.transaction('r', db.flagDays, async () => {
    const [flags, before] = await Promise.all([flagsIn(db, period), flagsIn(db, previousPeriod(period))]);
    // Which stories come first does not depend on the order of categories: group without it.
    return { flags, previous: totalsOf(before), groups: groupStories(flags) };
  });
}
