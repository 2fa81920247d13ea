/**
 * The queue's first page, read as soon as the popup starts, before React and
 * the UI code have even loaded (entrypoints/popup/main.tsx). Opening the
 * database and reading one page through the index take a few dozen
 * milliseconds of round trips to the browser; started early, they overlap
 * the loading of the rest of the popup instead of following its first paint
 * (useLiveQuery subscribes in an effect, after that paint). The queue's live
 * query makes the same read once this one is back, and takes over from there,
 * so this is only a head start. Free of React on purpose.
 */
import type { CanhTinDatabase } from '@/lib/db/schema';
import type { FlagRecord } from '@/lib/flag-record';
import { readQueue } from '@/lib/queue/queue-query';
import type { QueueView } from './queue-view';

/** Rows read per step as the monitor scrolls; the early read is one such step. */
export const QUEUE_PAGE = 60;

export interface EarlyRead {
  db: CanhTinDatabase;
  view: QueueView;
  rows: Promise<FlagRecord[]>;
  /** Set once the read is back: its rows, or none if it failed (the live query will report why). */
  settled?: { rows?: FlagRecord[] };
}

let early: EarlyRead | undefined;

/** Starts reading the first page of `view` (the same read the queue's live query makes). */
export function readFirstQueuePageEarly(db: CanhTinDatabase, view: QueueView): void {
  const read: EarlyRead = { db, view, rows: readQueue(db, view.filter, view.sort, QUEUE_PAGE) };
  read.rows.then(
    (rows) => void (read.settled = { rows }),
    () => void (read.settled = {}),
  );
  early = read;
}

/** The early read, if it answers this query: same database, same view object, first page. */
export function earlyReadFor(db: CanhTinDatabase, view: QueueView, limit: number): EarlyRead | undefined {
  return early && early.db === db && early.view === view && limit === QUEUE_PAGE ? early : undefined;
}
