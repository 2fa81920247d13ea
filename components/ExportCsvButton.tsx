/**
 * Exports the queue as CSV through a normal browser download (no `downloads`
 * permission needed: a Blob URL on an <a download>).
 */
import { useState } from 'react';
import { exportFileName, flagsToCsv } from '@/lib/csv/flag-columns';
import { listAllFlags } from '@/lib/db/flag-repository';
import { appDatabase } from '@/lib/db/app-database';
import { t } from './i18n';

function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  // Revoke later: the download has to start reading the Blob first.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

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
