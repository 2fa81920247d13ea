/**
 * The period's flags, live (a flag made while the dashboard is open, here or
 * in the background, shows up), tagged with the period they belong to: while
 * another period loads, the old figures are not shown under the new period's
 * title.
 *
 * The first read starts before React's first render (startFirstRead, called
 * by main.tsx), so the database works while the page renders its frame.
 * Later reads follow Dexie's `storagemutated` event, the one liveQuery uses,
 * which also carries writes made by the background and other pages.
 */
import Dexie, { type ObservabilitySet } from 'dexie';
import { useEffect, useState } from 'react';
import { appDatabase } from '@/lib/db/app-database';
import { readDashboard, type DashboardData } from '@/lib/dashboard/read-dashboard';
import type { Period } from '@/lib/time/periods';

export const READ_MEASURE = 'canh-tin-dashboard-read';

function timedRead(period: Period): Promise<DashboardData> {
  const started = performance.now();
  return readDashboard(appDatabase(), period).then((data) => {
    performance.measure(READ_MEASURE, { start: started, end: performance.now() });
    return data;
  });
}

let firstRead: { label: string; data: Promise<DashboardData> } | undefined;

/** Starts reading the period the page opens on, before the first render. */
export function startFirstRead(period: Period): void {
  firstRead = { label: period.label, data: timedRead(period) };
  // A failed early read is retried by the hook; it must not surface as unhandled.
  firstRead.data.catch(() => undefined);
}

/** The first read, if it is for this period; used once. */
function takeFirstRead(label: string): Promise<DashboardData> | undefined {
  const early = firstRead?.label === label ? firstRead.data : undefined;
  firstRead = undefined;
  return early;
}

const touchesFlags = (parts: ObservabilitySet) => Object.keys(parts).some((part) => /\/(flags|flagDays)\//.test(part));

export function useDashboardData(period: Period): DashboardData | undefined {
  const [result, setResult] = useState<{ label: string; data: DashboardData }>();
  const [changes, setChanges] = useState(0);

  useEffect(() => {
    const onMutated = (parts: ObservabilitySet) => {
      if (touchesFlags(parts)) setChanges((count) => count + 1);
    };
    Dexie.on('storagemutated', onMutated);
    return () => Dexie.on('storagemutated').unsubscribe(onMutated);
  }, []);

  useEffect(() => {
    let wanted = true;
    const early = changes === 0 ? takeFirstRead(period.label) : undefined;
    (early ?? Promise.reject(new Error('no early read')))
      .catch(() => timedRead(period))
      .then(
        (data) => {
          if (wanted) setResult({ label: period.label, data });
        },
        (error: unknown) => console.error('Canh Tin: the briefing could not read the database', error),
      );
    return () => {
      wanted = false;
    };
  }, [period, changes]);

  return result?.label === period.label ? result.data : undefined;
}
