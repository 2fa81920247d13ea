/**
 * What a CSV export contains and what it leaves behind: the stories of a
 * period (by first flag time, read through the capturedAt index) with every
 * copy's address, and afterwards each exported story marked with the export
 * time. Shared by the popup and the dashboard, so both produce the same file.
 */
import type { CanhTinDatabase } from '../db/schema';
import type { ExportRow } from '../csv/flag-columns';
import type { FlagRecord } from '../flag-record';
import type { Period } from '../time/periods';

/** Stories flagged in `period` (all of them without one), oldest first, each with its copies' addresses. */
export async function storiesForExport(db: CanhTinDatabase, period?: Period, keep: (record: FlagRecord) => boolean = () => true): Promise<ExportRow[]> {
  return db.transaction('r', db.flags, db.copies, async () => {
    const range = period ? db.flags.where('capturedAt').between(period.start, period.end, true, false) : db.flags.orderBy('capturedAt');
    const records = (await range.toArray()).filter(keep);
    const urlsByStory = new Map<string, string[]>(records.map((record) => [record.id, []]));
    // Few stories: look their copies up by story; many: one pass over all copies beats thousands of lookups.
    const copies = records.length < 2000 ? await db.copies.where('flagId').anyOf([...urlsByStory.keys()]).toArray() : await db.copies.toArray();
    copies.sort((a, b) => a.firstSeenAt - b.firstSeenAt);
    for (const copy of copies) urlsByStory.get(copy.flagId)?.push(copy.url);
    return records.map((record) => ({ record, copyUrls: urlsByStory.get(record.id) ?? [] }));
  });
}

/** Marks the stories as exported at `now` (nothing else changes; nothing is removed). */
export async function markExported(db: CanhTinDatabase, ids: readonly string[], now: number): Promise<void> {
  await db.transaction('rw', db.flags, async () => {
    await db.flags.where('id').anyOf([...ids]).modify({ exportedAt: now });
  });
}
