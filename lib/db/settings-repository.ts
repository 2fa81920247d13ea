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
