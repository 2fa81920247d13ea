/**
 * Who flags: the monitor's name (stored with every flag and exported in the
 * CSV) and unit (printed on the briefing). The form follows the stored
 * settings, so a restore or "delete everything" on this page shows at once.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { appDatabase } from '@/lib/db/app-database';
import { getAppSettings, MAX_NAME, MAX_UNIT_NAME, updateAppSettings } from '@/lib/settings/app-settings';
import { t } from './i18n';
import { saveFailedMessage } from './save-failed-message';

interface Draft {
  monitorName: string;
  unitName: string;
}

export function MonitorNameForm() {
  const stored = useLiveQuery(() => getAppSettings(appDatabase()), []);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [basis, setBasis] = useState<string | null>(null);
  const [message, setMessage] = useState('');

  // The draft starts from (and is reset by) what is stored, during render rather than in an
  // effect, so nothing typed between the first paint and an effect could be overwritten.
  const storedKey = stored ? JSON.stringify([stored.monitorName, stored.unitName]) : null;
  if (stored && storedKey !== basis) {
    setBasis(storedKey);
    setDraft({ monitorName: stored.monitorName, unitName: stored.unitName });
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    try {
      await updateAppSettings(appDatabase(), draft);
      setMessage(t('saved'));
    } catch (error) {
      setMessage(saveFailedMessage(error));
    }
  }

  if (!draft) return null;
  return (
    <section aria-labelledby="identity-heading">
      <h2 id="identity-heading">{t('options_identityHeading')}</h2>
      <form onSubmit={save} className="monitor-name">
        <p className="row">
          <label htmlFor="monitor-name">{t('monitorNameLabel')}</label>
          <input
            id="monitor-name"
            value={draft.monitorName}
            maxLength={MAX_NAME}
            onChange={(event) => setDraft({ ...draft, monitorName: event.target.value })}
            aria-describedby="monitor-name-hint"
          />
        </p>
        <p id="monitor-name-hint" className="hint">
          {t('monitorNameHint')}
        </p>
        <p className="row">
          <label htmlFor="unit-name">{t('options_unitNameLabel')}</label>
          <input
            id="unit-name"
            size={48}
            value={draft.unitName}
            maxLength={MAX_UNIT_NAME}
            onChange={(event) => setDraft({ ...draft, unitName: event.target.value })}
            aria-describedby="unit-name-hint"
          />
        </p>
        <p id="unit-name-hint" className="hint">
          {t('options_unitNameHint')}
        </p>
        <button type="submit">{t('save')}</button>
        {message && <span role="status" className="message"> {message}</span>}
      </form>
    </section>
  );
}
