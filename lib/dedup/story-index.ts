/**
 * In-memory candidate index over deduplicated records: exact URL keys, a token
 * inverted index over headlines and a sampled-shingle index over lead texts,
 * so a lookup touches a few records, never all of them. Built one record at a
 * time and serialisable, so a service worker can reload it instead of rebuilding.
 */
import { type DedupInput, type RecordFeatures, asFeatures } from './record-features';
import { titleNumbers } from './similarity';

/** One indexed record, as the decision reads it. */
export interface IndexedRecord {
  readonly id: string;
  /** The id of the story (cluster) this record belongs to; a new story is named by its first record. */
  story: string;
  readonly features: RecordFeatures;
}

// Only shingles whose hash falls in this residue class are indexed: a copy that
// shares ten shingles shares about three sampled ones, at a third of the memory.
// Shared with the persistent index (dedup-keys.ts), so both find the same copies.
export const SHINGLE_SAMPLE_MOD = 3;
// Postings longer than this are boilerplate ("the", "của tỉnh Kiên Giang") and
// say nothing about which story a record belongs to.
const MAX_POSTING_SCAN = 1500;
// Total headline postings read per lookup (after the rarest list, which is always read).
const TITLE_SCAN_BUDGET = 4000;
// Three words in a row shared by this many leads are boilerplate ("theo thông tin từ").
const MAX_SHINGLE_SCAN = 150;
// A headline captured cut short keeps at least this many words in practice.
const TRUNCATED_PROBE_WORDS = 6;
const DEFAULT_CANDIDATES = 40;

export const INDEX_FORMAT = 'canh-tin/dedup-index';
export const INDEX_VERSION = 1;

/** [id, story, urlKeys, slugKey, title tokens joined by ' ', truncated, publishedAt, shingles base36 joined by ',', text numbers joined by ' ', name-like tail tokens] */
export type SerializedRecord = [string, string, string[], string | null, string, 0 | 1, number | null, string, string, number];

export interface SerializedStoryIndex {
  format: typeof INDEX_FORMAT;
  version: typeof INDEX_VERSION;
  records: SerializedRecord[];
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function pull<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (!list) return;
  const at = list.indexOf(value);
  if (at >= 0) list.splice(at, 1);
  if (list.length === 0) map.delete(key);
}

function pushCompact(map: Map<number, number | number[]>, key: number, value: number): void {
  const current = map.get(key);
  if (current === undefined) map.set(key, value);
  else if (typeof current === 'number') map.set(key, [current, value]);
  else current.push(value);
}

function pullCompact(map: Map<number, number | number[]>, key: number, value: number): void {
  const current = map.get(key);
  if (current === value) map.delete(key);
  else if (Array.isArray(current)) {
    const at = current.indexOf(value);
    if (at >= 0) current.splice(at, 1);
    if (current.length === 1) map.set(key, current[0] ?? value);
  }
}

/** The lead shingles an index files a record under (a fixed sample, so two copies sample alike). */
export function sampledShingles(shingles: Uint32Array): number[] {
  const keys: number[] = [];
  for (const hash of shingles) if (hash % SHINGLE_SAMPLE_MOD === 0) keys.push(hash);
  return keys;
}

export class StoryIndex {
  private readonly entries: Array<IndexedRecord | undefined> = [];
  private readonly byId = new Map<string, number>();
  private readonly byUrl = new Map<string, number[]>();
  private readonly bySlug = new Map<string, number[]>();
  private readonly byTitleToken = new Map<string, number[]>();
  // Most lead shingles occur once: a bare position instead of a one-element array halves the index.
  private readonly byShingle = new Map<number, number | number[]>();
  private readonly byStory = new Map<string, Set<number>>();
  // Interned token strings: 100k headlines share a small vocabulary.
  private readonly tokenPool = new Map<string, string>();
  private scratch = new Uint16Array(0);

  get size(): number {
    return this.byId.size;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(id: string): IndexedRecord | undefined {
    const at = this.byId.get(id);
    return at === undefined ? undefined : this.entries[at];
  }

  storyOf(id: string): string | undefined {
    return this.get(id)?.story;
  }

  /** Ids of the records in a story, in insertion order. */
  storyMembers(story: string): string[] {
    return [...(this.byStory.get(story) ?? [])].map((at) => this.entries[at]?.id ?? '').filter(Boolean);
  }

  /**
   * Indexes a record as a member of `story` (default: a new story named by its
   * id). Re-adding an id replaces the previous entry.
   */
  add(input: DedupInput | RecordFeatures, story?: string): IndexedRecord {
    const features = asFeatures(input);
    if (this.byId.has(features.id)) this.remove(features.id);
    const sequence = features.title.sequence.map((token) => this.intern(token));
    const stored: RecordFeatures = { ...features, title: { ...features.title, sequence } };
    const entry: IndexedRecord = { id: features.id, story: story ?? features.id, features: stored };
    const at = this.entries.length;
    this.entries.push(entry);
    this.byId.set(entry.id, at);
    for (const key of stored.urlKeys) push(this.byUrl, key, at);
    if (stored.slugKey) push(this.bySlug, stored.slugKey, at);
    for (const token of new Set(sequence)) push(this.byTitleToken, token, at);
    for (const hash of sampledShingles(stored.text.shingles)) pushCompact(this.byShingle, hash, at);
    this.joinStory(entry.story, at);
    return entry;
  }

  /** Removes a record (a deleted flag, or a copy being split out before re-adding it). */
  remove(id: string): boolean {
    const at = this.byId.get(id);
    const entry = at === undefined ? undefined : this.entries[at];
    if (at === undefined || !entry) return false;
    const features = entry.features;
    for (const key of features.urlKeys) pull(this.byUrl, key, at);
    if (features.slugKey) pull(this.bySlug, features.slugKey, at);
    for (const token of new Set(features.title.sequence)) pull(this.byTitleToken, token, at);
    for (const hash of sampledShingles(features.text.shingles)) pullCompact(this.byShingle, hash, at);
    this.leaveStory(entry.story, at);
    this.entries[at] = undefined;
    this.byId.delete(id);
    return true;
  }

  /** Moves one record to another story (split it out: pass its own id; attach it: pass the story's id). */
  moveToStory(id: string, story: string): boolean {
    const at = this.byId.get(id);
    const entry = at === undefined ? undefined : this.entries[at];
    if (at === undefined || !entry) return false;
    this.leaveStory(entry.story, at);
    entry.story = story;
    this.joinStory(story, at);
    return true;
  }

  /** Hand merge: every record of `from` joins `into`. Undo by moving the listed ids back. */
  mergeStories(from: string, into: string): string[] {
    const moved = this.storyMembers(from);
    for (const id of moved) this.moveToStory(id, into);
    return moved;
  }

  /** Records with exactly one of these canonical URL keys. */
  byUrlKeys(keys: readonly string[]): IndexedRecord[] {
    const found = new Set<number>();
    for (const key of keys) for (const at of this.byUrl.get(key) ?? []) found.add(at);
    return this.resolve(found);
  }

  bySlugKey(key: string | null): IndexedRecord[] {
    return key ? this.resolve(new Set(this.bySlug.get(key) ?? [])) : [];
  }

  /**
   * The few records worth comparing with `input`: those sharing a URL or slug
   * key, the best headline-token matches and the best lead-shingle matches.
   * Tokens and shingles so common that their posting lists exceed a cap are
   * skipped: they cannot tell stories apart and would make the lookup linear.
   */
  candidateRecords(input: DedupInput | RecordFeatures, limit = DEFAULT_CANDIDATES): IndexedRecord[] {
    const features = asFeatures(input);
    const chosen = new Set<number>();
    for (const key of features.urlKeys) for (const at of this.byUrl.get(key) ?? []) chosen.add(at);
    if (features.slugKey) for (const at of this.bySlug.get(features.slugKey) ?? []) chosen.add(at);

    const sequence = features.title.sequence;
    // A cut last word is not a token of the full headline.
    const complete = features.title.truncated ? sequence.slice(0, -1) : sequence;
    const byRarity = (tokens: readonly string[]) =>
      [...new Set(tokens)]
        .map((token) => this.byTitleToken.get(token))
        .filter((list): list is number[] => list !== undefined && list.length <= MAX_POSTING_SCAN)
        .sort((a, b) => a.length - b.length);
    // Prefix filtering: a headline sharing at least half of the query's tokens
    // shares one of its rarest half. A truncated headline in the index holds only
    // the query's first words, so the rarest of those are read too. A budget on
    // postings read keeps the lookup bounded when every word is common.
    const probes: number[][] = [];
    let budget = TITLE_SCAN_BUDGET;
    for (const list of new Set([
      ...byRarity(complete).slice(0, Math.ceil(complete.length / 2) + 1),
      ...byRarity(complete.slice(0, TRUNCATED_PROBE_WORDS)).slice(0, 2),
    ])) {
      if (probes.length > 0 && list.length > budget) continue;
      probes.push(list);
      budget -= list.length;
    }
    const queryLength = new Set(complete).size;
    const titleScore = (at: number, hits: number): number => {
      const other = this.entries[at]?.features.title;
      if (!other) return 0;
      const otherLength = other.sequence.length;
      // A cut headline is judged by how much of itself it shares.
      return other.truncated ? hits / Math.max(1, otherLength) : (2 * hits) / (queryLength + otherLength);
    };
    for (const at of this.topHits(probes, limit, titleScore)) chosen.add(at);

    const shingleLists: Array<number | number[]> = [];
    for (const hash of sampledShingles(features.text.shingles)) {
      const list = this.byShingle.get(hash);
      if (list !== undefined && (typeof list === 'number' || list.length <= MAX_SHINGLE_SCAN)) shingleLists.push(list);
    }
    for (const at of this.topHits(shingleLists, limit, (_at, hits) => hits)) chosen.add(at);
    return this.resolve(chosen);
  }

  /** Ids of the candidate records for `input` (see candidateRecords). */
  candidates(input: DedupInput | RecordFeatures, limit = DEFAULT_CANDIDATES): string[] {
    return this.candidateRecords(input, limit).map((entry) => entry.id);
  }

  toJSON(): SerializedStoryIndex {
    const records: SerializedRecord[] = [];
    for (const entry of this.entries) {
      if (!entry) continue;
      const f = entry.features;
      records.push([
        entry.id,
        entry.story,
        f.urlKeys,
        f.slugKey,
        f.title.sequence.join(' '),
        f.title.truncated ? 1 : 0,
        Number.isFinite(f.publishedAt) ? f.publishedAt : null,
        Array.from(f.text.shingles, (hash) => hash.toString(36)).join(','),
        f.text.numbers.join(' '),
        f.title.tail ?? 0,
      ]);
    }
    return { format: INDEX_FORMAT, version: INDEX_VERSION, records };
  }

  /** Rebuilds an index from toJSON() output without re-normalising any text. Throws on another format. */
  static fromJSON(data: unknown): StoryIndex {
    if (!isSerializedIndex(data)) throw new Error('Not a Canh Tin dedup index (format/version mismatch)');
    const index = new StoryIndex();
    for (const [id, story, urlKeys, slugKey, title, truncated, publishedAt, shingles, numbers, tail] of data.records) {
      const sequence = title ? title.split(' ') : [];
      const titleTokens = { sequence, truncated: truncated === 1, ...(tail > 0 ? { tail } : {}) };
      index.add(
        {
          kind: 'dedup-features',
          id,
          urlKeys,
          slugKey,
          title: titleTokens,
          titleNumbers: titleNumbers(titleTokens),
          publishedAt: publishedAt ?? Number.NaN,
          text: {
            shingles: Uint32Array.from(shingles ? shingles.split(',') : [], (hash) => parseInt(hash, 36)),
            numbers: numbers ? numbers.split(' ') : [],
          },
        },
        story,
      );
    }
    return index;
  }

  /**
   * The `limit` best positions over several posting lists, by `score` of their
   * hit count. Counts live in one reused typed array (reset after use) instead
   * of a Map per lookup: at 100k records that Map was the main cost and GC load.
   * Positions under half the best count are not even scored.
   */
  private topHits(lists: Iterable<number | readonly number[]>, limit: number, score: (at: number, hits: number) => number): number[] {
    if (this.scratch.length < this.entries.length) this.scratch = new Uint16Array(Math.max(1024, this.entries.length * 2));
    const counts = this.scratch;
    const touched: number[] = [];
    for (const list of lists) {
      if (typeof list === 'number') {
        const count = counts[list] ?? 0;
        if (count === 0) touched.push(list);
        counts[list] = count + 1;
        continue;
      }
      for (let i = 0; i < list.length; i += 1) {
        const at = list[i] as number;
        const count = counts[at] ?? 0;
        if (count === 0) touched.push(at);
        counts[at] = count + 1;
      }
    }
    let max = 0;
    for (const at of touched) max = Math.max(max, counts[at] ?? 0);
    const floor = Math.max(1, Math.floor(max / 2));
    const kept: number[] = [];
    const scores: number[] = [];
    for (const at of touched) {
      const count = counts[at] ?? 0;
      counts[at] = 0;
      if (count < floor) continue;
      kept.push(at);
      scores.push(score(at, count));
    }
    if (kept.length <= limit) return kept;
    // The limit-th best score via a native numeric sort (no comparator): thousands
    // of weak hits are common at 100k records and a comparator sort costs milliseconds.
    const sorted = Float64Array.from(scores).sort();
    const cut = sorted[sorted.length - limit] ?? 0;
    const best: number[] = [];
    for (let i = 0; i < kept.length && best.length < limit; i += 1) if ((scores[i] ?? 0) >= cut) best.push(kept[i] ?? 0);
    return best;
  }

  private intern(token: string): string {
    const pooled = this.tokenPool.get(token);
    if (pooled !== undefined) return pooled;
    this.tokenPool.set(token, token);
    return token;
  }

  private joinStory(story: string, at: number): void {
    const members = this.byStory.get(story);
    if (members) members.add(at);
    else this.byStory.set(story, new Set([at]));
  }

  private leaveStory(story: string, at: number): void {
    const members = this.byStory.get(story);
    members?.delete(at);
    if (members?.size === 0) this.byStory.delete(story);
  }

  private resolve(positions: ReadonlySet<number>): IndexedRecord[] {
    const found: IndexedRecord[] = [];
    for (const at of positions) {
      const entry = this.entries[at];
      if (entry) found.push(entry);
    }
    return found;
  }
}

function isSerializedIndex(data: unknown): data is SerializedStoryIndex {
  if (typeof data !== 'object' || data === null) return false;
  const candidate = data as Partial<SerializedStoryIndex>;
  return (
    candidate.format === INDEX_FORMAT &&
    candidate.version === INDEX_VERSION &&
    Array.isArray(candidate.records) &&
    candidate.records.every(
      (row) =>
        Array.isArray(row) &&
        row.length === 10 &&
        typeof row[0] === 'string' &&
        typeof row[1] === 'string' &&
        Array.isArray(row[2]) &&
        row[2].every((key) => typeof key === 'string') &&
        (row[3] === null || typeof row[3] === 'string') &&
        typeof row[4] === 'string' &&
        (row[5] === 0 || row[5] === 1) &&
        (row[6] === null || typeof row[6] === 'number') &&
        typeof row[7] === 'string' &&
        typeof row[8] === 'string' &&
        typeof row[9] === 'number',
    )
  );
}
