/**
 * The selected period lives in the address (`#period=2026-W48`), so the view
 * is bookmarkable and the browser's back button returns to the previous one.
 * Choosing a period writes the hash; reading follows hashchange.
 */
import { useCallback, useEffect, useState } from 'react';
import { periodFromLocation, periodHash, type SelectedPeriod } from '@/lib/dashboard/period-param';

export function usePeriodLocation(): [SelectedPeriod, (next: SelectedPeriod) => void] {
  const [selected, setSelected] = useState(() => periodFromLocation(window.location, Date.now()));
  useEffect(() => {
    const follow = () => setSelected(periodFromLocation(window.location, Date.now()));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const choose = useCallback((next: SelectedPeriod) => {
    window.location.hash = periodHash(next.period);
  }, []);
  return [selected, choose];
}
