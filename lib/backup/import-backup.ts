/**
 * Merges another monitor's backup into this queue. Stories go through the
 * same path as a CSV import (importFlags → the one dedup step), so a story
 * already here gains a copy or a sighting instead of a second line; a story's
 * other copies come in as its listed copies, like a merged CSV's copy_urls.
 * Their evidence follows each story to wherever it landed here. Their trash
 * stays theirs, and so do their settings: this monitor's are left alone.
 * One transaction: a failure part-way imports nothing.
 */
import type { CopyRecord } from '../copy-record';
import { recordFeatures, dedupInputOfFlag } from '../dedup/record-features';
import type { EvidenceRecord } from '../evidence/evidence-record';
import type { FlagRecord } from '../flag-record';
import { importFlags, type ImportOutcome } from '../db/import-flags';
import type { CanhTinDatabase } from '../db/schema';
import type { Backup } from './backup-format';

export interface BackupImportOutcome extends ImportOutcome {
  /** Evidence records (text snapshots, screenshots) added to the stories they belong to here. */
  evidence: number;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}

/** The addresses of a story's copies other than its own first one (whose copy shares the story's id). */
function listedCopyUrls(record: FlagRecord, copies: readonly CopyRecord[]): string[] {
  return copies.filter((copy) => copy.id !== record.id && copy.url !== record.url).map((copy) => copy.url);
}

/**
 * The story here that `record` became part of, after importFlags: itself, the
 * story its copy went to, or the story that already had its address.
 */
async function storyHolding(db: CanhTinDatabase, record: FlagRecord): Promise<string | undefined> {
  if (await db.flags.get(record.id)) return record.id;
  const copy = await db.copies.get(record.id);
  if (copy) return copy.flagId;
  const { urlKeys } = recordFeatures(dedupInputOfFlag(record));
  const known = await db.copies.where('urlKeys').anyOf(urlKeys).toArray();
  for (const candidate of known) if (await db.flags.get(candidate.flagId)) return candidate.flagId;
  return known[0]?.flagId;
}

async function addEvidence(db: CanhTinDatabase, flagId: string, items: readonly EvidenceRecord[]): Promise<number> {
  let added = 0;
  for (const item of items) {
    // The same backup imported twice must not double the evidence.
    if (await db.evidence.get(item.id)) continue;
    await db.evidence.add({ ...item, flagId });
    added += 1;
  }
  return added;
}

export function importBackup(db: CanhTinDatabase, backup: Backup): Promise<BackupImportOutcome> {
  const copiesByStory = groupBy(backup.copies, (copy) => copy.flagId);
  const evidenceByStory = groupBy(backup.evidence ?? [], (item) => item.flagId);
  // Oldest first, as they were flagged: the first sighting of a story becomes the story, as it did there.
  const records = [...backup.flags].sort((a, b) => a.capturedAt - b.capturedAt);
  const copyUrls = records.map((record) => listedCopyUrls(record, copiesByStory.get(record.id) ?? []));
  // importFlags' own transaction joins this one, so stories and evidence commit together.
  return db.transaction('rw', db.tables, async () => {
    const outcome = await importFlags(db, records, copyUrls);
    let evidence = 0;
    for (const record of records) {
      const items = evidenceByStory.get(record.id);
      if (!items) continue;
      const story = await storyHolding(db, record);
      if (story) evidence += await addEvidence(db, story, items);
    }
    return { ...outcome, evidence };
  });
}
