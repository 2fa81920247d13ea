/**
 * The evidence kept for one flag: screenshot thumbnail, capture time, the
 * address as visited and the SHA-256 digests that the evidence bundle lets a
 * reader verify. Loaded only when the monitor opens it.
 */
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { appDatabase } from '@/lib/db/app-database';
import { listEvidence } from '@/lib/db/flag-repository';
import type { EvidenceRecord } from '@/lib/evidence/evidence-record';
import { formatVietnamDateTime } from './format-time';
import { t, uiLocale } from './i18n';
import { screenshotProblemText } from './screenshot-problem';

function Screenshot(props: { bytes: Uint8Array; alt: string }) {
  const [url, setUrl] = useState('');
  useEffect(() => {
    const objectUrl = URL.createObjectURL(new Blob([props.bytes as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }));
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [props.bytes]);
  return url ? (
    <a href={url} target="_blank" rel="noopener noreferrer">
      <img className="evidence-thumb" src={url} alt={props.alt} />
    </a>
  ) : null;
}

function EvidenceItem(props: { evidence: EvidenceRecord; title: string }) {
  const { evidence } = props;
  return (
    <li className="evidence-item">
      {evidence.screenshot && <Screenshot bytes={evidence.screenshot} alt={t('evidenceScreenshotAlt', props.title)} />}
      <div>
        <p>{t('evidenceCapturedAt', formatVietnamDateTime(evidence.capturedAt, uiLocale()))}</p>
        <p className="url">
          {t('evidenceTabUrl')}: <bdi>{evidence.tabUrl}</bdi>
        </p>
        <p>
          {t('evidenceTextHash', String(evidence.text.length))}: <code className="hash">{evidence.textSha256}</code>
        </p>
        {evidence.screenshotSha256 && evidence.screenshot && (
          <p>
            {t('evidenceScreenshotHash', (evidence.screenshot.byteLength / 1024).toFixed(0))}:{' '}
            <code className="hash">{evidence.screenshotSha256}</code>
          </p>
        )}
        {evidence.mhtml && evidence.mhtmlSha256 && (
          <p>
            {t('evidenceMhtmlHash', (evidence.mhtml.byteLength / 1024).toFixed(0))}: <code className="hash">{evidence.mhtmlSha256}</code>
          </p>
        )}
        {evidence.screenshotProblem && <p className="message notice">{screenshotProblemText(evidence.screenshotProblem)}</p>}
      </div>
    </li>
  );
}

export function EvidenceList(props: { flagId: string; title: string }) {
  const items = useLiveQuery(() => listEvidence(appDatabase(), props.flagId), [props.flagId]);
  if (items === undefined) return null;
  if (items.length === 0) return <p className="empty">{t('evidenceNone')}</p>;
  return (
    <ul className="evidence-list">
      {items.map((item) => (
        <EvidenceItem key={item.id} evidence={item} title={props.title} />
      ))}
    </ul>
  );
}
