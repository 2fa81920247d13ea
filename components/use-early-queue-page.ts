/** The queue's view of the early first-page read (queue-early-read.ts). */
import { useEffect, useState } from 'react';
import type { CanhTinDatabase } from '@/lib/db/schema';
import type { FlagRecord } from '@/lib/flag-record';
import { earlyReadFor, type EarlyRead } from './queue-early-read';
import type { QueueView } from './queue-view';

/**
 * The early read's rows once they are back (at once, if they already are when
 * the queue first renders), and whether it is still on its way: the queue's
 * live query waits for it rather than make the same read alongside. Neither,
 * if the early read does not answer this query (another view, a later page).
 */
export function useEarlyQueuePage(db: CanhTinDatabase, view: QueueView, limit: number): { rows?: FlagRecord[]; pending: boolean } {
  const read = earlyReadFor(db, view, limit);
  // State only to re-render when the read settles; what it brought is read from `read` itself.
  const [, setSettled] = useState<EarlyRead['settled']>(read?.settled);
  useEffect(() => {
    if (!read || read.settled) return;
    let current = true;
    const settle = () => current && setSettled(read.settled);
    read.rows.then(settle, settle);
    return () => {
      current = false;
    };
  }, [read]);
  if (!read) return { pending: false };
  if (!read.settled) return { pending: true };
  return { ...(read.settled.rows ? { rows: read.settled.rows } : {}), pending: false };
}
