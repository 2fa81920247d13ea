/**
 * The monitor's corrections to dedup: merge two stories by hand, split a
 * wrongly merged copy out into a story of its own, and undo either. Nothing is
 * lost: a merged story waits in the trash with the ids of its copies, and a
 * story's counts are always recomputed from its copies. The dedup index needs
 * no update here: its rows describe copies, and a copy's story is read from the
 * copy itself when a decision is made.
 */
import type { CopyRecord } from '../copy-record';
import type { FlagRecord, TrashedFlag } from '../flag-record';
import { moveToTrash, restoreFromTrash, withStories } from './flag-repository';
import type { CanhTinDatabase } from './schema';

/** A story merged into another: kept in the trash with what it brought. */
export interface MergedAway extends TrashedFlag {
  mergedInto: string;
  movedCopyIds: string[];
  movedEvidenceIds: string[];
}

/** Counts and dates of a story, from its copies (in the queue or in the trash, wherever it is). */
async function recountStory(db: CanhTinDatabase, flagId: string): Promise<void> {
  const copies = await db.copies.where('flagId').equals(flagId).toArray();
  const table = (await db.flags.get(flagId)) ? db.flags : db.trash;
  if (copies.length === 0) {
    await table.update(flagId, { copyCount: 0 });
    return;
  }
  await table.update(flagId, {
    copyCount: copies.length,
    timesFlagged: copies.reduce((sum, copy) => sum + copy.timesSeen, 0),
    capturedAt: Math.min(...copies.map((copy) => copy.firstSeenAt)),
    lastFlaggedAt: Math.max(...copies.map((copy) => copy.lastSeenAt)),
  });
}

/** Moves every copy and all evidence of `sourceId` into `targetId`; the source story goes to the trash. */
async function mergeOne(db: CanhTinDatabase, targetId: string, sourceId: string, now: number): Promise<MergedAway> {
  if (targetId === sourceId) throw new Error('A story cannot be merged into itself');
  const source = await db.flags.get(sourceId);
  if (!source || !(await db.flags.get(targetId))) throw new Error(`No story ${source ? targetId : sourceId}`);
  const copyIds = (await db.copies.where('flagId').equals(sourceId).primaryKeys()) as string[];
  const evidenceIds = (await db.evidence.where('flagId').equals(sourceId).primaryKeys()) as string[];
  await db.copies.where('flagId').equals(sourceId).modify({ flagId: targetId, matchedBy: 'manual' });
  await db.evidence.where('flagId').equals(sourceId).modify({ flagId: targetId });
  const away: MergedAway = { ...source, deletedAt: now, mergedInto: targetId, movedCopyIds: copyIds, movedEvidenceIds: evidenceIds };
  await db.trash.put(away);
  await db.flags.delete(sourceId);
  return away;
}

/** Merges every source story into the target, all in one transaction: all of them or none. */
export function mergeStories(db: CanhTinDatabase, targetId: string, sourceIds: readonly string[], now: number): Promise<MergedAway[]> {
  return withStories(db, async () => {
    const merged: MergedAway[] = [];
    for (const sourceId of sourceIds) merged.push(await mergeOne(db, targetId, sourceId, now));
    await recountStory(db, targetId);
    return merged;
  });
}

/**
 * The story `id` went into, and the ones that story went into since, while they are merged away
 * themselves: where the copies it brought are now.
 */
async function mergeChain(db: CanhTinDatabase, id: string): Promise<string[]> {
  const chain = [id];
  for (let next = await db.trash.get(id); next && isMergedAway(next) && !chain.includes(next.mergedInto); next = await db.trash.get(next.mergedInto)) {
    chain.push(next.mergedInto);
  }
  return chain;
}

/**
 * A merged story back from the trash, with the copies and evidence it brought: from the story it
 * went into, or from the one that story was merged into since. Not those that went elsewhere since
 * (a story merged into it earlier and restored before it has taken its own back). Every story
 * concerned is recounted, in the queue or in the trash.
 */
async function unmergeOne(db: CanhTinDatabase, away: MergedAway): Promise<FlagRecord> {
  const { deletedAt: _d, mergedInto, movedCopyIds, movedEvidenceIds, ...story } = away;
  const chain = await mergeChain(db, mergedInto);
  const stillThere = <T extends { id: string; flagId: string }>(rows: (T | undefined)[]) =>
    rows.filter((row): row is T => row !== undefined && chain.includes(row.flagId)).map((row) => row.id);
  const copyIds = stillThere(await db.copies.bulkGet(movedCopyIds));
  const evidenceIds = stillThere(await db.evidence.bulkGet(movedEvidenceIds));
  await db.copies.bulkUpdate(copyIds.map((id) => ({ key: id, changes: { flagId: away.id } })));
  await db.evidence.bulkUpdate(evidenceIds.map((id) => ({ key: id, changes: { flagId: away.id } })));
  await db.flags.put(story);
  await db.trash.delete(away.id);
  await recountStory(db, away.id);
  for (const other of chain) await recountStory(db, other);
  return story;
}

function isMergedAway(trashed: TrashedFlag): trashed is MergedAway {
  return typeof (trashed as Partial<MergedAway>).mergedInto === 'string';
}

/** Undo of mergeStories: each source story comes back with exactly the copies and evidence it had. */
export function unmergeStories(db: CanhTinDatabase, sourceIds: readonly string[]): Promise<void> {
  return withStories(db, async () => {
    for (const sourceId of sourceIds) {
      const away = await db.trash.get(sourceId);
      if (!away || !isMergedAway(away)) throw new Error(`Story ${sourceId} was not merged`);
      await unmergeOne(db, away);
    }
  });
}

/** A story restored from the trash, and what undoing that needs. */
export interface RestoredStory {
  story: FlagRecord;
  deletedAt: number;
  /** It had been merged into this story. */
  mergedInto?: string;
}

/**
 * "Restore" in the trash, for any story there: a deleted one comes back as it was; a merged one
 * also takes its copies and evidence back from the story it went into (restoring only its record
 * would leave it without them, and emptying that story's trash later would lose them for good).
 */
export function restoreStory(db: CanhTinDatabase, id: string): Promise<RestoredStory> {
  return withStories(db, async () => {
    const trashed = await db.trash.get(id);
    if (!trashed) throw new Error(`No trashed flag with id ${id}`);
    if (isMergedAway(trashed)) return { story: await unmergeOne(db, trashed), deletedAt: trashed.deletedAt, mergedInto: trashed.mergedInto };
    return { story: await restoreFromTrash(db, id), deletedAt: trashed.deletedAt };
  });
}

/**
 * Undo of restoreStory, in one transaction: a merged story is merged again (its copies back into the
 * other story, or the one that story went into since, so its addresses are "already flagged" there
 * again) while that story is in the queue; otherwise it goes back to the trash. Either way with its
 * first deletion time, so its 30 days do not start again.
 */
export function undoRestore(db: CanhTinDatabase, restored: RestoredStory): Promise<void> {
  const { story, deletedAt, mergedInto } = restored;
  return withStories(db, async () => {
    // The story it went into, or the one that story was merged into since: where its copies were.
    const chain = mergedInto === undefined ? [] : await mergeChain(db, mergedInto);
    const target = chain[chain.length - 1];
    if (target !== undefined && (await db.flags.get(target))) await mergeStories(db, target, [story.id], deletedAt);
    else await moveToTrash(db, story.id, deletedAt);
  });
}

/** What undoing a split needs: the copy, the story it left, and that story's address fields before. */
export interface SplitUndo {
  copyId: string;
  fromId: string;
  previous: Pick<FlagRecord, 'url' | 'canonicalUrl' | 'title' | 'siteName'>;
}

/**
 * Takes one copy out of its story into a new story of its own (same status
 * and category as the story it leaves, which the monitor can then change).
 */
export function splitCopy(db: CanhTinDatabase, copyId: string): Promise<{ story: FlagRecord; undo: SplitUndo }> {
  return withStories(db, async () => {
    const copy = await db.copies.get(copyId);
    if (!copy) throw new Error(`No copy ${copyId}`);
    const from = await db.flags.get(copy.flagId);
    if (!from) throw new Error(`No story ${copy.flagId}`);
    if ((await db.copies.where('flagId').equals(from.id).count()) < 2) throw new Error('A story keeps at least one copy');
    const story = storyFromCopy(copy, from);
    await db.flags.add(story);
    await db.copies.update(copyId, { flagId: story.id, matchedBy: 'manual' });
    await recountStory(db, from.id);
    await recountStory(db, story.id);
    const previous = { url: from.url, canonicalUrl: from.canonicalUrl, title: from.title, siteName: from.siteName };
    // The story's own address moves on if the copy that left was the one it showed.
    if (from.url === copy.url) {
      const [first] = await db.copies.where('flagId').equals(from.id).sortBy('firstSeenAt');
      if (first) await db.flags.update(from.id, { url: first.url, canonicalUrl: first.canonicalUrl, title: first.title, siteName: first.siteName });
    }
    return { story, undo: { copyId, fromId: from.id, previous } };
  });
}

/** Undo of splitCopy: the copy goes back, the story made for it disappears, the old story is as it was. */
export function unsplitCopy(db: CanhTinDatabase, undo: SplitUndo): Promise<void> {
  return withStories(db, async () => {
    const copy = await db.copies.get(undo.copyId);
    if (!copy) throw new Error(`No copy ${undo.copyId}`);
    const splitStory = copy.flagId;
    await db.copies.update(undo.copyId, { flagId: undo.fromId, matchedBy: copy.matchedBy });
    await db.evidence.where('flagId').equals(splitStory).modify({ flagId: undo.fromId });
    if ((await db.copies.where('flagId').equals(splitStory).count()) === 0) await db.flags.delete(splitStory);
    await db.flags.update(undo.fromId, undo.previous);
    await recountStory(db, undo.fromId);
  });
}

function storyFromCopy(copy: CopyRecord, from: FlagRecord): FlagRecord {
  return {
    ...from,
    // Always a fresh UUID: copy ids of imported copies are not UUIDs, and ids must stay unique across exports.
    id: crypto.randomUUID(),
    url: copy.url,
    canonicalUrl: copy.canonicalUrl,
    title: copy.title,
    siteName: copy.siteName,
    publishedAt: copy.publishedAt,
    publishedAtZoneAssumed: false,
    excerpt: copy.excerpt,
    quote: '',
    monitor: copy.monitors[0] ?? from.monitor,
    capturedAt: copy.firstSeenAt,
    lastFlaggedAt: copy.lastSeenAt,
    timesFlagged: copy.timesSeen,
    copyCount: 1,
  };
}
