/**
 * The period's flags, live (a flag made while the dashboard is open, here or
 * in the background, shows up), tagged with the period they belong to: while
 * another period loads, the old figures are not shown under the new period's
 * title.
 *
 * The first read starts before the UI has even loaded (first-read.ts). Later
 * reads follow Dexie's `storagemutated` event, the one liveQuery uses, which
 * also carries writes made by the background and other pages.
 */
import Dexie, { type ObservabilitySet } from 'dexie';
import { useEffect, useState } from 'react';
import type { DashboardData } from '@/lib/dashboard/read-dashboard';
import type { Period } from '@/lib/time/periods';
import { takeFirstRead, timedRead } from './first-read';

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
    // A failed early read is simply made again.
    (early ? early.catch(() => timedRead(period)) : timedRead(period)).then(
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
