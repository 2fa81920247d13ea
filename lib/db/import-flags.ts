/**
 * Adds imported flags to the queue in ONE transaction: either every good row
 * lands or, if the database fails, nothing does. Every row goes through the
 * same dedup step as flagging (placeInStory): a row for a story already in the
 * queue becomes a copy or a sighting of it, never a second line.
 */
import type { FlagRecord } from '../flag-record';
import { placeInStory, withStories } from './flag-repository';
import type { CanhTinDatabase } from './schema';

export interface ImportOutcome {
  added: number;
  merged: number;
}

export function importFlags(db: CanhTinDatabase, records: readonly FlagRecord[]): Promise<ImportOutcome> {
  return withStories(db, async (index) => {
    const outcome: ImportOutcome = { added: 0, merged: 0 };
    for (const record of records) {
      // The same flag exported and imported again: already here, nothing to count twice.
      if ((await db.flags.get(record.id)) || (await db.copies.get(record.id))) {
        outcome.merged += 1;
        continue;
      }
      const placed = await placeInStory(db, index, record);
      if (placed.duplicateOf) outcome.merged += 1;
      else outcome.added += 1;
    }
    return outcome;
  });
}
