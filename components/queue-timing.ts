/**
 * Element Timing's name for the queue's first row (PerformanceElementTiming.identifier):
 * the browser records when that row's text first reached the screen, which
 * `npm run bench` reads as the popup's "first rows on screen".
 */
export const FIRST_ROW_TIMING_NAME = 'canh-tin-first-row';
