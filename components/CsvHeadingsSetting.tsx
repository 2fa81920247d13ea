/** Options: the heading language of exported CSV files (saved as soon as it is chosen). */
import { useState } from 'react';
import type { HeadingLanguage } from '@/lib/csv/flag-columns';
import { appDatabase } from '@/lib/db/app-database';
import { updateAppSettings } from '@/lib/settings/app-settings';
import { t } from './i18n';
import { saveFailedMessage } from './save-failed-message';
import { useAppSettings } from './use-app-settings';

export function CsvHeadingsSetting() {
  const settings = useAppSettings();
  const [message, setMessage] = useState('');

  function choose(csvHeadings: HeadingLanguage) {
    updateAppSettings(appDatabase(), { csvHeadings }).then(
      () => setMessage(t('saved')),
      (error: unknown) => setMessage(saveFailedMessage(error)),
    );
  }

  return (
    <section aria-labelledby="csv-headings-heading">
      <h2 id="csv-headings-heading">{t('options_csvHeadingsHeading')}</h2>
      <p className="row">
        <label htmlFor="csv-headings">{t('options_csvHeadingsLabel')}</label>
        <select id="csv-headings" value={settings.csvHeadings} onChange={(event) => choose(event.target.value === 'vi' ? 'vi' : 'en')} aria-describedby="csv-headings-hint">
          <option value="vi">{t('options_csvHeadings_vi')}</option>
          <option value="en">{t('options_csvHeadings_en')}</option>
        </select>
      </p>
      <p id="csv-headings-hint" className="hint">
        {t('options_csvHeadingsHint')}
      </p>
      {message && (
        <p role="status" className="message">
          {message}
        </p>
      )}
    </section>
  );
}
