/**
 * "Delete everything": flags, copies, evidence, trash and settings (and the
 * derived dedup index) emptied in one transaction, so the database is never
 * left half-erased. The watchlist lives in the browser's extension storage,
 * not here, and is kept: it is configuration, not the monitor's records.
 */
import type { CanhTinDatabase } from '../db/schema';

export function eraseEverything(db: CanhTinDatabase): Promise<void> {
  // Every table, not a list: a table added later must not survive "everything".
  return db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
  });
}
