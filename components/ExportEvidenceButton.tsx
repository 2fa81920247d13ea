/**
 * Exports the stories of a period (or every story) with their evidence as one
 * verifiable ZIP (see lib/evidence/evidence-bundle.ts).
 */
import { useState } from 'react';
import { appDatabase } from '@/lib/db/app-database';
import { listAllFlags } from '@/lib/db/flag-repository';
import { storiesForExport } from '@/lib/export/export-stories';
import { vietnamDate, type Period } from '@/lib/time/periods';
import { downloadBytes } from './download-file';
import { t } from './i18n';

export function ExportEvidenceButton(props: { period?: Period }) {
  const [message, setMessage] = useState('');

  async function exportBundle() {
    try {
      const db = appDatabase();
      const { period } = props;
      const flags = period ? (await storiesForExport(db, period)).map((row) => row.record) : await listAllFlags(db);
      const evidence = period ? await db.evidence.where('flagId').anyOf(flags.map((flag) => flag.id)).toArray() : await db.evidence.toArray();
      // The ZIP writer (fflate builds its tables as it loads) is fetched on the first export, not with the page.
      const { buildEvidenceBundle } = await import('@/lib/evidence/evidence-bundle');
      const zip = await buildEvidenceBundle(flags, evidence);
      downloadBytes(zip, `canh-tin-bang-chung_${period ? period.label : vietnamDate(Date.now())}.zip`, 'application/zip');
      setMessage(t('exportEvidenceDone', String(flags.length), String(evidence.length)));
    } catch (error) {
      setMessage(t('errorUnknown', String(error)));
    }
  }

  return (
    <>
      <button type="button" onClick={exportBundle}>
        {t('exportEvidence')}
      </button>
      {message && (
        <span role="status" className="message">
          {message}
        </span>
      )}
    </>
  );
}
