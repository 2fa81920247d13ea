/**
 * Timestamps as monitors read them: Vietnam time (Asia/Ho_Chi_Minh, UTC+7 all
 * year, no daylight saving), written as ISO 8601 with its offset so that
 * spreadsheets and other tools get an unambiguous instant.
 */

const VIETNAM_OFFSET_MINUTES = 7 * 60;

/** 1764211263000 → "2025-11-27T09:41:03+07:00" */
export function toVietnamIso(epochMs: number): string {
  const shifted = new Date(epochMs + VIETNAM_OFFSET_MINUTES * 60_000);
  return shifted.toISOString().replace(/\.\d{3}Z$/, '+07:00');
}
