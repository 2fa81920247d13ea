import { useState } from 'react';
import { EvidenceList } from './EvidenceList';
import { t } from './i18n';

/** A collapsed "Evidence (n)" section under a flag; screenshots load only when opened. */
export function EvidenceDetails(props: { flagId: string; title: string; count: number }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="evidence" onToggle={(event) => setOpen((event.target as HTMLDetailsElement).open)}>
      <summary>{t('evidenceHeading', String(props.count))}</summary>
      {open && <EvidenceList flagId={props.flagId} title={props.title} />}
    </details>
  );
}
