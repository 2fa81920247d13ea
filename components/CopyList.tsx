/**
 * The copies of one story — every address it was seen at, by whom and how
 * often, and why dedup put it here — with "split out" for a wrong merge.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { CopyMatch } from '@/lib/copy-record';
import { appDatabase } from '@/lib/db/app-database';
import { listCopies } from '@/lib/db/flag-repository';
import { formatVietnamDateTime } from './format-time';
import { t, uiLocale, type MessageKey } from './i18n';

const MATCH_KEYS: Record<CopyMatch, MessageKey> = {
  first: 'copyMatchedBy_first',
  url: 'copyMatchedBy_url',
  'canonical-url': 'copyMatchedBy_canonical_url',
  title: 'copyMatchedBy_title',
  text: 'copyMatchedBy_text',
  manual: 'copyMatchedBy_manual',
  imported: 'copyMatchedBy_imported',
};

export function CopyList(props: { flagId: string; onSplit(copyId: string): void }) {
  const copies = useLiveQuery(() => listCopies(appDatabase(), props.flagId), [props.flagId]);
  if (!copies) return null;
  return (
    <ul className="copy-list">
      {copies.map((copy) => (
        <li key={copy.id} className="copy" data-copy-id={copy.id}>
          <a href={copy.url} target="_blank" rel="noopener noreferrer" className="copy-url">
            {copy.siteName || new URL(copy.url).hostname}
          </a>{' '}
          <span className="copy-match">({t(MATCH_KEYS[copy.matchedBy])})</span>
          <div className="copy-seen">
            {t(
              'copySeen',
              formatVietnamDateTime(copy.firstSeenAt, uiLocale()),
              String(copy.timesSeen),
              copy.monitors.join(', ') || t('monitorUnknown'),
            )}
          </div>
          {copies.length > 1 && (
            <button type="button" className="link" aria-label={t('splitCopyNamed', copy.url)} onClick={() => props.onSplit(copy.id)}>
              {t('splitCopy')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
