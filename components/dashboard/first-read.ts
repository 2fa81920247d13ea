/**
 * The briefing's database reads, without React: the first ones start as soon
 * as the page's first stage runs (entrypoints/dashboard/main.tsx), so the
 * database opens and reads the period and the settings while React, chart.js
 * and the components load (components/early-read.ts). useDashboardData and
 * the settings' live query take those reads over.
 */
import { appDatabase } from '@/lib/db/app-database';
import { readDashboard, type DashboardData } from '@/lib/dashboard/read-dashboard';
import { getAppSettings, type AppSettings } from '@/lib/settings/app-settings';
import type { Period } from '@/lib/time/periods';
import { startEarlyRead, type EarlyRead } from '../early-read';

export const READ_MEASURE = 'canh-tin-dashboard-read';

export function timedRead(period: Period): Promise<DashboardData> {
  const started = performance.now();
  return readDashboard(appDatabase(), period).then((data) => {
    performance.measure(READ_MEASURE, { start: started, end: performance.now() });
    return data;
  });
}

let firstRead: { label: string; data: EarlyRead<DashboardData> } | undefined;
let firstSettings: EarlyRead<AppSettings> | undefined;

/** Starts reading the period the page opens on, and the settings its header and charts need, before the UI has loaded. */
export function startFirstRead(period: Period): void {
  firstRead = { label: period.label, data: startEarlyRead(timedRead(period)) };
  firstSettings = startEarlyRead(getAppSettings(appDatabase()));
}

/** The first read, if it is for this period; used once. */
export function takeFirstRead(label: string): EarlyRead<DashboardData> | undefined {
  const early = firstRead?.label === label ? firstRead.data : undefined;
  firstRead = undefined;
  return early;
}

/** The settings as the first stage read them, if they are back already (the live query follows later changes). */
export function settingsReadEarly(): AppSettings | undefined {
  return firstSettings?.settled?.value;
}
