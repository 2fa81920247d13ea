/**
 * The briefing's database reads, without React: the first one starts as soon
 * as the page's first stage runs (entrypoints/dashboard/main.tsx), so the
 * database opens and reads while React, chart.js and the components load.
 * useDashboardData takes that read over, and reads again when flags change.
 */
import { appDatabase } from '@/lib/db/app-database';
import { readDashboard, type DashboardData } from '@/lib/dashboard/read-dashboard';
import type { Period } from '@/lib/time/periods';

export const READ_MEASURE = 'canh-tin-dashboard-read';

export function timedRead(period: Period): Promise<DashboardData> {
  const started = performance.now();
  return readDashboard(appDatabase(), period).then((data) => {
    performance.measure(READ_MEASURE, { start: started, end: performance.now() });
    return data;
  });
}

let firstRead: { label: string; data: Promise<DashboardData> } | undefined;

/** Starts reading the period the page opens on, before the UI has loaded. */
export function startFirstRead(period: Period): void {
  firstRead = { label: period.label, data: timedRead(period) };
  // A failed early read is retried by the hook; it must not surface as unhandled.
  firstRead.data.catch(() => undefined);
}

/** The first read, if it is for this period; used once. */
export function takeFirstRead(label: string): Promise<DashboardData> | undefined {
  const early = firstRead?.label === label ? firstRead.data : undefined;
  firstRead = undefined;
  return early;
}
