/** Exports the queue as CSV, as a normal browser download. */
import { useState } from 'react';
import { exportFileName, flagsToCsv } from '@/lib/csv/flag-columns';
import { listAllFlags } from '@/lib/db/flag-repository';
import { appDatabase } from '@/lib/db/app-database';
import { downloadText } from './download-file';
import { t } from './i18n';

export function ExportCsvButton() {
  const [message, setMessage] = useState('');

  async function exportCsv() {
    try {
      const records = await listAllFlags(appDatabase());
      downloadText(flagsToCsv(records), exportFileName(Date.now()), 'text/csv;charset=utf-8');
      setMessage(t('exportDone', String(records.length)));
    } catch (error) {
      setMessage(t('errorUnknown', String(error)));
    }
  }

  return (
    <>
      <button type="button" onClick={exportCsv}>
        {t('exportCsv')}
      </button>
      {message && <span role="status" className="message">{message}</span>}
    </>
  );
}
