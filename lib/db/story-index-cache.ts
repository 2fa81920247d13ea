/**
 * The in-memory dedup index (lib/dedup StoryIndex) of one database connection,
 * built lazily from the copies table and kept in step with writes from every
 * context: each write that changes copies bumps a stored version number, and a
 * connection whose index is older rebuilds it before its next decision. The
 * exact-URL check never waits for it: it goes through the copies' urlKeys index.
 */
import { dedupInputOfFlag, recordFeatures } from '../dedup/record-features';
import { StoryIndex } from '../dedup/story-index';
import type { CanhTinDatabase } from './schema';

const VERSION_KEY = 'copiesVersion';

export async function readCopiesVersion(db: CanhTinDatabase): Promise<number> {
  const row = await db.settings.get(VERSION_KEY);
  return typeof row?.value === 'number' ? row.value : 0;
}

/** Call inside the transaction that changed copies; returns the new version. */
export async function bumpCopiesVersion(db: CanhTinDatabase): Promise<number> {
  const next = (await readCopiesVersion(db)) + 1;
  await db.settings.put({ key: VERSION_KEY, value: next });
  return next;
}

export class StoryIndexCache {
  private index: StoryIndex | undefined;
  private indexVersion = -1;

  /** The copies version the index reflects (-1: none built). */
  get version(): number {
    return this.indexVersion;
  }

  constructor(private readonly db: CanhTinDatabase) {}

  /** The index, rebuilt first if another context changed copies since it was built. */
  async current(): Promise<StoryIndex> {
    const version = await readCopiesVersion(this.db);
    if (this.index && version === this.indexVersion) return this.index;
    const [copies, liveFlagIds] = await Promise.all([this.db.copies.toArray(), this.db.flags.toCollection().primaryKeys()]);
    const live = new Set(liveFlagIds);
    const index = new StoryIndex();
    // Copies of stories in the trash stay out: a deleted story is not "already flagged".
    for (const copy of copies) if (live.has(copy.flagId)) index.add(recordFeatures(dedupInputOfFlag(copy)), copy.flagId);
    this.index = index;
    this.indexVersion = version;
    return index;
  }

  /** The index as built so far, even if another context has written since (callers re-check the version). */
  peek(): StoryIndex | undefined {
    return this.index;
  }

  /** After this connection's own committed write: the index was updated in place. */
  markCurrent(version: number): void {
    this.indexVersion = version;
  }

  /** After a failed write whose changes the index may already hold. */
  invalidate(): void {
    this.index = undefined;
    this.indexVersion = -1;
  }
}

const caches = new WeakMap<CanhTinDatabase, StoryIndexCache>();

export function storyIndexCache(db: CanhTinDatabase): StoryIndexCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new StoryIndexCache(db);
    caches.set(db, cache);
  }
  return cache;
}
