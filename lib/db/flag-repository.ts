/**
 * Reads and writes of flags. Every function takes the database as its first
 * argument, so the background, the popup and the tests share one implementation.
 */
import type { EvidenceRecord } from '../evidence/evidence-record';
import type { FlagRecord, FlagStatus, TrashedFlag } from '../flag-record';
import type { CanhTinDatabase } from './schema';

/** An earlier flag of the same canonical URL, or undefined. */
export function findByCanonicalUrl(db: CanhTinDatabase, canonicalUrl: string): Promise<FlagRecord | undefined> {
  return db.flags.where('canonicalUrl').equals(canonicalUrl).first();
}

export interface SaveFlagResult {
  id: string;
  /** Set when the page was already flagged: the id of that earlier record. */
  duplicateOf?: string;
}

/**
 * Stores a new flag, or, when its canonical URL is already in the queue,
 * counts the repeat on the existing record instead of adding a second line.
 * The flag and its evidence are written in one read-write transaction: both or
 * neither, and two quick flags of one page cannot both add.
 */
export function saveFlag(
  db: CanhTinDatabase,
  record: FlagRecord,
  evidence?: Omit<EvidenceRecord, 'flagId'>,
): Promise<SaveFlagResult> {
  return db.transaction('rw', db.flags, db.evidence, async () => {
    const existing = await findByCanonicalUrl(db, record.canonicalUrl);
    // Evidence of a repeat flag is kept too: the page may have been edited since.
    if (evidence) await db.evidence.add({ ...evidence, flagId: existing?.id ?? record.id });
    if (existing) {
      await db.flags.update(existing.id, {
        timesFlagged: existing.timesFlagged + 1,
        lastFlaggedAt: Math.max(existing.lastFlaggedAt, record.capturedAt),
        // A quote selected on the repeat flag is worth keeping when the first had none.
        ...(existing.quote === '' && record.quote !== '' ? { quote: record.quote } : {}),
      });
      return { id: existing.id, duplicateOf: existing.id };
    }
    await db.flags.add(record);
    return { id: record.id };
  });
}

/** The queue, newest first, read through the capturedAt index one page at a time. */
export function listQueue(db: CanhTinDatabase, limit = 200): Promise<FlagRecord[]> {
  return db.flags.orderBy('capturedAt').reverse().limit(limit).toArray();
}

export function listAllFlags(db: CanhTinDatabase): Promise<FlagRecord[]> {
  return db.flags.orderBy('capturedAt').reverse().toArray();
}

export async function setStatus(db: CanhTinDatabase, id: string, status: FlagStatus): Promise<void> {
  const changed = await db.flags.update(id, { status });
  if (changed === 0) throw new Error(`No flag with id ${id}`);
}

export async function setCategory(db: CanhTinDatabase, id: string, category: string): Promise<void> {
  const changed = await db.flags.update(id, { category });
  if (changed === 0) throw new Error(`No flag with id ${id}`);
}

/** Moves a flag to the trash; returns it so the caller can offer undo. */
export function moveToTrash(db: CanhTinDatabase, id: string, now: number): Promise<TrashedFlag> {
  return db.transaction('rw', db.flags, db.trash, async () => {
    const record = await db.flags.get(id);
    if (!record) throw new Error(`No flag with id ${id}`);
    const trashed: TrashedFlag = { ...record, deletedAt: now };
    await db.trash.put(trashed);
    await db.flags.delete(id);
    return trashed;
  });
}

/** Undo of moveToTrash: the record comes back exactly as it was. */
export function restoreFromTrash(db: CanhTinDatabase, id: string): Promise<FlagRecord> {
  return db.transaction('rw', db.flags, db.trash, async () => {
    const trashed = await db.trash.get(id);
    if (!trashed) throw new Error(`No trashed flag with id ${id}`);
    const { deletedAt: _deletedAt, ...record } = trashed;
    await db.flags.put(record);
    await db.trash.delete(id);
    return record;
  });
}

/** Evidence of one flag, oldest first. */
export function listEvidence(db: CanhTinDatabase, flagId: string): Promise<EvidenceRecord[]> {
  return db.evidence.where('flagId').equals(flagId).sortBy('capturedAt');
}
