/**
 * Restore: the database becomes exactly what the backup holds, in ONE
 * transaction, so a failure part-way (full disk, a closed tab) changes
 * nothing. Settings are replaced too: this is the monitor's own data coming
 * back (another monitor's file is merged by importBackup instead).
 */
import { COPIES_FILED_BY_OWN_CANONICAL, fillDedupIndex, refileCopies, type CanhTinDatabase } from '../db/schema';
import type { Backup } from './backup-format';

export interface RestoreOutcome {
  flags: number;
  trash: number;
  copies: number;
  /** Evidence rows now in the database (kept ones included, for a backup without evidence). */
  evidence: number;
}

export function restoreBackup(db: CanhTinDatabase, backup: Backup): Promise<RestoreOutcome> {
  // Every table, derived ones included: a table added later is emptied too rather than left stale.
  return db.transaction('rw', db.tables, async () => {
    const withEvidence = backup.evidence !== undefined;
    for (const table of db.tables) if (table.name !== 'evidence' || withEvidence) await table.clear();
    await db.flags.bulkAdd(backup.flags);
    await db.trash.bulkAdd(backup.trash);
    await db.copies.bulkAdd(backup.copies);
    await db.settings.bulkAdd(backup.settings);
    if (backup.evidence) {
      await db.evidence.bulkAdd(backup.evidence);
    } else {
      // A backup made without evidence keeps the evidence already here, but only of
      // stories the backup holds: the rest would belong to nothing.
      const stories = new Set([...backup.flags, ...backup.trash].map((flag) => flag.id));
      await db.evidence.filter((evidence) => !stories.has(evidence.flagId)).delete();
    }
    // The dedup index is derived from the copies: rebuilt the way a schema upgrade rebuilds it. Copies
    // from a backup made before v8 are refiled too, as the v8 upgrade refiled them in the database.
    if (backup.schemaVersion < COPIES_FILED_BY_OWN_CANONICAL) await refileCopies(db.table('copies'), db.table('dedupIndex'), db.table('settings'));
    else await fillDedupIndex(db.table('copies'), db.table('dedupIndex'), db.table('settings'));
    return { flags: backup.flags.length, trash: backup.trash.length, copies: backup.copies.length, evidence: await db.evidence.count() };
  });
}
