/**
 * The trash: deleted stories wait here 30 days (restorable with their copies
 * and evidence), then go for good — or sooner, when the monitor empties it.
 * Emptying hands back everything it removed, so the popup can still undo it.
 */
import type { CopyRecord } from '../copy-record';
import { dedupIndexRow } from '../dedup/dedup-keys';
import { dedupInputOfFlag } from '../dedup/record-features';
import type { EvidenceRecord } from '../evidence/evidence-record';
import type { TrashedFlag } from '../flag-record';
import type { CanhTinDatabase } from './schema';

export const TRASH_RETENTION_MS = 30 * 86_400_000;

/** What left the database for good, kept by the caller for undo. */
export interface EmptiedTrash {
  trash: TrashedFlag[];
  copies: CopyRecord[];
  evidence: EvidenceRecord[];
}

export function listTrash(db: CanhTinDatabase): Promise<TrashedFlag[]> {
  return db.trash.orderBy('deletedAt').reverse().toArray();
}

/** Removes trashed stories (all, or those deleted before `deletedBefore`) with their copies and evidence, in one transaction. */
export function emptyTrash(db: CanhTinDatabase, deletedBefore = Infinity): Promise<EmptiedTrash> {
  return db.transaction('rw', [db.trash, db.copies, db.evidence, db.dedupIndex], async () => {
    const trash = await db.trash.where('deletedAt').below(deletedBefore).toArray();
    const ids = trash.map((record) => record.id);
    const copies = await db.copies.where('flagId').anyOf(ids).toArray();
    const evidence = await db.evidence.where('flagId').anyOf(ids).toArray();
    await db.copies.bulkDelete(copies.map((copy) => copy.id));
    // Their dedup candidates go too (one row per copy, same id; see lib/db/schema.ts v6).
    await db.dedupIndex.bulkDelete(copies.map((copy) => copy.id));
    await db.evidence.bulkDelete(evidence.map((item) => item.id));
    await db.trash.bulkDelete(ids);
    return { trash, copies, evidence };
  });
}

/** The 30-day rule; run whenever the background or the popup starts. */
export function purgeExpiredTrash(db: CanhTinDatabase, now: number): Promise<EmptiedTrash> {
  return emptyTrash(db, now - TRASH_RETENTION_MS);
}

/** Undo of emptyTrash: everything comes back into the trash exactly as it was. */
export function unemptyTrash(db: CanhTinDatabase, emptied: EmptiedTrash): Promise<void> {
  return db.transaction('rw', [db.trash, db.copies, db.evidence, db.dedupIndex], async () => {
    await db.trash.bulkPut(emptied.trash);
    await db.copies.bulkPut(emptied.copies);
    await db.dedupIndex.bulkPut(emptied.copies.map((copy) => dedupIndexRow(dedupInputOfFlag(copy))));
    await db.evidence.bulkPut(emptied.evidence);
  });
}
