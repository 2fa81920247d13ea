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
import { useEffect, useRef, useState } from 'react';
import type { DashboardData } from '@/lib/dashboard/read-dashboard';
import type { Period } from '@/lib/time/periods';
import { flagsChangedSinceFirstRead, takeFirstRead, timedRead, touchesFlags } from './first-read';

export function useDashboardData(period: Period): DashboardData | undefined {
  // If the first stage's read is already back, the very first render shows it.
  const [first] = useState(() => {
    const early = takeFirstRead(period.label);
    const settled = early?.settled?.value;
    return { early: settled ? undefined : early, result: settled && { label: period.label, data: settled } };
  });
  const [result, setResult] = useState(first.result);
  const [changes, setChanges] = useState(0);
  const useFirst = useRef(true);

  useEffect(() => {
    const onMutated = (parts: ObservabilitySet) => {
      if (touchesFlags(parts)) setChanges((count) => count + 1);
    };
    Dexie.on('storagemutated', onMutated);
    // A flag written while the UI was loading: the first read may have missed it.
    if (flagsChangedSinceFirstRead()) setChanges((count) => count + 1);
    return () => Dexie.on('storagemutated').unsubscribe(onMutated);
  }, []);

  useEffect(() => {
    // The first run takes the first stage's read over: already shown, or still on its way.
    const fromFirstStage = useFirst.current && changes === 0;
    useFirst.current = false;
    if (fromFirstStage && first.result) return;
    let wanted = true;
    const early = fromFirstStage ? first.early?.promise : undefined;
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
