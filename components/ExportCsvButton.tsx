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
      const db = appDatabase();
      const [records, copies] = await Promise.all([listAllFlags(db), db.copies.orderBy('firstSeenAt').toArray()]);
      const urlsByStory = new Map<string, string[]>();
      for (const copy of copies) {
        const urls = urlsByStory.get(copy.flagId);
        if (urls) urls.push(copy.url);
        else urlsByStory.set(copy.flagId, [copy.url]);
      }
      const rows = records.map((record) => ({ record, copyUrls: urlsByStory.get(record.id) ?? [] }));
      downloadText(flagsToCsv(rows), exportFileName(Date.now()), 'text/csv;charset=utf-8');
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
