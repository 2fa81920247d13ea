/**
 * The period's flags, live (a flag made while the dashboard is open shows
 * up), tagged with the period they belong to: while another period loads, the
 * old figures are not shown under the new period's title.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { appDatabase } from '@/lib/db/app-database';
import { readDashboard, type DashboardData } from '@/lib/dashboard/read-dashboard';
import type { Period } from '@/lib/time/periods';

export const READ_MEASURE = 'canh-tin-dashboard-read';

export function useDashboardData(period: Period): DashboardData | undefined {
  const db = appDatabase();
  const result = useLiveQuery(async () => {
    const started = performance.now();
    const data = await readDashboard(db, period);
    performance.measure(READ_MEASURE, { start: started, end: performance.now() });
    return { label: period.label, data };
  }, [db, period.label]);
  return result?.label === period.label ? result.data : undefined;
}
