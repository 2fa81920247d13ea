/**
 * The queue's first page, read as soon as the popup starts (early-read.ts),
 * before React and the UI code have even loaded. The queue's live query makes
 * the same read once this one is back, and takes over from there, so this is
 * only a head start.
 */
import type { CanhTinDatabase } from '@/lib/db/schema';
import type { FlagRecord } from '@/lib/flag-record';
import { readQueue } from '@/lib/queue/queue-query';
import { startEarlyRead, type EarlyRead } from './early-read';
import type { QueueView } from './queue-view';

/** Rows read per step as the monitor scrolls; the early read is one such step. */
export const QUEUE_PAGE = 60;

let early: { db: CanhTinDatabase; view: QueueView; read: EarlyRead<FlagRecord[]> } | undefined;

/** Starts reading the first page of `view` (the same read the queue's live query makes). */
export function readFirstQueuePageEarly(db: CanhTinDatabase, view: QueueView): void {
  early = { db, view, read: startEarlyRead(readQueue(db, view.filter, view.sort, QUEUE_PAGE)) };
}

/** The early read, if it answers this query: same database, same view object, first page. */
export function earlyReadFor(db: CanhTinDatabase, view: QueueView, limit: number): EarlyRead<FlagRecord[]> | undefined {
  return early && early.db === db && early.view === view && limit === QUEUE_PAGE ? early.read : undefined;
}

/**
 * Once the queue's live query has answered, the early read is out of date for good: a queue shown
 * again later (back from the trash) must not start from the rows as they were when the popup opened.
 */
export function retireEarlyRead(): void {
  early = undefined;
}
