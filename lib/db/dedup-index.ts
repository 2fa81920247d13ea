/**
 * The dedup decision through the database: candidates come from the
 * `dedupIndex` table's multiEntry `keys` index (lib/dedup/dedup-keys.ts), so
 * a decision reads a few posting lists and a few dozen rows, never every copy.
 * Nothing lives in memory between decisions: a service worker stopped and
 * restarted decides as fast as before, and a write from the popup (an import)
 * is seen by the background at once.
 */
import type { CopyRecord } from '../copy-record';
import { dedupIndexRow, fallbackProbeKeys, isHeadlineKey, postingCap, type Postings, probeKeys, rankCandidates, restoreFeatures } from '../dedup/dedup-keys';
import { type DedupDecision, StoryIndex, canAffectDecision, findDuplicate } from '../dedup/find-duplicate';
import { dedupInputOfFlag, type RecordFeatures } from '../dedup/record-features';
import type { CanhTinDatabase } from './schema';

/**
 * What a write inside withStories (lib/db/flag-repository.ts) asks of the dedup
 * index. Only valid inside that transaction, which spans the index table.
 */
export interface StoryIndexHandle {
  /** Is a record with these features a copy of a story in the queue (not the trash)? */
  decide(features: RecordFeatures): Promise<DedupDecision>;
  /** Stores a new copy together with its index entry: a copy without one could never be found by words. */
  addCopy(copy: CopyRecord, features?: RecordFeatures): Promise<void>;
  /** Refiles a stored copy whose headline, date or lead changed (its entry is derived from them). */
  reindexCopy(copy: CopyRecord): Promise<void>;
}

export function dedupIndexOf(db: CanhTinDatabase): StoryIndexHandle {
  return {
    decide: (features) => findDuplicateInDatabase(db, features),
    addCopy: async (copy, features) => {
      await db.copies.add(copy);
      await db.dedupIndex.put(dedupIndexRow(features ?? dedupInputOfFlag(copy)));
    },
    reindexCopy: async (copy) => {
      await db.dedupIndex.put(dedupIndexRow(dedupInputOfFlag(copy)));
    },
  };
}

/**
 * One read per probe key, each stopped one past its cap: a list that long is
 * boilerplate and skipped. (Never `count()`: in Chromium it walks the records.)
 * Only primary keys are read, so no row is deserialised for a posting.
 */
async function readPostings(db: CanhTinDatabase, keys: readonly string[]): Promise<Postings[]> {
  const lists = await Promise.all(
    keys.map(async (key): Promise<Postings | null> => {
      const cap = postingCap(key);
      const ids = await db.dedupIndex.where('keys').equals(key).limit(cap + 1).primaryKeys();
      return ids.length > cap ? null : { key, ids };
    }),
  );
  return lists.filter((list): list is Postings => list !== null);
}

/**
 * Which of these stories are in the queue (not the trash). One keys-only read
 * per story: no flag is deserialised, and no `anyOf` cursor, which skips from
 * key to key (fine in Chromium, but it walks the whole table in fake-indexeddb).
 */
async function liveStories(db: CanhTinDatabase, stories: readonly string[]): Promise<Set<string>> {
  const found = await Promise.all([...new Set(stories)].map((id) => db.flags.where(':id').equals(id).primaryKeys()));
  return new Set(found.flat());
}

/**
 * Ids of the copies worth judging for `features` (see rankCandidates). When
 * every headline key read was boilerplate, the headline's other pairs are read
 * too (a second, rare round trip).
 */
export async function candidateCopyIds(db: CanhTinDatabase, features: RecordFeatures): Promise<string[]> {
  const postings = await readPostings(db, probeKeys(features));
  if (!postings.some((list) => isHeadlineKey(list.key))) postings.push(...(await readPostings(db, fallbackProbeKeys(features))));
  return rankCandidates(postings);
}

/**
 * The same decision as findDuplicate over a StoryIndex of every copy, made on a
 * small StoryIndex of the candidates only. Their rows are read first; only the
 * few that can affect the decision (canAffectDecision) cost two more reads:
 * their copy, whose flagId is the story (merges and splits move copies, not
 * index rows), and whether that story is in the queue, since a story in the
 * trash is not "already flagged". Must run in a transaction over copies,
 * flags and dedupIndex.
 */
export async function findDuplicateInDatabase(db: CanhTinDatabase, features: RecordFeatures): Promise<DedupDecision> {
  const ids = await candidateCopyIds(db, features);
  const candidates = (await db.dedupIndex.bulkGet(ids))
    .flatMap((row) => (row ? [restoreFeatures(row.id, row.features)] : []))
    .filter((candidate) => canAffectDecision(features, candidate));
  if (candidates.length === 0) return { kind: 'new' };
  const copies = await db.copies.bulkGet(candidates.map((candidate) => candidate.id));
  const live = await liveStories(db, copies.flatMap((copy) => (copy ? [copy.flagId] : [])));
  const index = new StoryIndex();
  candidates.forEach((candidate, at) => {
    const story = copies[at]?.flagId;
    if (story !== undefined && live.has(story)) index.add(candidate, story);
  });
  return findDuplicate(index, features);
}
