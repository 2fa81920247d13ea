/** Exports every flag with its evidence as one verifiable ZIP (see lib/evidence/evidence-bundle.ts). */
import { useState } from 'react';
import { appDatabase } from '@/lib/db/app-database';
import { listAllFlags } from '@/lib/db/flag-repository';
import { buildEvidenceBundle } from '@/lib/evidence/evidence-bundle';
import { vietnamDate } from '@/lib/time/periods';
import { downloadBytes } from './download-file';
import { t } from './i18n';

export function ExportEvidenceButton() {
  const [message, setMessage] = useState('');

  async function exportBundle() {
    try {
      const db = appDatabase();
      const [flags, evidence] = await Promise.all([listAllFlags(db), db.evidence.toArray()]);
      const zip = await buildEvidenceBundle(flags, evidence);
      downloadBytes(zip, `canh-tin-bang-chung_${vietnamDate(Date.now())}.zip`, 'application/zip');
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
