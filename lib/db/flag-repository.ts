/**
 * Reads and writes of flags. Every function takes the database as its first
 * argument, so the background, the popup and the tests share one implementation.
 */
import type { CopyMatch, CopyRecord } from '../copy-record';
import { dedupInputOfFlag, recordFeatures, type RecordFeatures } from '../dedup/record-features';
import type { EvidenceRecord } from '../evidence/evidence-record';
import type { FlagRecord, TrashedFlag } from '../flag-record';
import { dedupIndexOf, type StoryIndexHandle } from './dedup-index';
import type { CanhTinDatabase } from './schema';

export type { StoryIndexHandle } from './dedup-index';

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
 * What a copy was stored without and this sighting of its address brings: a
 * redirect link flagged bare, or an address only listed in an imported file,
 * gets its headline, date and lead the first time a page at it is flagged.
 */
function fieldsCopyLacks(copy: CopyRecord, record: FlagRecord): Partial<Pick<CopyRecord, 'title' | 'siteName' | 'publishedAt' | 'excerpt'>> {
  const excerpt = record.excerpt || record.description;
  return {
    ...(copy.title === '' && record.title !== '' ? { title: record.title } : {}),
    ...(copy.siteName === '' && record.siteName !== '' ? { siteName: record.siteName } : {}),
    ...(copy.publishedAt === '' && record.publishedAt !== '' ? { publishedAt: record.publishedAt } : {}),
    ...(copy.excerpt === '' && excerpt !== '' ? { excerpt } : {}),
  };
}

/** Copies filed under any of these canonical addresses (one equals-read per key: see liveStories in dedup-index.ts on anyOf). */
async function copiesAt(db: CanhTinDatabase, urlKeys: readonly string[]): Promise<CopyRecord[]> {
  const found = await Promise.all(urlKeys.map((key) => db.copies.where('urlKeys').equals(key).toArray()));
  return [...new Map(found.flat().map((copy) => [copy.id, copy])).values()];
}

/**
 * THE dedup step, shared by flagging and import: the record becomes a sighting
 * of a copy already known (same canonicalised address), a new copy of a story
 * (the dedup decision over the persistent candidate index), or a new story.
 * Must run inside withStories' transaction.
 */
export async function placeInStory(db: CanhTinDatabase, stories: StoryIndexHandle, record: FlagRecord): Promise<SaveFlagResult> {
  const features = recordFeatures(dedupInputOfFlag(record));

  for (const copy of await copiesAt(db, features.urlKeys)) {
    const story = await db.flags.get(copy.flagId);
    if (!story) continue; // a story in the trash is not "already flagged"
    const lacking = fieldsCopyLacks(copy, record);
    await db.copies.update(copy.id, {
      timesSeen: copy.timesSeen + record.timesFlagged,
      lastSeenAt: Math.max(copy.lastSeenAt, record.lastFlaggedAt),
      firstSeenAt: Math.min(copy.firstSeenAt, record.capturedAt),
      monitors: record.monitor && !copy.monitors.includes(record.monitor) ? [...copy.monitors, record.monitor] : copy.monitors,
      ...lacking,
    });
    // Its words are new to dedup: later reposts can now be found by them.
    if (Object.keys(lacking).length > 0) await stories.reindexCopy({ ...copy, ...lacking });
    await db.flags.update(story.id, storyUpdate(story, record, 0));
    return { id: story.id, duplicateOf: story.id };
  }

  const decision = await stories.decide(features);
  const story = decision.kind === 'copy' ? await db.flags.get(decision.of) : undefined;
  if (decision.kind === 'copy' && story) {
    await stories.addCopy(newCopy(record, features, story.id, decision.reason), features);
    await db.flags.update(story.id, storyUpdate(story, record, 1));
    return { id: story.id, duplicateOf: story.id };
  }

  await db.flags.add({ ...record, copyCount: 1 });
  await stories.addCopy(newCopy(record, features, record.id, 'first'), features);
  return { id: record.id };
}

/**
 * Runs `work` in one read-write transaction over everything a flag touches,
 * the dedup index included. The index lives in the database (dedupIndex), so
 * there is nothing to build after a service-worker restart and nothing to keep
 * in step across contexts: what committed is what the next decision reads.
 */
export function withStories<T>(db: CanhTinDatabase, work: (stories: StoryIndexHandle) => Promise<T>): Promise<T> {
  // The scope must be an async function (not one returning a promise): that is how
  // Dexie keeps the transaction alive across the native awaits inside `work`.
  return db.transaction('rw', [db.flags, db.copies, db.dedupIndex, db.evidence, db.settings, db.trash], async () => work(dedupIndexOf(db)));
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

/**
 * Moves a flag to the trash; returns it so the caller can offer undo. Its
 * copies and their index rows stay: the decision skips stories not in the queue.
 */
export function moveToTrash(db: CanhTinDatabase, id: string, now: number): Promise<TrashedFlag> {
  return withStories(db, async () => {
    const record = await db.flags.get(id);
    if (!record) throw new Error(`No flag with id ${id}`);
    const trashed: TrashedFlag = { ...record, deletedAt: now };
    await db.trash.put(trashed);
    await db.flags.delete(id);
    return trashed;
  });
}

/** Undo of moveToTrash: the record comes back exactly as it was, and with it its copies into dedup. */
export function restoreFromTrash(db: CanhTinDatabase, id: string): Promise<FlagRecord> {
  return withStories(db, async () => {
    const trashed = await db.trash.get(id);
    if (!trashed) throw new Error(`No trashed flag with id ${id}`);
    const { deletedAt: _deletedAt, ...record } = trashed;
    await db.flags.put(record);
    await db.trash.delete(id);
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

/**
 * A story's status and/or category, as set (or as it was, for undo). With `ifStill`, only when the story
 * still has those values: a bulk change's undo must not take back what was changed by hand since.
 */
export type FieldEdit = { id: string } & Partial<Pick<FlagRecord, 'status' | 'category'>> & {
  ifStill?: Partial<Pick<FlagRecord, 'status' | 'category'>>;
};

/**
 * Sets status and/or category of flags, each its own, in one transaction;
 * returns what the found ones had (the undo: apply it the same way). Popup
 * edits reach this through the background (a `set-fields` message), so a
 * popup closed right after a choice still has it written.
 */
export function setFlagFields(db: CanhTinDatabase, edits: readonly FieldEdit[]): Promise<FieldEdit[]> {
  return db.transaction('rw', db.flags, async () => {
    const records = await db.flags.bulkGet(edits.map((edit) => edit.id));
    const before: FieldEdit[] = [];
    for (const [index, record] of records.entries()) {
      const { id: _id, ifStill, ...changes } = edits[index]!;
      if (!record || Object.keys(changes).length === 0) continue;
      if (ifStill && ((ifStill.status !== undefined && record.status !== ifStill.status) || (ifStill.category !== undefined && record.category !== ifStill.category))) continue;
      before.push({ id: record.id, ...('status' in changes ? { status: record.status } : {}), ...('category' in changes ? { category: record.category } : {}) });
      await db.flags.update(record.id, changes);
    }
    return before;
  });
}

