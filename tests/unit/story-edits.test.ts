import { describe, expect, it } from 'vitest';
import { listAllFlags, listCopies, listEvidence, moveToTrash, restoreFromTrash, saveFlag } from '@/lib/db/flag-repository';
import { mergeStories, restoreStory, splitCopy, undoRestore, unmergeStories, unsplitCopy } from '@/lib/db/story-edits';
import { emptyTrash } from '@/lib/db/trash';
import { createDatabase } from '@/lib/db/schema';
import { sampleFlag } from './support/sample-flag';
import { testDatabase } from './support/test-database';

const ORIGINAL = sampleFlag({
  id: 'a0000000-0000-4000-8000-000000000001',
  url: 'https://baodaoxanh.example/bien-dao/tau-ca-gap-nan-t55120.html?utm_source=fb',
  canonicalUrl: 'https://baodaoxanh.example/bien-dao/tau-ca-gap-nan-t55120.html',
  title: 'Tàu cá Phú Quốc gặp nạn gần quần đảo Trường Sa, 7 ngư dân được cứu',
  siteName: 'Báo Đảo Xanh',
  publishedAt: '2026-11-05T08:30:00+07:00',
  excerpt: 'Tàu cá KG-95211-TS bị hỏng máy, nứt vỏ khi gặp sóng lớn ở vùng biển gần quần đảo Trường Sa. Toàn bộ 7 ngư dân đã được cứu.',
  capturedAt: 1000,
  lastFlaggedAt: 1000,
  monitor: 'Lan',
});

const REPOST = sampleFlag({
  ...ORIGINAL,
  id: 'a0000000-0000-4000-8000-000000000002',
  url: 'https://tonghoptinhay.example.com/tau-ca-phu-quoc-gap-nan-7-ngu-dan',
  canonicalUrl: 'https://tonghoptinhay.example.com/tau-ca-phu-quoc-gap-nan-7-ngu-dan',
  title: 'Tàu cá Phú Quốc gặp nạn gần quần đảo Trường Sa, 7 ngư dân được cứu - Tổng Hợp Tin Hay',
  siteName: 'Tổng Hợp Tin Hay',
  capturedAt: 2000,
  lastFlaggedAt: 2000,
  monitor: 'Hùng',
});

const REPOST_ELSEWHERE = sampleFlag({
  id: 'b0000000-0000-4000-8000-000000000004',
  url: 'https://haidao.example/chu-quyen/hoang-sa-ban-do-moi',
  canonicalUrl: 'https://haidao.example/chu-quyen/hoang-sa-ban-do-moi',
  title: 'Bản đồ mới về Hoàng Sa gây tranh cãi trên mạng xã hội',
  siteName: 'Hải Đảo',
  excerpt: 'Một tấm bản đồ được cho là mới lan truyền trên mạng xã hội.',
  capturedAt: 4000,
  lastFlaggedAt: 4000,
});

const OTHER = sampleFlag({
  id: 'b0000000-0000-4000-8000-000000000003',
  url: 'https://tiengvongbienthuy.example/cot-moc-giang-thanh',
  canonicalUrl: 'https://tiengvongbienthuy.example/cot-moc-giang-thanh',
  title: 'Cột mốc biên giới Giang Thành bị “dời”: video cắt ghép',
  siteName: 'Tiếng Vọng Biên Thùy',
  excerpt: 'Một đoạn video lan truyền cho rằng cột mốc đã bị dời vào đất Việt Nam.',
  capturedAt: 3000,
  lastFlaggedAt: 3000,
});

describe('flagging through the dedup step', () => {
  it('a repost on another site becomes a copy of the story, not a second line', async () => {
    const db = testDatabase();
    expect(await saveFlag(db, ORIGINAL)).toEqual({ id: ORIGINAL.id });
    expect(await saveFlag(db, REPOST)).toEqual({ id: ORIGINAL.id, duplicateOf: ORIGINAL.id });
    const [story] = await listAllFlags(db);
    expect(story).toMatchObject({ id: ORIGINAL.id, copyCount: 2, timesFlagged: 2, capturedAt: 1000, lastFlaggedAt: 2000 });
    expect((await listCopies(db, ORIGINAL.id)).map((c) => [c.siteName, c.matchedBy, c.monitors])).toEqual([
      ['Báo Đảo Xanh', 'first', ['Lan']],
      ['Tổng Hợp Tin Hay', 'title', ['Hùng']],
    ]);
  });

  it('the same article under tracking, mobile and AMP addresses is one copy seen several times', async () => {
    const db = testDatabase();
    await saveFlag(db, ORIGINAL);
    for (const [i, url] of [
      'https://m.baodaoxanh.example/bien-dao/tau-ca-gap-nan-t55120.html?fbclid=IwAR0',
      'http://amp.baodaoxanh.example/bien-dao/tau-ca-gap-nan-t55120.html#binh-luan',
      'https://www.baodaoxanh.example/bien-dao/tau-ca-gap-nan-t55120.html/?zarsrc=30&utm_medium=zalo',
    ].entries()) {
      await saveFlag(db, sampleFlag({ ...ORIGINAL, id: `v${i}`, url, canonicalUrl: url, title: '' }));
    }
    expect(await listAllFlags(db)).toMatchObject([{ copyCount: 1, timesFlagged: 4 }]);
    expect(await listCopies(db, ORIGINAL.id)).toMatchObject([{ timesSeen: 4 }]);
  });

  it('a story in the trash is not "already flagged", and is again once restored', async () => {
    const db = testDatabase();
    await saveFlag(db, ORIGINAL);
    await moveToTrash(db, ORIGINAL.id, 5);
    expect(await saveFlag(db, REPOST)).toEqual({ id: REPOST.id });
    await restoreFromTrash(db, ORIGINAL.id);
    await moveToTrash(db, REPOST.id, 6);
    const third = sampleFlag({ ...REPOST, id: 'third', url: 'https://reader.example.net/x', canonicalUrl: 'https://reader.example.net/x', siteName: 'Reader' });
    expect(await saveFlag(db, third)).toEqual({ id: ORIGINAL.id, duplicateOf: ORIGINAL.id });
  });

  it('merging several stories is one transaction: a failure part-way changes nothing', async () => {
    const db = testDatabase();
    await saveFlag(db, ORIGINAL);
    await saveFlag(db, OTHER);
    const before = await listAllFlags(db);
    await expect(mergeStories(db, ORIGINAL.id, [OTHER.id, 'missing-story'], 9)).rejects.toThrow(/No story/);
    expect(await listAllFlags(db)).toEqual(before);
    expect(await db.trash.count()).toBe(0);
  });
});

describe('after a service-worker restart', () => {
  it('a new connection finds a known address and a fuzzy repost alike, with nothing rebuilt in memory', async () => {
    const name = `restart-${Math.random()}`;
    const before = createDatabase({ name });
    await saveFlag(before, ORIGINAL);
    before.close();

    const restarted = createDatabase({ name }); // a new connection: nothing in memory
    expect(await saveFlag(restarted, sampleFlag({ ...ORIGINAL, id: 'again', url: `${ORIGINAL.canonicalUrl}?fbclid=1` }))).toEqual({
      id: ORIGINAL.id,
      duplicateOf: ORIGINAL.id,
    });
    // A new address needs the fuzzy decision: it reads the persistent index and finds the repost.
    expect(await saveFlag(restarted, REPOST)).toEqual({ id: ORIGINAL.id, duplicateOf: ORIGINAL.id });
    expect(await restarted.dedupIndex.count()).toBe(2);
  });

  it('a write from another connection (the popup importing) is seen by the next decision at once', async () => {
    const name = `two-contexts-${Math.random()}`;
    const background = createDatabase({ name });
    const popup = createDatabase({ name });
    await saveFlag(background, sampleFlag({ ...OTHER, id: 'warm-up' })); // the background has decided before
    await saveFlag(popup, ORIGINAL);
    expect(await saveFlag(background, REPOST)).toEqual({ id: ORIGINAL.id, duplicateOf: ORIGINAL.id });
    background.close();
    popup.close();
  });
});

describe('merge and split by hand', () => {
  it('merges two stories with their copies and evidence; undo brings both back as they were', async () => {
    const db = testDatabase();
    await saveFlag(db, ORIGINAL, { id: 'e1', capturedAt: 1, tabUrl: ORIGINAL.url, userAgent: '', text: 'a', textSha256: 'x' });
    await saveFlag(db, OTHER, { id: 'e2', capturedAt: 2, tabUrl: OTHER.url, userAgent: '', text: 'b', textSha256: 'y' });
    const before = await listAllFlags(db);

    await mergeStories(db, ORIGINAL.id, [OTHER.id], 99);
    expect(await listAllFlags(db)).toMatchObject([{ id: ORIGINAL.id, copyCount: 2, timesFlagged: 2, lastFlaggedAt: 3000 }]);
    expect((await listEvidence(db, ORIGINAL.id)).map((e) => e.id)).toEqual(['e1', 'e2']);

    await unmergeStories(db, [OTHER.id]);
    expect(await listAllFlags(db)).toEqual(before);
    expect((await listEvidence(db, OTHER.id)).map((e) => e.id)).toEqual(['e2']);
    expect(await db.trash.count()).toBe(0);
  });

  it('"Restore" in the trash gives a merged story its copies and evidence back, so none is lost when the other story goes', async () => {
    const db = testDatabase();
    await saveFlag(db, ORIGINAL, { id: 'e1', capturedAt: 1, tabUrl: ORIGINAL.url, userAgent: '', text: 'a', textSha256: 'x' });
    await saveFlag(db, OTHER, { id: 'e2', capturedAt: 2, tabUrl: OTHER.url, userAgent: '', text: 'b', textSha256: 'y' });
    const before = await listAllFlags(db);
    await mergeStories(db, ORIGINAL.id, [OTHER.id], 99);

    expect((await restoreStory(db, OTHER.id)).story).toEqual(before.find((story) => story.id === OTHER.id));
    expect(await listAllFlags(db)).toEqual(before);
    expect((await listCopies(db, OTHER.id)).map((copy) => copy.url)).toEqual([OTHER.url]);
    expect((await listEvidence(db, OTHER.id)).map((e) => e.id)).toEqual(['e2']);
    // The story it had been merged into goes for good: the restored one keeps what is its own.
    await moveToTrash(db, ORIGINAL.id, 100);
    await emptyTrash(db);
    expect((await listCopies(db, OTHER.id)).map((copy) => copy.url)).toEqual([OTHER.url]);
    expect(await listEvidence(db, OTHER.id)).toHaveLength(1);
  });

  it('undoing "Restore" of a merged story merges it again: its address is "already flagged" in the other story', async () => {
    const db = testDatabase();
    await saveFlag(db, ORIGINAL);
    await saveFlag(db, OTHER);
    await mergeStories(db, ORIGINAL.id, [OTHER.id], 99);
    const merged = await listAllFlags(db);
    await undoRestore(db, await restoreStory(db, OTHER.id));
    expect(await listAllFlags(db)).toEqual(merged);
    expect((await db.trash.get(OTHER.id))?.deletedAt).toBe(99);
    expect(await saveFlag(db, sampleFlag({ ...OTHER, id: 'c0000000-0000-4000-8000-000000000009', url: `${OTHER.url}?utm_source=zalo` }))).toEqual({ id: ORIGINAL.id, duplicateOf: ORIGINAL.id });
  });

  it('restoring a merged story keeps the counts right when the other story is in the trash, or merged on since', async () => {
    const db = testDatabase();
    await saveFlag(db, ORIGINAL);
    await saveFlag(db, OTHER);
    await saveFlag(db, REPOST_ELSEWHERE);
    // OTHER into ORIGINAL, then ORIGINAL deleted: restoring both gives each its own copy, counted.
    await mergeStories(db, ORIGINAL.id, [OTHER.id], 99);
    await moveToTrash(db, ORIGINAL.id, 100);
    await restoreStory(db, OTHER.id);
    await restoreStory(db, ORIGINAL.id);
    for (const story of await listAllFlags(db)) expect(story.copyCount).toBe((await listCopies(db, story.id)).length);
    // A chain: OTHER into ORIGINAL, ORIGINAL into REPOST_ELSEWHERE; OTHER restored first keeps its copy
    // when ORIGINAL is restored after it.
    await mergeStories(db, ORIGINAL.id, [OTHER.id], 101);
    await mergeStories(db, REPOST_ELSEWHERE.id, [ORIGINAL.id], 102);
    await restoreStory(db, OTHER.id);
    await restoreStory(db, ORIGINAL.id);
    expect((await listCopies(db, OTHER.id)).map((copy) => copy.url)).toEqual([OTHER.url]);
    expect((await listCopies(db, ORIGINAL.id)).map((copy) => copy.url)).toEqual([ORIGINAL.url]);
    for (const story of await listAllFlags(db)) expect(story.copyCount).toBe((await listCopies(db, story.id)).length);
  });

  it('undoing "Restore" after the other story was merged on since merges it into where its copies went', async () => {
    const db = testDatabase();
    for (const story of [ORIGINAL, OTHER, REPOST_ELSEWHERE]) await saveFlag(db, story);
    await mergeStories(db, ORIGINAL.id, [OTHER.id], 101);
    await mergeStories(db, REPOST_ELSEWHERE.id, [ORIGINAL.id], 102);
    const merged = await listAllFlags(db);
    await undoRestore(db, await restoreStory(db, OTHER.id));
    expect(await listAllFlags(db)).toEqual(merged);
    expect(await saveFlag(db, sampleFlag({ ...OTHER, id: 'c0000000-0000-4000-8000-000000000009', url: `${OTHER.url}?utm_source=zalo` }))).toEqual({
      id: REPOST_ELSEWHERE.id,
      duplicateOf: REPOST_ELSEWHERE.id,
    });
  });

  it('"Restore" in the trash brings a deleted story back as it was', async () => {
    const db = testDatabase();
    await saveFlag(db, ORIGINAL);
    const before = await listAllFlags(db);
    await moveToTrash(db, ORIGINAL.id, 50);
    await restoreStory(db, ORIGINAL.id);
    expect(await listAllFlags(db)).toEqual(before);
    expect(await db.trash.count()).toBe(0);
  });

  it('splits a wrongly merged copy into its own story; undo puts it back', async () => {
    const db = testDatabase();
    await saveFlag(db, ORIGINAL);
    await saveFlag(db, REPOST);
    const before = await listAllFlags(db);
    const { story: split, undo } = await splitCopy(db, REPOST.id);
    expect(split).toMatchObject({ siteName: 'Tổng Hợp Tin Hay', copyCount: 1 });
    expect(split.id).toMatch(/^[0-9a-f-]{36}$/);
    const stories = await listAllFlags(db);
    expect(stories.map((s) => [s.id, s.copyCount])).toEqual([
      [split.id, 1],
      [ORIGINAL.id, 1],
    ]);

    // The split story is remembered by the index: flagging the repost again lands there.
    expect(await saveFlag(db, sampleFlag({ ...REPOST, id: 'again', capturedAt: 4000, lastFlaggedAt: 4000 }))).toEqual({
      id: split.id,
      duplicateOf: split.id,
    });

    await unsplitCopy(db, undo);
    expect(await listAllFlags(db)).toMatchObject([{ id: ORIGINAL.id, copyCount: 2, timesFlagged: 3 }]);
    const [after] = await listAllFlags(db);
    expect({ ...after, timesFlagged: 0, lastFlaggedAt: 0 }).toEqual({ ...before[0], timesFlagged: 0, lastFlaggedAt: 0 });
  });

  it('refuses to split the last copy of a story', async () => {
    const db = testDatabase();
    await saveFlag(db, ORIGINAL);
    await expect(splitCopy(db, ORIGINAL.id)).rejects.toThrow(/at least one copy/);
  });
});
