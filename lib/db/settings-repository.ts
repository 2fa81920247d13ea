/**
 * Monitor settings, stored in the database beside the flags so a backup holds both.
 * The monitor's name lives in the versioned app settings (lib/settings/app-settings.ts);
 * these two functions are the flag path's and the popup's view of it.
 */
import { getAppSettings, updateAppSettings } from '../settings/app-settings';
import type { CanhTinDatabase } from './schema';

export async function getMonitorName(db: CanhTinDatabase): Promise<string> {
  return (await getAppSettings(db)).monitorName;
}

/** Stores the name (cleaned: one line, no invisible characters, capped); returns what was stored. */
export async function setMonitorName(db: CanhTinDatabase, name: string): Promise<string> {
  return (await updateAppSettings(db, { monitorName: name })).monitorName;
}

const CAPTURE_MHTML_KEY = 'captureMhtml';

/** Whether each flag also keeps the whole page as MHTML (Chrome only; pages are large). */
export async function getCaptureMhtml(db: CanhTinDatabase): Promise<boolean> {
  return (await db.settings.get(CAPTURE_MHTML_KEY))?.value === true;
}

export async function setCaptureMhtml(db: CanhTinDatabase, on: boolean): Promise<void> {
  await db.settings.put({ key: CAPTURE_MHTML_KEY, value: on });
}
