/**
 * Exports stories as CSV, as a normal browser download: the stories of a
 * period (or all), in the heading language chosen in options, then marks them
 * as exported. The popup and the dashboard both use this button.
 */
import { useState } from 'react';
import { exportFileName, flagsToCsv } from '@/lib/csv/flag-columns';
import { appDatabase } from '@/lib/db/app-database';
import { markExported, storiesForExport } from '@/lib/export/export-stories';
import type { FlagRecord } from '@/lib/flag-record';
import { getAppSettings } from '@/lib/settings/app-settings';
import type { Period } from '@/lib/time/periods';
import { downloadText } from './download-file';
import { t } from './i18n';

export function ExportCsvButton(props: { period?: Period; keep?: (record: FlagRecord) => boolean; label?: string }) {
  const [message, setMessage] = useState('');

  async function exportCsv() {
    try {
      const db = appDatabase();
      const now = Date.now();
      const [rows, settings] = await Promise.all([storiesForExport(db, props.period, props.keep), getAppSettings(db)]);
      downloadText(flagsToCsv(rows, settings.csvHeadings), exportFileName(now, props.period), 'text/csv;charset=utf-8');
      await markExported(
        db,
        rows.map((row) => row.record.id),
        now,
      );
      setMessage(t('exportDone', String(rows.length)));
    } catch (error) {
      setMessage(t('errorUnknown', String(error)));
    }
  }

  return (
    <>
      <button type="button" onClick={exportCsv}>
        {props.label ?? t('exportCsv')}
      </button>
      {message && <span role="status" className="message">{message}</span>}
    </>
  );
}
