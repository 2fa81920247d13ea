/**
 * The in-memory dedup index (lib/dedup StoryIndex) of one database connection,
 * built lazily from the copies table and kept in step with writes from every
 * context: each write that changes copies bumps a stored version number, and a
 * connection whose index is older rebuilds it before its next decision. The
 * exact-URL check never waits for it: it goes through the copies' urlKeys index.
 */
import { recordFeatures, type DedupInput } from '../dedup/record-features';
import { StoryIndex } from '../dedup/story-index';
import type { CopyRecord } from '../copy-record';
import type { CanhTinDatabase } from './schema';

const VERSION_KEY = 'copiesVersion';

export function copyDedupInput(copy: Pick<CopyRecord, 'id' | 'url' | 'canonicalUrl' | 'title' | 'siteName' | 'publishedAt' | 'excerpt'>): DedupInput {
  return {
    id: copy.id,
    url: copy.url,
    canonicalUrl: copy.canonicalUrl,
    title: copy.title,
    siteName: copy.siteName,
    publishedAt: copy.publishedAt || null,
    text: copy.excerpt,
  };
}

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
  private version = -1;

  constructor(private readonly db: CanhTinDatabase) {}

  /** The index, rebuilt first if another context changed copies since it was built. */
  async current(): Promise<StoryIndex> {
    const version = await readCopiesVersion(this.db);
    if (this.index && version === this.version) return this.index;
    const [copies, liveFlagIds] = await Promise.all([this.db.copies.toArray(), this.db.flags.toCollection().primaryKeys()]);
    const live = new Set(liveFlagIds);
    const index = new StoryIndex();
    // Copies of stories in the trash stay out: a deleted story is not "already flagged".
    for (const copy of copies) if (live.has(copy.flagId)) index.add(recordFeatures(copyDedupInput(copy)), copy.flagId);
    this.index = index;
    this.version = version;
    return index;
  }

  /** After this connection's own committed write: the index was updated in place. */
  markCurrent(version: number): void {
    this.version = version;
  }

  /** After a failed write whose changes the index may already hold. */
  invalidate(): void {
    this.index = undefined;
    this.version = -1;
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
