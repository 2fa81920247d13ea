/**
 * Marks the dashboard's first complete view for `npm run bench`
 * (scripts/bench-dashboard.ts reads these entries): from navigation start to
 * the view committed with its charts drawn, and to the frame after it.
 * Plain performance entries, which cost nothing when nobody reads them.
 */
import { afterNextPaint } from '../after-next-paint';

export const RENDERED_MEASURE = 'canh-tin-dashboard-rendered';
export const PAINTED_MEASURE = 'canh-tin-dashboard-painted';

export function markFirstRender(): void {
  performance.measure(RENDERED_MEASURE);
  afterNextPaint(() => performance.measure(PAINTED_MEASURE));
}
