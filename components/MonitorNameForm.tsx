import { useEffect, useState, type FormEvent } from 'react';
import { appDatabase } from '@/lib/db/app-database';
import { getMonitorName, MAX_MONITOR_NAME, setMonitorName } from '@/lib/db/settings-repository';
import { t } from './i18n';

/** The monitor's name, stored with every flag and exported in the CSV. */
export function MonitorNameForm() {
  const [name, setName] = useState<string | null>(null);
  const [message, setMessage] = useState('');

  useEffect(() => {
    getMonitorName(appDatabase()).then(setName, (error: unknown) => setMessage(t('saveFailed', String(error))));
  }, []);

  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      setName(await setMonitorName(appDatabase(), name ?? ''));
      setMessage(t('saved'));
    } catch (error) {
      setMessage(t('saveFailed', String(error)));
    }
  }

  if (name === null) return null;
  return (
    <form onSubmit={save} className="monitor-name">
      <label htmlFor="monitor-name">{t('monitorNameLabel')}</label>
      <input
        id="monitor-name"
        value={name}
        maxLength={MAX_MONITOR_NAME}
        onChange={(event) => setName(event.target.value)}
        aria-describedby="monitor-name-hint"
      />
      <p id="monitor-name-hint" className="hint">
        {t('monitorNameHint')}
      </p>
      <button type="submit">{t('save')}</button>
      {message && <span role="status" className="message"> {message}</span>}
    </form>
  );
}
