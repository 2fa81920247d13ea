import { useLiveQuery } from 'dexie-react-hooks';
import { appDatabase } from '@/lib/db/app-database';
import { getMonitorName } from '@/lib/db/settings-repository';
import { t } from './i18n';

/** Reminds the monitor to set the name that goes into every flag. */
export function MonitorNameNotice() {
  const name = useLiveQuery(() => getMonitorName(appDatabase()), []);
  if (name === undefined || name !== '') return null;
  return <p className="message notice">{t('monitorMissing')}</p>;
}
