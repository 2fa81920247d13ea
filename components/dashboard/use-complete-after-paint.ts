/**
 * The dashboard's story list sits below the charts, out of the first screen.
 * Its first frame therefore shows only a few rows of each group; the rest
 * (up to STORIES_SHOWN) follow right after that frame is painted, rendered as
 * a transition so the page stays responsive meanwhile. Printing never waits:
 * `beforeprint` comes before the print layout (the print dialog and "Save as
 * PDF" alike), and the full list is committed synchronously there.
 */
import { startTransition, useEffect, useLayoutEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { afterNextPaint } from '../after-next-paint';

/** Rows of each group in the first frame. */
export const FIRST_FRAME_ROWS = 5;
/** Performance measure from navigation start to the full list committed (npm run bench prints it). */
export const STORIES_COMPLETE_MEASURE = 'canh-tin-dashboard-stories-complete';

/** False for the first frame, then true for good. */
export function useCompleteAfterPaint(): boolean {
  const [complete, setComplete] = useState(false);
  // A layout effect: listening before the first frame is painted, so no print can come before it.
  useLayoutEffect(() => {
    if (complete) return;
    const forPrint = () => flushSync(() => setComplete(true));
    window.addEventListener('beforeprint', forPrint);
    return () => window.removeEventListener('beforeprint', forPrint);
  }, [complete]);
  useEffect(() => {
    if (complete) return;
    let mounted = true;
    afterNextPaint(() => {
      if (mounted) startTransition(() => setComplete(true));
    });
    return () => {
      mounted = false;
    };
  }, [complete]);
  useLayoutEffect(() => {
    if (complete && performance.getEntriesByName(STORIES_COMPLETE_MEASURE).length === 0) performance.measure(STORIES_COMPLETE_MEASURE);
  }, [complete]);
  return complete;
}
