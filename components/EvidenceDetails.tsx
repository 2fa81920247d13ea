import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { appDatabase } from '@/lib/db/app-database';
import { EvidenceList } from './EvidenceList';
import { t } from './i18n';

/** A collapsed "Evidence (n)" section under a flag; screenshots load only when opened. */
export function EvidenceDetails(props: { flagId: string; title: string }) {
  const [open, setOpen] = useState(false);
  const count = useLiveQuery(() => appDatabase().evidence.where('flagId').equals(props.flagId).count(), [props.flagId]);
  return (
    <details className="evidence" onToggle={(event) => setOpen((event.target as HTMLDetailsElement).open)}>
      <summary>{t('evidenceHeading', String(count ?? 0))}</summary>
      {open && <EvidenceList flagId={props.flagId} title={props.title} />}
    </details>
  );
}
