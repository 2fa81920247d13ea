/**
 * The dashboard's one read: the period's flags, and the previous period's for
 * the change figures, each through the capturedAt index (a week is a few
 * hundred records even when the database holds years). One read transaction,
 * so both periods are seen at the same instant.
 */
import type { CanhTinDatabase } from '../db/schema';
import type { FlagRecord } from '../flag-record';
import { previousPeriod, type Period } from '../time/periods';
import { totalsOf, type Totals } from './aggregate-flags';

export interface DashboardData {
  records: FlagRecord[];
  previous: Totals;
}

function flagsIn(db: CanhTinDatabase, period: Period): Promise<FlagRecord[]> {
  return db.flags.where('capturedAt').between(period.start, period.end, true, false).toArray();
}

export function readDashboard(db: CanhTinDatabase, period: Period): Promise<DashboardData> {
  return db.transaction('r', db.flags, async () => {
    const [records, before] = await Promise.all([flagsIn(db, period), flagsIn(db, previousPeriod(period))]);
    return { records, previous: totalsOf(before) };
  });
}
