import { describe, expect, it } from 'vitest';
import { listCopies, listEvidence, moveToTrash, restoreFromTrash, saveFlag } from '@/lib/db/flag-repository';
import { emptyTrash, listTrash, purgeExpiredTrash, TRASH_RETENTION_MS, unemptyTrash } from '@/lib/db/trash';
import { sampleFlag } from './support/sample-flag';
import { testDatabase } from './support/test-database';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 27);

async function trashedStories() {
  const db = testDatabase();
  const old = sampleFlag({ id: 'old', url: 'https://a.example/old', canonicalUrl: 'https://a.example/old', title: 'Bản đồ sai về Hoàng Sa' });
  const recent = sampleFlag({ id: 'recent', url: 'https://b.example/new', canonicalUrl: 'https://b.example/new', title: 'Cột mốc biên giới bị dời' });
  const evidence = { id: 'ev-old', capturedAt: 1, tabUrl: old.url, userAgent: 'UA', text: 'văn bản', textSha256: 'abc' };
  await saveFlag(db, old, evidence);
  await saveFlag(db, recent);
  await moveToTrash(db, 'old', NOW - TRASH_RETENTION_MS - DAY);
  await moveToTrash(db, 'recent', NOW - DAY);
  return db;
}

describe('trash', () => {
  it('lists the most recently deleted first', async () => {
    const db = await trashedStories();
    expect((await listTrash(db)).map((record) => record.id)).toEqual(['recent', 'old']);
  });

  it('purges stories deleted more than 30 days ago, with their copies and evidence, and keeps the rest restorable', async () => {
    const db = await trashedStories();
    const purged = await purgeExpiredTrash(db, NOW);
    expect(purged.trash.map((record) => record.id)).toEqual(['old']);
    expect(await listCopies(db, 'old')).toEqual([]);
    expect(await db.dedupIndex.get('old')).toBeUndefined();
    expect(await db.dedupIndex.get('recent')).toBeDefined();
    expect(await listEvidence(db, 'old')).toEqual([]);
    expect((await listTrash(db)).map((record) => record.id)).toEqual(['recent']);
    expect(await restoreFromTrash(db, 'recent')).toMatchObject({ id: 'recent', title: 'Cột mốc biên giới bị dời' });
  });

  it('empties by hand, and the undo brings back stories, copies and evidence exactly', async () => {
    const db = await trashedStories();
    const [trashBefore, copiesBefore, evidenceBefore, dedupBefore] = await Promise.all([db.trash.toArray(), db.copies.toArray(), db.evidence.toArray(), db.dedupIndex.toArray()]);
    const emptied = await emptyTrash(db);
    expect(await db.trash.count()).toBe(0);
    expect(await db.copies.count()).toBe(0);
    await unemptyTrash(db, emptied);
    expect(await db.trash.toArray()).toEqual(trashBefore);
    expect(await db.copies.toArray()).toEqual(copiesBefore);
    expect(await db.evidence.toArray()).toEqual(evidenceBefore);
    expect(await db.dedupIndex.toArray()).toEqual(dedupBefore);
    // Restored from the trash after the undo, the story is "already flagged" again.
    await restoreFromTrash(db, 'old');
    expect(await saveFlag(db, sampleFlag({ id: 'again', url: 'https://a.example/old?utm_source=x', canonicalUrl: '' }))).toEqual({ id: 'old', duplicateOf: 'old' });
  });
});
