import { describe, expect, it } from 'vitest';
import { getCaptureMhtml, getMonitorName, setCaptureMhtml, setMonitorName } from '@/lib/db/settings-repository';
import { getAppSettings, LEGACY_MONITOR_NAME_KEY, updateAppSettings } from '@/lib/settings/app-settings';
import { testDatabase } from './support/test-database';

describe('the monitor name, as the flag path and the popup read it', () => {
  it('is empty until set', async () => {
    expect(await getMonitorName(testDatabase())).toBe('');
  });

  it('is stored in the app settings, cleaned, and read back from there', async () => {
    const db = testDatabase();
    expect(await setMonitorName(db, '  Trần\u200B Văn Biển ')).toBe('Trần Văn Biển');
    expect(await getMonitorName(db)).toBe('Trần Văn Biển');
    expect((await getAppSettings(db)).monitorName).toBe('Trần Văn Biển');
    // A name changed in the options page is the name the next flag gets.
    await updateAppSettings(db, { monitorName: 'Lan' });
    expect(await getMonitorName(db)).toBe('Lan');
  });

  it('reads a name stored before settings were versioned', async () => {
    const db = testDatabase();
    await db.settings.put({ key: LEGACY_MONITOR_NAME_KEY, value: 'Hùng' });
    expect(await getMonitorName(db)).toBe('Hùng');
  });

  it('setting the name leaves the other settings alone', async () => {
    const db = testDatabase();
    await updateAppSettings(db, { unitName: 'Sở TT&TT', csvHeadings: 'vi' });
    await setCaptureMhtml(db, true);
    await setMonitorName(db, 'Lan');
    expect(await getAppSettings(db)).toMatchObject({ monitorName: 'Lan', unitName: 'Sở TT&TT', csvHeadings: 'vi' });
    expect(await getCaptureMhtml(db)).toBe(true);
  });
});
