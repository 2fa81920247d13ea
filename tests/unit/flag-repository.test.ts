import { describe, expect, it } from 'vitest';
import { listQueue, moveToTrash, restoreFromTrash, saveFlag, setFlagFields } from '@/lib/db/flag-repository';
import type { FlagRecord } from '@/lib/flag-record';
import { sampleFlag } from './support/sample-flag';
import { testDatabase } from './support/test-database';

function record(id: string, capturedAt: number, overrides: Partial<FlagRecord> = {}): FlagRecord {
  return sampleFlag({
    id,
    url: `https://baodaoxanh.example/${id}`,
    canonicalUrl: `https://baodaoxanh.example/${id}`,
    title: `Bài ${id}`,
    capturedAt,
    lastFlaggedAt: capturedAt,
    ...overrides,
  });
}

describe('flag repository', () => {
  it('lists the queue newest first', async () => {
    const db = testDatabase();
    await saveFlag(db, record('a', 1000));
    await saveFlag(db, record('c', 3000));
    await saveFlag(db, record('b', 2000));
    expect((await listQueue(db)).map((r) => r.id)).toEqual(['c', 'b', 'a']);
  });

  it('changes a status and keeps it', async () => {
    const db = testDatabase();
    await saveFlag(db, record('a', 1000));
    await setFlagFields(db, [{ id: 'a', status: 'sent_to_rebuttal' }]);
    expect((await db.flags.get('a'))?.status).toBe('sent_to_rebuttal');
    // A story deleted meanwhile: nothing is written, nothing comes back to undo.
    expect(await setFlagFields(db, [{ id: 'missing', status: 'rebutted' }])).toEqual([]);
    expect(await db.flags.get('missing')).toBeUndefined();
  });

  it('moves a deleted flag to the trash and undo brings it back unchanged', async () => {
    const db = testDatabase();
    const original = record('a', 1000, { status: 'confirmed', quote: 'trích dẫn' });
    await saveFlag(db, original);
    const trashed = await moveToTrash(db, 'a', 5000);
    expect(trashed.deletedAt).toBe(5000);
    expect(await listQueue(db)).toEqual([]);
    expect(await db.trash.count()).toBe(1);

    await restoreFromTrash(db, 'a');
    expect(await listQueue(db)).toEqual([original]);
    expect(await db.trash.count()).toBe(0);
  });

  it('keeps the first quote when the same page is flagged again with another', async () => {
    const db = testDatabase();
    await saveFlag(db, record('a', 1000, { quote: 'first' }));
    const repeat = await saveFlag(db, record('b', 2000, { canonicalUrl: 'https://baodaoxanh.example/a', quote: 'second' }));
    expect(repeat).toEqual({ id: 'a', duplicateOf: 'a' });
    expect(await db.flags.get('a')).toMatchObject({ quote: 'first', timesFlagged: 2, lastFlaggedAt: 2000 });
  });
});

describe('bulk changes', () => {
  it('sets each story its own fields: a category here, a status there', async () => {
    const { setFlagFields } = await import('@/lib/db/flag-repository');
    const db = testDatabase();
    await saveFlag(db, record('a', 1000, { status: 'new', category: '' }));
    await saveFlag(db, record('b', 2000, { status: 'new', category: 'other', title: 'Cột mốc biên giới', excerpt: 'khác' }));
    expect(await setFlagFields(db, [{ id: 'a', category: 'border' }, { id: 'b', status: 'dismissed' }])).toEqual([
      { id: 'a', category: '' },
      { id: 'b', status: 'new' },
    ]);
    expect(await db.flags.get('a')).toMatchObject({ status: 'new', category: 'border' });
    expect(await db.flags.get('b')).toMatchObject({ status: 'dismissed', category: 'other' });
  });

  it('with ifStill, writes only where the story still has those values (in the same transaction)', async () => {
    const { setFlagFields } = await import('@/lib/db/flag-repository');
    const db = testDatabase();
    await saveFlag(db, record('a', 1000, { status: 'confirmed', category: 'border' }));
    await saveFlag(db, record('b', 2000, { status: 'rebutted', category: 'border', title: 'Cột mốc biên giới', excerpt: 'khác' }));
    // Undo of "all confirmed": b was set to rebutted by hand since, and keeps it.
    expect(await setFlagFields(db, [{ id: 'a', status: 'new', ifStill: { status: 'confirmed' } }, { id: 'b', status: 'new', ifStill: { status: 'confirmed' } }])).toEqual([
      { id: 'a', status: 'confirmed' },
    ]);
    expect(await db.flags.get('a')).toMatchObject({ status: 'new' });
    expect(await db.flags.get('b')).toMatchObject({ status: 'rebutted' });
  });

  it('changes the status of several flags in one go, and undo gives each its own back', async () => {
    const { setFlagFields, listAllFlags } = await import('@/lib/db/flag-repository');
    const db = testDatabase();
    await saveFlag(db, record('a', 1000, { status: 'new' }));
    await saveFlag(db, record('b', 2000, { status: 'confirmed', title: 'Cột mốc biên giới', excerpt: 'khác' }));
    await saveFlag(db, record('c', 3000, { status: 'rebutted', title: 'Một chuyện khác', excerpt: 'khác hẳn' }));
    const before = await setFlagFields(db, ['a', 'b', 'missing'].map((id) => ({ id, status: 'sent_to_rebuttal' as const })));
    // Only what was changed, of the stories found: that is the undo.
    expect(before).toEqual([
      { id: 'a', status: 'new' },
      { id: 'b', status: 'confirmed' },
    ]);
    expect((await listAllFlags(db)).map((r) => [r.id, r.status])).toEqual([
      ['c', 'rebutted'],
      ['b', 'sent_to_rebuttal'],
      ['a', 'sent_to_rebuttal'],
    ]);
    await setFlagFields(db, before);
    expect((await listAllFlags(db)).map((r) => [r.id, r.status])).toEqual([
      ['c', 'rebutted'],
      ['b', 'confirmed'],
      ['a', 'new'],
    ]);
  });
});
