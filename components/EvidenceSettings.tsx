/** Options: whether every flag also keeps the whole page as MHTML (only where the browser can). */
import { useEffect, useState } from 'react';
import { appDatabase } from '@/lib/db/app-database';
import { getCaptureMhtml, setCaptureMhtml } from '@/lib/db/settings-repository';
import { t } from './i18n';
import { saveFailedMessage } from './save-failed-message';

export function EvidenceSettings() {
  const [on, setOn] = useState<boolean | null>(null);
  const [message, setMessage] = useState('');

  useEffect(() => {
    getCaptureMhtml(appDatabase()).then(setOn, (error: unknown) => setMessage(String(error)));
  }, []);

  // Firefox has no pageCapture API: the option would do nothing there.
  if (on === null || !browser.pageCapture) return null;
  return (
    <section aria-labelledby="evidence-settings-heading">
      <h2 id="evidence-settings-heading">{t('evidenceSettingsHeading')}</h2>
      <label className="toggle">
        <input
          type="checkbox"
          checked={on}
          onChange={(event) => {
            const next = event.target.checked;
            setOn(next);
            setCaptureMhtml(appDatabase(), next).then(
              () => setMessage(t('saved')),
              (error: unknown) => setMessage(saveFailedMessage(error)),
            );
          }}
        />
        {t('captureMhtmlLabel')}
      </label>
      <p className="hint">{t('captureMhtmlHint')}</p>
      {message && (
        <p role="status" className="message">
          {message}
        </p>
      )}
    </section>
  );
}
