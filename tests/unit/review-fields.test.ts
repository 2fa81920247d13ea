import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleBackgroundMessage } from '@/entrypoints/background/message-handler';
import { appDatabase } from '@/lib/db/app-database';
import { parseTags, updateReview, type ReviewChanges } from '@/lib/db/review-fields';
import { sampleFlag } from './support/sample-flag';
import { testDatabase } from './support/test-database';

describe('review fields', () => {
  it('saves severity, tags and note, cleaned, and leaves the rest of the story alone', async () => {
    const db = testDatabase();
    const story = sampleFlag({ status: 'confirmed' });
    await db.flags.add(story);
    expect(await updateReview(db, story.id, { severity: 3, tags: [' video ', 'video', 'Hoàng\u200b Sa', ''], note: 'Cần phản bác\r\nngay \u202e' })).toBe(true);
    expect(await db.flags.get(story.id)).toEqual({ ...story, severity: 3, tags: ['video', 'Hoàng Sa'], note: 'Cần phản bác\nngay' });
    expect(await updateReview(db, story.id, { note: '' })).toBe(true);
    expect(await db.flags.get(story.id)).toMatchObject({ severity: 3, tags: ['video', 'Hoàng Sa'], note: '' });
  });

  it('says so when the story is gone', async () => {
    expect(await updateReview(testDatabase(), 'nope', { severity: 1 })).toBe(false);
  });

  it('reads a tag line typed with commas or semicolons', () => {
    expect(parseTags('facebook, video;  Hoàng Sa ,,facebook')).toEqual(['facebook', 'video', 'Hoàng Sa']);
  });
});

describe('edit-review message', () => {
  const extensionPage = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });
  const noFlag = async () => ({ ok: true as const, id: 'x' });

  it('reaches the editor only when well-formed and from an extension page', async () => {
    const edits: Array<[string, ReviewChanges]> = [];
    const edit = async (id: string, changes: ReviewChanges) => {
      edits.push([id, changes]);
      return { ok: true as const };
    };
    const message = { type: 'edit-review', id: 'f1', changes: { note: 'ghi chú', severity: 2 } };
    expect(await handleBackgroundMessage(message, extensionPage(), noFlag, edit)).toEqual({ ok: true });
    expect(await handleBackgroundMessage({ ...message, changes: { severity: 7 } }, extensionPage(), noFlag, edit)).toEqual({ ok: false, error: 'invalid-message' });
    expect(await handleBackgroundMessage(message, { id: fakeBrowser.runtime.id, url: 'https://evil.example/' }, noFlag, edit)).toEqual({ ok: false, error: 'forbidden-sender' });
    expect(edits).toEqual([['f1', { note: 'ghi chú', severity: 2 }]]);
  });
});

describe('a write the database refuses', () => {
  const extensionPage = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });

  it('is answered storage-failed when the disk is full (the UI says: check free space), internal-error otherwise', async () => {
    const db = appDatabase();
    await db.flags.put(sampleFlag({ id: 'f1' }));
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // A full disk, as Dexie reports it: an aborted transaction whose inner error is the quota.
    const full = vi.spyOn(db.flags, 'update').mockRejectedValue(Object.assign(new Error('aborted'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } }));
    try {
      expect(await handleBackgroundMessage({ type: 'edit-review', id: 'f1', changes: { note: 'x' } }, extensionPage())).toEqual({ ok: false, error: 'storage-failed' });
      expect(await handleBackgroundMessage({ type: 'set-fields', edits: [{ id: 'f1', status: 'confirmed' }] }, extensionPage())).toEqual({ ok: false, error: 'storage-failed' });
    } finally {
      full.mockRestore();
    }
    // A closed database that may not reopen: not a full disk, and the console says what it was.
    db.close({ disableAutoOpen: true });
    try {
      expect(await handleBackgroundMessage({ type: 'set-fields', edits: [{ id: 'f1', status: 'confirmed' }] }, extensionPage())).toEqual({ ok: false, error: 'internal-error' });
      expect(errors).toHaveBeenCalled();
    } finally {
      errors.mockRestore();
      await db.open();
    }
  });
});
