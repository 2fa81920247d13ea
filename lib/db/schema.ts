/**
 * The one owner of Canh Tin's IndexedDB schema. Every table, index and
 * migration lives here; each new `version(n)` gets an upgrade function and a
 * test that opens a database filled by version n-1 (tests/unit/db-migrations.test.ts).
 */
import Dexie, { type EntityTable } from 'dexie';
import type { CopyRecord } from '../copy-record';
import { canonicalizeUrl } from '../dedup/canonicalize-url';
import { type DedupIndexRow, dedupIndexRow } from '../dedup/dedup-keys';
import { dedupInputOfFlag, recordFeatures } from '../dedup/record-features';
import { dayDigestMiddleware, fillFlagDays } from './day-digest-sync';
import type { DayDigestRow } from '../dashboard/day-digest';
import type { EvidenceRecord } from '../evidence/evidence-record';
import type { FlagRecord, TrashedFlag } from '../flag-record';

export const DATABASE_NAME = 'canh-tin';

export interface SettingRow {
  key: string;
  value: unknown;
}

export type CanhTinDatabase = Dexie & {
  flags: EntityTable<FlagRecord, 'id'>;
  trash: EntityTable<TrashedFlag, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
  evidence: EntityTable<EvidenceRecord, 'id'>;
  copies: EntityTable<CopyRecord, 'id'>;
  dedupIndex: EntityTable<DedupIndexRow, 'id'>;
  flagDays: EntityTable<DayDigestRow, 'day'>;
};

/** Version 7's tables and indexes (version 8 kept them). */
const STORES_V7 = {
  flags:
    'id, capturedAt, canonicalUrl, status, category, publishedAt, copyCount, severity, monitor, lang, exportedAt, [status+capturedAt], [category+capturedAt]',
  trash: 'id, deletedAt',
  settings: 'key',
  evidence: 'id, flagId, capturedAt',
  copies: 'id, flagId, *urlKeys, firstSeenAt',
  dedupIndex: 'id, *keys',
  // The briefing's digest: one row per Vietnam day holding the few fields it counts, kept
  // in step with flags by a middleware (lib/db/day-digest-sync.ts); a year is 365 small reads.
  flagDays: 'day',
} as const;

/**
 * Version history, oldest first. Index strings are kept verbatim per version
 * so that a test can build a database of any earlier version.
 */
export const SCHEMA_VERSIONS = {
  1: {
    // capturedAt: the queue reads newest first; canonicalUrl: "already flagged" lookups.
    flags: 'id, capturedAt, canonicalUrl, status',
    trash: 'id, deletedAt',
    settings: 'key',
  },
  2: {
    // category: the queue and the briefing filter and count by it.
    flags: 'id, capturedAt, canonicalUrl, status, category',
    trash: 'id, deletedAt',
    settings: 'key',
  },
  3: {
    flags: 'id, capturedAt, canonicalUrl, status, category',
    trash: 'id, deletedAt',
    settings: 'key',
    // Evidence lives apart from the queue, which never loads screenshots; read by flag.
    evidence: 'id, flagId, capturedAt',
  },
  4: {
    flags: 'id, capturedAt, canonicalUrl, status, category',
    trash: 'id, deletedAt',
    settings: 'key',
    evidence: 'id, flagId, capturedAt',
    // Every place a story was seen; *urlKeys answers "already flagged?" without the fuzzy index.
    copies: 'id, flagId, *urlKeys, firstSeenAt',
  },
  5: {
    // The queue filters and sorts through these (never by loading every record); the
    // compound indexes page the common "status X, newest first" and "category Y, newest first" views.
    flags:
      'id, capturedAt, canonicalUrl, status, category, publishedAt, copyCount, severity, monitor, lang, exportedAt, [status+capturedAt], [category+capturedAt]',
    trash: 'id, deletedAt',
    settings: 'key',
    evidence: 'id, flagId, capturedAt',
    copies: 'id, flagId, *urlKeys, firstSeenAt',
  },
  6: {
    flags:
      'id, capturedAt, canonicalUrl, status, category, publishedAt, copyCount, severity, monitor, lang, exportedAt, [status+capturedAt], [category+capturedAt]',
    trash: 'id, deletedAt',
    settings: 'key',
    evidence: 'id, flagId, capturedAt',
    copies: 'id, flagId, *urlKeys, firstSeenAt',
    // The fuzzy dedup candidates, one row per copy (same id): *keys finds the copies
    // sharing the headline, a pair of its words, the article slug or a lead shingle (lib/dedup/dedup-keys.ts).
    // A table of its own: derived data that readers of copies never see, refilled when the recipe changes.
    dedupIndex: 'id, *keys',
  },
  7: STORES_V7,
  // The same tables and indexes: v8 only refiles every copy under the keys dedup now derives (a declared
  // canonical counts only on the page's own site, lib/dedup/canonicalize-url.ts isOwnCanonical).
  8: STORES_V7,
} as const;

export const CURRENT_SCHEMA_VERSION = 8;

type Table = ReturnType<Dexie['table']>;

/** v1 → v2: every flag gets a category ('' = not yet chosen) and the watchlist terms seen on its page. */
async function addCategoryAndWatchTerms(tables: Table[]): Promise<void> {
  for (const table of tables) {
    await table.toCollection().modify((record: Record<string, unknown>) => {
      if (typeof record.category !== 'string') record.category = '';
      if (!Array.isArray(record.watchTerms)) record.watchTerms = [];
    });
  }
}

/** v2 → v3: the article fields the extractor now captures, empty for flags made before. */
async function addArticleFields(tables: Table[]): Promise<void> {
  for (const table of tables) {
    await table.toCollection().modify((record: Record<string, unknown>) => {
      for (const key of ['author', 'publishedAt', 'modifiedAt', 'excerpt']) if (typeof record[key] !== 'string') record[key] = '';
      if (typeof record.publishedAtZoneAssumed !== 'boolean') record.publishedAtZoneAssumed = false;
      if (typeof record.wordCount !== 'number') record.wordCount = 0;
    });
  }
}

/** The story's first copy, from the fields a flag had before copies existed. */
export function firstCopyOf(flag: Record<string, unknown>): CopyRecord {
  const text = (key: string) => (typeof flag[key] === 'string' ? (flag[key] as string) : '');
  const number = (key: string) => (typeof flag[key] === 'number' ? (flag[key] as number) : 0);
  const keys = [canonicalizeUrl(text('url')), canonicalizeUrl(text('canonicalUrl'))].filter(Boolean);
  return {
    id: text('id'),
    flagId: text('id'),
    url: text('url'),
    canonicalUrl: text('canonicalUrl'),
    urlKeys: [...new Set(keys)],
    title: text('title'),
    siteName: text('siteName'),
    publishedAt: text('publishedAt'),
    excerpt: text('excerpt') || text('description'),
    monitors: text('monitor') ? [text('monitor')] : [],
    firstSeenAt: number('capturedAt'),
    lastSeenAt: number('lastFlaggedAt') || number('capturedAt'),
    timesSeen: number('timesFlagged') || 1,
    matchedBy: 'first',
  };
}

/** v3 → v4: every story gets its copies — before, each flag was exactly one copy. */
async function addCopies(flags: Table, trash: Table, copies: Table): Promise<void> {
  for (const table of [flags, trash]) {
    const rows = (await table.toArray()) as Record<string, unknown>[];
    await copies.bulkPut(rows.map(firstCopyOf));
    await table.toCollection().modify((record: Record<string, unknown>) => {
      record.copyCount = 1;
    });
  }
}

/** v4 → v5: the monitor's judgement fields, empty for flags made before. */
async function addReviewFields(tables: Table[]): Promise<void> {
  for (const table of tables) {
    await table.toCollection().modify((record: Record<string, unknown>) => {
      if (![0, 1, 2, 3].includes(record.severity as number)) record.severity = 0;
      if (!Array.isArray(record.tags)) record.tags = [];
      if (typeof record.note !== 'string') record.note = '';
      if (typeof record.exportedAt !== 'number') record.exportedAt = 0;
    });
  }
}

// Copies read and indexed per step of the v6 and v8 upgrades: 100k copies at once would
// strain a service worker's memory; a page at a time keeps the peak small.
const FILL_PAGE = 2000;

/** Runs `work` on every copy, a page at a time in key order. */
async function forEachCopyPage(copies: Table, work: (page: CopyRecord[]) => Promise<unknown>): Promise<void> {
  let last: string | undefined;
  for (;;) {
    const page = (await (last === undefined ? copies.orderBy(':id') : copies.where(':id').above(last)).limit(FILL_PAGE).toArray()) as CopyRecord[];
    if (page.length === 0) return;
    await work(page);
    last = page[page.length - 1]?.id;
  }
}

/**
 * v5 → v6: every copy (of the queue and of the trash) gets its row in the
 * dedup index, so no connection ever rebuilds an index from every copy.
 * `copiesVersion` (the in-memory index's staleness counter) is no longer used.
 */
export async function fillDedupIndex(copies: Table, dedupIndex: Table, settings: Table): Promise<void> {
  await forEachCopyPage(copies, (page) => dedupIndex.bulkPut(page.map((copy) => dedupIndexRow(dedupInputOfFlag(copy)))));
  await settings.delete('copiesVersion');
}

/** The schema version from which copies are filed by isOwnCanonical's rule (see refileCopies). */
export const COPIES_FILED_BY_OWN_CANONICAL = 8;

/**
 * v7 → v8: every copy's address keys, and its row in the dedup index, derived again by today's rules:
 * a canonical another site's page declared (or a home page) no longer files it with that article.
 * One pass, a page of copies at a time. Also run when a backup made before v8 is restored.
 */
export async function refileCopies(copies: Table, dedupIndex: Table, settings: Table): Promise<void> {
  await forEachCopyPage(copies, async (page) => {
    const features = page.map((copy) => recordFeatures(dedupInputOfFlag(copy)));
    await copies.bulkPut(page.map((copy, at) => ({ ...copy, urlKeys: features[at]!.urlKeys })));
    await dedupIndex.bulkPut(features.map((feature) => dedupIndexRow(feature)));
  });
  await settings.delete('copiesVersion');
}

/**
 * Opens (lazily) the database. `indexedDB` can be injected so tests run on
 * fake-indexeddb and reliability tests on a storage bucket with a small quota.
 */
export function createDatabase(options: { name?: string; indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}): CanhTinDatabase {
  const db = new Dexie(options.name ?? DATABASE_NAME, {
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
  }) as CanhTinDatabase;
  db.version(1).stores(SCHEMA_VERSIONS[1]);
  db.version(2)
    .stores(SCHEMA_VERSIONS[2])
    .upgrade((tx) => addCategoryAndWatchTerms([tx.table('flags'), tx.table('trash')]));
  db.version(3)
    .stores(SCHEMA_VERSIONS[3])
    .upgrade((tx) => addArticleFields([tx.table('flags'), tx.table('trash')]));
  db.version(4)
    .stores(SCHEMA_VERSIONS[4])
    .upgrade((tx) => addCopies(tx.table('flags'), tx.table('trash'), tx.table('copies')));
  db.version(5)
    .stores(SCHEMA_VERSIONS[5])
    .upgrade((tx) => addReviewFields([tx.table('flags'), tx.table('trash')]));
  db.version(6)
    .stores(SCHEMA_VERSIONS[6])
    .upgrade((tx) => fillDedupIndex(tx.table('copies'), tx.table('dedupIndex'), tx.table('settings')));
  db.version(7)
    .stores(SCHEMA_VERSIONS[7])
    .upgrade((tx) => fillFlagDays(tx.table('flags'), tx.table('flagDays')));
  db.version(8)
    .stores(SCHEMA_VERSIONS[8])
    .upgrade((tx) => refileCopies(tx.table('copies'), tx.table('dedupIndex'), tx.table('settings')));
  // After the versions: every write to flags from here on keeps flagDays in step.
  db.use(dayDigestMiddleware);
  return db;
}
