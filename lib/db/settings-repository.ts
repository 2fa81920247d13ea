/**
 * Monitor settings, stored in the database beside the flags so a backup holds both.
 */
import { cleanSingleLine } from '../text/clean-text';
import type { CanhTinDatabase } from './schema';

const MONITOR_NAME_KEY = 'monitorName';
export const MAX_MONITOR_NAME = 120;

export async function getMonitorName(db: CanhTinDatabase): Promise<string> {
  const row = await db.settings.get(MONITOR_NAME_KEY);
  return typeof row?.value === 'string' ? row.value : '';
}

export async function setMonitorName(db: CanhTinDatabase, name: string): Promise<string> {
  const cleaned = cleanSingleLine(name, MAX_MONITOR_NAME);
  await db.settings.put({ key: MONITOR_NAME_KEY, value: cleaned });
  return cleaned;
}

const CAPTURE_MHTML_KEY = 'captureMhtml';

/** Whether each flag also keeps the whole page as MHTML (Chrome only; pages are large). */
export async function getCaptureMhtml(db: CanhTinDatabase): Promise<boolean> {
  return (await db.settings.get(CAPTURE_MHTML_KEY))?.value === true;
}

export async function setCaptureMhtml(db: CanhTinDatabase, on: boolean): Promise<void> {
  await db.settings.put({ key: CAPTURE_MHTML_KEY, value: on });
}
