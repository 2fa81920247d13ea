/**
 * The briefing's database reads, without React: the first ones start as soon
 * as the page's first stage runs (entrypoints/dashboard/main.tsx), so the
 * database opens and reads the period and the settings while React, the charts
 * and the components load (components/early-read.ts). useDashboardData and
 * the settings' live query take those reads over.
 */
import Dexie, { type ObservabilitySet } from 'dexie';
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

/** Whether a change reported by Dexie's `storagemutated` event touches what the briefing shows. */
export const touchesFlags = (parts: ObservabilitySet) => Object.keys(parts).some((part) => /\/(flags|flagDays)\//.test(part));

let firstRead: { label: string; data: EarlyRead<DashboardData> } | undefined;
let firstSettings: EarlyRead<AppSettings> | undefined;
/** A flag was written after the first read began, before the UI listened for changes itself. */
let flagsChangedMeanwhile = false;
const noteChange = (parts: ObservabilitySet) => {
  if (touchesFlags(parts)) flagsChangedMeanwhile = true;
};

/** Starts reading the period the page opens on, and the settings its header and charts need, before the UI has loaded. */
export function startFirstRead(period: Period): void {
  flagsChangedMeanwhile = false;
  Dexie.on('storagemutated', noteChange);
  firstRead = { label: period.label, data: startEarlyRead(timedRead(period)) };
  firstSettings = startEarlyRead(getAppSettings(appDatabase()));
}

/**
 * Called once the UI listens for changes itself: stops the first stage's
 * listening, and says whether flags changed since the first read began (its
 * answer may then be stale, and the UI reads again).
 */
export function flagsChangedSinceFirstRead(): boolean {
  Dexie.on('storagemutated').unsubscribe(noteChange);
  const changed = flagsChangedMeanwhile;
  flagsChangedMeanwhile = false;
  return changed;
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
