/**
 * Adds imported flags to the queue in ONE transaction: either every good row
 * lands or, if the database fails, nothing does. A row whose id or canonical
 * URL is already in the queue is merged into that record, never added twice.
 */
import type { FlagRecord } from '../flag-record';
import type { CanhTinDatabase } from './schema';

export interface ImportOutcome {
  added: number;
  merged: number;
}

export function importFlags(db: CanhTinDatabase, records: readonly FlagRecord[]): Promise<ImportOutcome> {
  return db.transaction('rw', db.flags, async () => {
    const outcome: ImportOutcome = { added: 0, merged: 0 };
    for (const record of records) {
      const existing = (await db.flags.get(record.id)) ?? (await db.flags.where('canonicalUrl').equals(record.canonicalUrl).first());
      if (!existing) {
        await db.flags.add(record);
        outcome.added += 1;
        continue;
      }
      outcome.merged += 1;
      if (existing.id === record.id) continue; // The same flag, exported and imported again.
      await db.flags.update(existing.id, {
        timesFlagged: existing.timesFlagged + record.timesFlagged,
        capturedAt: Math.min(existing.capturedAt, record.capturedAt),
        lastFlaggedAt: Math.max(existing.lastFlaggedAt, record.lastFlaggedAt),
        ...(existing.quote === '' && record.quote ? { quote: record.quote } : {}),
        ...(existing.category === '' && record.category ? { category: record.category } : {}),
      });
    }
    return outcome;
  });
}
