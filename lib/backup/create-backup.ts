/**
 * Reads everything a backup holds in one read transaction, so the file is a
 * consistent picture even while the background flags a page meanwhile.
 */
import { CURRENT_SCHEMA_VERSION, type CanhTinDatabase } from '../db/schema';
import { toVietnamIso } from '../time/format-vietnam-time';
import type { WatchlistSettings } from '../settings/watchlist-settings';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from './backup-format';

export interface BackupOptions {
  /** Screenshots and pages can run to hundreds of MB: the monitor chooses. */
  includeEvidence: boolean;
  now?: number;
  /** The watchlist as stored in extension storage (read by the page making the backup). */
  watchlist?: WatchlistSettings;
}

export function createBackup(db: CanhTinDatabase, options: BackupOptions): Promise<Backup> {
  const now = options.now ?? Date.now();
  return db.transaction('r', [db.flags, db.copies, db.trash, db.settings, db.evidence], async () => {
    const [flags, copies, trash, settings, evidence] = await Promise.all([
      db.flags.toArray(),
      db.copies.toArray(),
      db.trash.toArray(),
      db.settings.toArray(),
      options.includeEvidence ? db.evidence.toArray() : undefined,
    ]);
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: toVietnamIso(now),
      schemaVersion: CURRENT_SCHEMA_VERSION,
      flags,
      copies,
      trash,
      settings,
      ...(evidence ? { evidence } : {}),
      ...(options.watchlist ? { watchlist: options.watchlist } : {}),
    };
  });
}
