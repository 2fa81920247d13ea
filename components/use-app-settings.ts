/** The monitor's settings, live: every page re-renders when options change them. */
import { useLiveQuery } from 'dexie-react-hooks';
import { appDatabase } from '@/lib/db/app-database';
import { defaultAppSettings, getAppSettings, type AppSettings } from '@/lib/settings/app-settings';

const DEFAULTS = defaultAppSettings();

export function useAppSettings(): AppSettings {
  return useLiveQuery(() => getAppSettings(appDatabase()), []) ?? DEFAULTS;
}
