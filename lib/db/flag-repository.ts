/**
 * Reads and writes of flags. Every function takes the database as its first
 * argument, so the background, the popup and the tests share one implementation.
 */
import type { CopyMatch, CopyRecord } from '../copy-record';
import { findDuplicate } from '../dedup/find-duplicate';
import { dedupInputOfFlag, recordFeatures, type RecordFeatures } from '../dedup/record-features';
import type { StoryIndex } from '../dedup/story-index';
import type { EvidenceRecord } from '../evidence/evidence-record';
import type { FlagRecord, FlagStatus, TrashedFlag } from '../flag-record';
import type { CanhTinDatabase } from './schema';
import { bumpCopiesVersion, readCopiesVersion, storyIndexCache } from './story-index-cache';

export interface SaveFlagResult {
  id: string;
  /** Set when the page was already flagged: the id of that earlier record. */
  duplicateOf?: string;
}

function newCopy(record: FlagRecord, features: RecordFeatures, flagId: string, matchedBy: CopyMatch): CopyRecord {
  return {
    id: record.id,
    flagId,
    url: record.url,
    canonicalUrl: record.canonicalUrl,
    urlKeys: features.urlKeys,
    title: record.title,
    siteName: record.siteName,
    publishedAt: record.publishedAt,
    excerpt: record.excerpt || record.description,
    monitors: record.monitor ? [record.monitor] : [],
    firstSeenAt: record.capturedAt,
    lastSeenAt: record.lastFlaggedAt,
    timesSeen: record.timesFlagged,
    matchedBy,
  };
}

/** The story gains a sighting: counts, first/last seen, and what the earlier flags lacked. */
function storyUpdate(story: FlagRecord, record: FlagRecord, newCopies: number): Partial<FlagRecord> {
  return {
    timesFlagged: story.timesFlagged + record.timesFlagged,
    capturedAt: Math.min(story.capturedAt, record.capturedAt),
    lastFlaggedAt: Math.max(story.lastFlaggedAt, record.lastFlaggedAt),
    copyCount: story.copyCount + newCopies,
    ...(story.quote === '' && record.quote !== '' ? { quote: record.quote } : {}),
    ...(story.category === '' && record.category !== '' ? { category: record.category } : {}),
    ...(story.watchTerms.length === 0 && record.watchTerms.length > 0 ? { watchTerms: record.watchTerms } : {}),
    // Another monitor's judgement (an imported file) adds to this one, never overwrites it.
    ...(record.severity > story.severity ? { severity: record.severity } : {}),
    ...(record.tags.some((tag) => !story.tags.includes(tag)) ? { tags: [...new Set([...story.tags, ...record.tags])] } : {}),
    ...(record.note !== '' && !story.note.includes(record.note) ? { note: story.note ? `${story.note}\n${record.note}` : record.note } : {}),
  };
}

/**
 * THE dedup step, shared by flagging and import: the record becomes a sighting
 * of a copy already known (same canonicalised address), a new copy of a story
 * (the dedup decision over the index), or a new story. Must run inside a
 * read-write transaction over flags and copies; updates `index` in place.
 */
export async function placeInStory(db: CanhTinDatabase, stories: StoryIndexHandle, record: FlagRecord): Promise<SaveFlagResult> {
  const features = recordFeatures(dedupInputOfFlag(record));

  for (const copy of await db.copies.where('urlKeys').anyOf(features.urlKeys).toArray()) {
    const story = await db.flags.get(copy.flagId);
    if (!story) continue; // a story in the trash is not "already flagged"
    await db.copies.update(copy.id, {
      timesSeen: copy.timesSeen + record.timesFlagged,
      lastSeenAt: Math.max(copy.lastSeenAt, record.lastFlaggedAt),
      firstSeenAt: Math.min(copy.firstSeenAt, record.capturedAt),
      monitors: record.monitor && !copy.monitors.includes(record.monitor) ? [...copy.monitors, record.monitor] : copy.monitors,
    });
    await db.flags.update(story.id, storyUpdate(story, record, 0));
    return { id: story.id, duplicateOf: story.id };
  }

  // Only now the fuzzy index is needed: a repeat of a known address never waits for it to be built.
  const index = await stories.get();
  const decision = findDuplicate(index, features);
  const story = decision.kind === 'copy' ? await db.flags.get(decision.of) : undefined;
  if (decision.kind === 'copy' && story) {
    await db.copies.add(newCopy(record, features, story.id, decision.reason));
    await db.flags.update(story.id, storyUpdate(story, record, 1));
    index.add(features, story.id);
    return { id: story.id, duplicateOf: story.id };
  }

  await db.flags.add({ ...record, copyCount: 1 });
  await db.copies.add(newCopy(record, features, record.id, 'first'));
  index.add(features, record.id);
  return { id: record.id };
}

/**
 * The dedup index as a write sees it: `get` builds it (from the copies, inside
 * the write's transaction) when it is missing or stale; `peek` is the index if
 * one is built, for writes that only need to keep it in step.
 */
export interface StoryIndexHandle {
  get(): Promise<StoryIndex>;
  peek(): StoryIndex | undefined;
}

/**
 * Runs `work` in one read-write transaction over everything a flag touches.
 * The dedup index is built lazily inside it, only if `work` needs it (after a
 * service-worker restart, re-flagging a known address never waits for the
 * rebuild); afterwards the index stays in step with what committed, or is
 * dropped if the transaction failed or another context wrote meanwhile.
 */
export async function withStories<T>(db: CanhTinDatabase, work: (stories: StoryIndexHandle) => Promise<T>): Promise<T> {
  const cache = storyIndexCache(db);
  try {
    const { result, before, after } = await db.transaction('rw', [db.flags, db.copies, db.evidence, db.settings, db.trash], async () => {
      const before = await readCopiesVersion(db);
      const result = await work({ get: () => cache.current(), peek: () => cache.peek() });
      return { result, before, after: await bumpCopiesVersion(db) };
    });
    if (cache.version === before) cache.markCurrent(after);
    else cache.invalidate();
    return result;
  } catch (error) {
    cache.invalidate();
    throw error;
  }
}

/**
 * Stores a flag through the dedup step, with its evidence attached to the
 * story it landed in. Flag and evidence are written in one transaction: both
 * or neither, and two quick flags of one page cannot both add a story.
 */
export function saveFlag(
  db: CanhTinDatabase,
  record: FlagRecord,
  evidence?: Omit<EvidenceRecord, 'flagId'>,
): Promise<SaveFlagResult> {
  return withStories(db, async (stories) => {
    const result = await placeInStory(db, stories, record);
    // Evidence of a repeat flag is kept too: the page may have been edited since.
    if (evidence) await db.evidence.add({ ...evidence, flagId: result.id });
    return result;
  });
}

/** The queue, newest first, read through the capturedAt index one page at a time. */
export function listQueue(db: CanhTinDatabase, limit = 200): Promise<FlagRecord[]> {
  return db.flags.orderBy('capturedAt').reverse().limit(limit).toArray();
}

export function listAllFlags(db: CanhTinDatabase): Promise<FlagRecord[]> {
  return db.flags.orderBy('capturedAt').reverse().toArray();
}

export async function setStatus(db: CanhTinDatabase, id: string, status: FlagStatus): Promise<void> {
  const changed = await db.flags.update(id, { status });
  if (changed === 0) throw new Error(`No flag with id ${id}`);
}

export async function setCategory(db: CanhTinDatabase, id: string, category: string): Promise<void> {
  const changed = await db.flags.update(id, { category });
  if (changed === 0) throw new Error(`No flag with id ${id}`);
}

/** Moves a flag to the trash; returns it so the caller can offer undo. */
export function moveToTrash(db: CanhTinDatabase, id: string, now: number): Promise<TrashedFlag> {
  return withStories(db, async (stories) => {
    const record = await db.flags.get(id);
    if (!record) throw new Error(`No flag with id ${id}`);
    const index = stories.peek();
    const trashed: TrashedFlag = { ...record, deletedAt: now };
    await db.trash.put(trashed);
    await db.flags.delete(id);
    // A deleted story is not "already flagged": its copies leave the dedup index (and come back on undo).
    for (const copyId of (await db.copies.where('flagId').equals(id).primaryKeys()) as string[]) index?.remove(copyId);
    return trashed;
  });
}

/** Undo of moveToTrash: the record comes back exactly as it was. */
export function restoreFromTrash(db: CanhTinDatabase, id: string): Promise<FlagRecord> {
  // Through withStories: the dedup index must learn that the story is back.
  return withStories(db, async (stories) => {
    const index = stories.peek();
    const trashed = await db.trash.get(id);
    if (!trashed) throw new Error(`No trashed flag with id ${id}`);
    const { deletedAt: _deletedAt, ...record } = trashed;
    await db.flags.put(record);
    await db.trash.delete(id);
    if (index) for (const copy of await db.copies.where('flagId').equals(id).toArray()) index.add(recordFeatures(dedupInputOfFlag(copy)), id);
    return record;
  });
}

/** Evidence of one flag, oldest first. */
export function listEvidence(db: CanhTinDatabase, flagId: string): Promise<EvidenceRecord[]> {
  return db.evidence.where('flagId').equals(flagId).sortBy('capturedAt');
}

/** Copies of one story, first seen first. */
export function listCopies(db: CanhTinDatabase, flagId: string): Promise<CopyRecord[]> {
  return db.copies.where('flagId').equals(flagId).sortBy('firstSeenAt');
}

/** Status or category of several flags at once, in one transaction; returns what they were, for undo. */
export function updateFlags(
  db: CanhTinDatabase,
  ids: readonly string[],
  changes: Partial<Pick<FlagRecord, 'status' | 'category'>>,
): Promise<Map<string, Partial<Pick<FlagRecord, 'status' | 'category'>>>> {
  return db.transaction('rw', db.flags, async () => {
    const before = new Map<string, Partial<Pick<FlagRecord, 'status' | 'category'>>>();
    for (const record of await db.flags.bulkGet([...ids])) {
      if (!record) continue;
      before.set(record.id, { status: record.status, category: record.category });
      await db.flags.update(record.id, changes);
    }
    return before;
  });
}

/** Undo of updateFlags: each flag gets back exactly what it had. */
export function restoreFlagFields(db: CanhTinDatabase, before: ReadonlyMap<string, Partial<Pick<FlagRecord, 'status' | 'category'>>>): Promise<void> {
  return db.transaction('rw', db.flags, async () => {
    for (const [id, fields] of before) await db.flags.update(id, fields);
  });
}
