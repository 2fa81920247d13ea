/**
 * Every schema version upgrades a database filled by the version before it,
 * without losing a record. Each old version is built from its own frozen
 * index strings in SCHEMA_VERSIONS and filled with records of its own shape.
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { createDatabase, CURRENT_SCHEMA_VERSION, firstCopyOf, SCHEMA_VERSIONS } from '@/lib/db/schema';
import { dedupIndexRow } from '@/lib/dedup/dedup-keys';
import { dedupInputOfFlag } from '@/lib/dedup/record-features';
import { listCopies, listQueue, saveFlag } from '@/lib/db/flag-repository';
import type { FlagRecord } from '@/lib/flag-record';
import { sampleFlag } from './support/sample-flag';

/** A flag as version 1 stored it (no category, no watchTerms). */
const V1_FLAG = {
  id: '0b1c2d3e-0000-4000-8000-000000000001',
  url: 'https://baodaoxanh.example/a?utm_source=zalo',
  canonicalUrl: 'https://baodaoxanh.example/a',
  title: 'Tàu cá gặp nạn gần Trường Sa',
  siteName: 'Báo Đảo Xanh',
  description: '',
  lang: 'vi',
  quote: 'trích dẫn',
  foundOnUrl: '',
  capturedAt: 1_764_000_000_000,
  lastFlaggedAt: 1_764_000_100_000,
  timesFlagged: 2,
  monitor: 'Lan',
  trigger: 'popup' as const,
  status: 'confirmed' as const,
};

async function fillVersion1(name: string): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_VERSIONS[1]);
  await v1.table('flags').bulkAdd([V1_FLAG, { ...V1_FLAG, id: 'second', canonicalUrl: 'https://x.example/b', capturedAt: 1 }]);
  await v1.table('trash').add({ ...V1_FLAG, id: 'trashed', deletedAt: 5 });
  await v1.table('settings').add({ key: 'monitorName', value: 'Lan' });
  v1.close();
}

describe('database migrations', () => {
  it('knows every version up to the current one', () => {
    expect(Object.keys(SCHEMA_VERSIONS).map(Number)).toEqual(
      Array.from({ length: CURRENT_SCHEMA_VERSION }, (_, i) => i + 1),
    );
  });

  it('v1 → current keeps every flag, trashed flag and setting, and fills every field added since', async () => {
    const name = `migration-v1-${Math.random()}`;
    await fillVersion1(name);

    const db = createDatabase({ name });
    const [newest, older] = await listQueue(db);
    expect(newest).toEqual(sampleFlag({ ...V1_FLAG }));
    expect(older?.id).toBe('second');
    expect(await db.trash.get('trashed')).toMatchObject({ deletedAt: 5, category: '', watchTerms: [], author: '', wordCount: 0 });
    expect(await db.evidence.count()).toBe(0);
    expect(await db.settings.get('monitorName')).toEqual({ key: 'monitorName', value: 'Lan' });
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);

    // The upgraded database works: the new category index answers, the old URL index still dedups.
    await db.flags.update(V1_FLAG.id, { category: 'border' });
    expect(await db.flags.where('category').equals('border').count()).toBe(1);
    const repeat = await saveFlag(db, sampleFlag({ ...V1_FLAG, id: 'new-id' }));
    expect(repeat).toEqual({ id: V1_FLAG.id, duplicateOf: V1_FLAG.id });
    db.close();
  });

  it('v2 → v3 keeps categories and watch terms, adds empty article fields and the evidence table', async () => {
    const name = `migration-v2-${Math.random()}`;
    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA_VERSIONS[1]);
    v2.version(2).stores(SCHEMA_VERSIONS[2]);
    const v2Flag = { ...V1_FLAG, category: 'border', watchTerms: ['cột mốc'] };
    await v2.table('flags').add(v2Flag);
    v2.close();

    const db = createDatabase({ name });
    expect(await db.flags.get(V1_FLAG.id)).toEqual(sampleFlag(v2Flag));
    expect(await db.flags.where('category').equals('border').count()).toBe(1);
    await db.evidence.add({ id: 'e', flagId: V1_FLAG.id, capturedAt: 1, tabUrl: V1_FLAG.url, userAgent: '', text: 'x', textSha256: 'y' });
    expect(await db.evidence.where('flagId').equals(V1_FLAG.id).count()).toBe(1);
    db.close();
  });

  it('v3 → v4 gives every story (and every trashed one) its first copy, so dedup finds it', async () => {
    const name = `migration-v3-${Math.random()}`;
    const v3 = new Dexie(name);
    v3.version(1).stores(SCHEMA_VERSIONS[1]);
    v3.version(2).stores(SCHEMA_VERSIONS[2]);
    v3.version(3).stores(SCHEMA_VERSIONS[3]);
    const v3Flag = sampleFlag({ ...V1_FLAG, author: 'Lan', publishedAt: '2026-11-20T08:00:00+07:00' }) as Partial<FlagRecord>;
    delete v3Flag.copyCount;
    await v3.table('flags').add(v3Flag);
    await v3.table('trash').add({ ...v3Flag, id: 'trashed', url: 'https://x.example/t', canonicalUrl: 'https://x.example/t', deletedAt: 5 });
    v3.close();

    const db = createDatabase({ name });
    expect(await db.flags.get(V1_FLAG.id)).toEqual(sampleFlag({ ...v3Flag }));
    expect(await listCopies(db, V1_FLAG.id)).toEqual([
      {
        id: V1_FLAG.id,
        flagId: V1_FLAG.id,
        url: V1_FLAG.url,
        canonicalUrl: V1_FLAG.canonicalUrl,
        urlKeys: ['https://baodaoxanh.example/a'],
        title: V1_FLAG.title,
        siteName: V1_FLAG.siteName,
        publishedAt: '2026-11-20T08:00:00+07:00',
        excerpt: '',
        monitors: ['Lan'],
        firstSeenAt: V1_FLAG.capturedAt,
        lastSeenAt: V1_FLAG.lastFlaggedAt,
        timesSeen: 2,
        matchedBy: 'first',
      },
    ]);
    expect(await db.copies.get('trashed')).toMatchObject({ flagId: 'trashed' });
    // A mobile-address flag of the migrated story is recognised as the same copy.
    const again = await saveFlag(db, sampleFlag({ id: 'm', url: 'https://m.baodaoxanh.example/a?fbclid=1', canonicalUrl: '' }));
    expect(again).toEqual({ id: V1_FLAG.id, duplicateOf: V1_FLAG.id });
    db.close();
  });

  it('v4 → v5 gives every flag (and every trashed one) empty severity, tags, note and export time, and keeps the rest', async () => {
    const name = `migration-v4-${Math.random()}`;
    const v4 = new Dexie(name);
    for (const version of [1, 2, 3, 4] as const) v4.version(version).stores(SCHEMA_VERSIONS[version]);
    const v4Flag = sampleFlag({ ...V1_FLAG, status: 'confirmed', category: 'border' }) as Partial<FlagRecord>;
    for (const key of ['severity', 'tags', 'note', 'exportedAt'] as const) delete v4Flag[key];
    await v4.table('flags').add(v4Flag);
    await v4.table('trash').add({ ...v4Flag, id: 'trashed', deletedAt: 5 });
    v4.close();

    const db = createDatabase({ name });
    expect(await db.flags.get(V1_FLAG.id)).toEqual({ ...v4Flag, severity: 0, tags: [], note: '', exportedAt: 0 });
    expect(await db.trash.get('trashed')).toMatchObject({ severity: 0, tags: [], note: '', exportedAt: 0, deletedAt: 5 });
    // The new indexes answer the queue's filters.
    expect(await db.flags.where('[status+capturedAt]').between(['confirmed', 0], ['confirmed', Infinity]).primaryKeys()).toEqual([V1_FLAG.id]);
    expect(await db.flags.where('severity').equals(0).count()).toBe(1);
    db.close();
  });
});

describe('v5 → v6: the persistent dedup index', () => {
  it('files every copy (of the queue and the trash) in the dedup index, and finds a fuzzy copy of a migrated story', async () => {
    const { firstCopyOf } = await import('@/lib/db/schema');
    const name = `migration-v5-${Math.random()}`;
    const v5 = new Dexie(name);
    for (const version of [1, 2, 3, 4, 5] as const) v5.version(version).stores(SCHEMA_VERSIONS[version]);
    const story = sampleFlag({
      ...V1_FLAG,
      url: 'https://baodaoxanh.example/bien-dao/tau-ca-gap-nan-gan-truong-sa.html',
      canonicalUrl: 'https://baodaoxanh.example/bien-dao/tau-ca-gap-nan-gan-truong-sa.html',
      title: 'Tàu cá Phú Quốc gặp nạn gần quần đảo Trường Sa, 7 ngư dân được cứu',
      publishedAt: '2026-11-05T08:30:00+07:00',
      excerpt: 'Tàu cá KG-95211-TS bị hỏng máy, nứt vỏ khi gặp sóng lớn ở vùng biển gần quần đảo Trường Sa. Toàn bộ 7 ngư dân đã được cứu.',
    });
    const trashed = sampleFlag({ ...story, id: 'trashed', url: 'https://x.example/t', canonicalUrl: 'https://x.example/t', title: 'Một chuyện đã xoá khỏi hàng đợi', excerpt: '' });
    await v5.table('flags').add(story);
    await v5.table('trash').add({ ...trashed, deletedAt: 5 });
    await v5.table('copies').bulkAdd([firstCopyOf({ ...story }), firstCopyOf({ ...trashed })]);
    await v5.table('settings').add({ key: 'copiesVersion', value: 7 });
    v5.close();

    const db = createDatabase({ name });
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    // (a) Every copy has its row, under the copy's id, with headline pairs, lead shingles and the slug.
    const rows = await db.dedupIndex.toArray();
    expect(rows.map((row) => row.id).sort()).toEqual([V1_FLAG.id, 'trashed'].sort());
    const row = rows.find((r) => r.id === V1_FLAG.id);
    expect(row?.keys).toEqual(expect.arrayContaining(['p:tau ca', 'p:truong sa', 's:baodaoxanh.example||tau-ca-gap-nan-gan-truong-sa']));
    expect(row?.keys.some((key) => key.startsWith('g:'))).toBe(true);
    expect(await db.dedupIndex.where('keys').equals('p:phu quoc').primaryKeys()).toEqual([V1_FLAG.id]);
    // The in-memory index's staleness counter is gone with it.
    expect(await db.settings.get('copiesVersion')).toBeUndefined();

    // (b) A repost of the migrated story on another site (no shared address) is found by its words.
    const repost = sampleFlag({
      ...story,
      id: 'repost',
      url: 'https://tonghoptinhay.example.com/tau-ca-phu-quoc',
      canonicalUrl: '',
      title: `${story.title} - Tổng Hợp Tin Hay`,
      siteName: 'Tổng Hợp Tin Hay',
      excerpt: '',
      publishedAt: '2026-11-05T14:00:00+07:00',
    });
    expect(await saveFlag(db, repost)).toEqual({ id: V1_FLAG.id, duplicateOf: V1_FLAG.id });
    expect((await listCopies(db, V1_FLAG.id)).map((copy) => [copy.id, copy.matchedBy])).toEqual([
      [V1_FLAG.id, 'first'],
      ['repost', 'title'],
    ]);
    // A story in the trash is in the index but not "already flagged".
    expect(await saveFlag(db, sampleFlag({ ...trashed, id: 'again', url: 'https://y.example/u', canonicalUrl: '' }))).toEqual({ id: 'again' });
    db.close();
  });
});

describe('v6 → v7: the briefing digest by day', () => {
  it('digests every flag of the queue (not the trash) into its Vietnam day, and keeps it in step afterwards', async () => {
    const name = `migration-v6-${Math.random()}`;
    const v6 = new Dexie(name);
    for (const version of [1, 2, 3, 4, 5, 6] as const) v6.version(version).stores(SCHEMA_VERSIONS[version]);
    // 23:30 in Hanoi on the 24th is still the 24th there, but 16:30 UTC.
    const late = sampleFlag({ id: 'late', capturedAt: Date.parse('2026-11-24T23:30:00+07:00'), category: 'border', watchTerms: ['cột mốc'] });
    const early = sampleFlag({ id: 'early', capturedAt: Date.parse('2026-11-25T00:10:00+07:00'), status: 'rebutted', copyCount: 4 });
    await v6.table('flags').bulkAdd([late, early]);
    await v6.table('trash').add({ ...sampleFlag({ id: 'trashed' }), deletedAt: 5 });
    v6.close();

    const db = createDatabase({ name });
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    const rows = await db.flagDays.orderBy('day').toArray();
    expect(rows.map((row) => [new Date(row.day * 86_400_000).toISOString().slice(0, 10), row.ids])).toEqual([
      ['2026-11-24', ['late']],
      ['2026-11-25', ['early']],
    ]);
    expect(rows[0]).toMatchObject({ category: ['border'], watchTerms: [['cột mốc']] });
    expect(rows[1]).toMatchObject({ status: ['rebutted'], copyCount: [4] });

    // After the upgrade, writes keep it in step: a status change, and a delete that empties a day.
    await db.flags.update('early', { status: 'confirmed' });
    await db.flags.delete('late');
    expect(await db.flagDays.toArray()).toEqual([expect.objectContaining({ ids: ['early'], status: ['confirmed'] })]);
    db.close();
  });
});

describe('v7 → v8: copies refiled under the keys dedup derives now', () => {
  it("drops the key of a canonical another site's page declared, so the real article is no longer \"already flagged\"", async () => {
    const name = `migration-v7-${Math.random()}`;
    const v7 = new Dexie(name);
    for (const version of [1, 2, 3, 4, 5, 6, 7] as const) v7.version(version).stores(SCHEMA_VERSIONS[version]);
    const real = 'https://vnexpress.net/thoi-su/tau-ca-gap-nan-o-truong-sa-4800000.html';
    // A hostile page flagged under v7: its copy was filed under the real article's address too.
    const hostile = sampleFlag({ id: 'hostile', url: 'https://fake-outlet.example/bai-12345.html', canonicalUrl: real, title: 'Bài xuyên tạc về chủ quyền biển đảo', excerpt: 'Nội dung xuyên tạc.' });
    const copy = { ...firstCopyOf(hostile as unknown as Record<string, unknown>) };
    expect(copy.urlKeys).toEqual(['https://fake-outlet.example/bai-12345.html', 'https://vnexpress.net/thoi-su/tau-ca-gap-nan-o-truong-sa-4800000.html']);
    await v7.table('flags').add(hostile);
    await v7.table('copies').add(copy);
    await v7.table('dedupIndex').add({ ...dedupIndexRow(dedupInputOfFlag(copy)), keys: [...dedupIndexRow(dedupInputOfFlag(copy)).keys, 'u:stale'] });
    v7.close();

    const db = createDatabase({ name });
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect((await db.copies.get('hostile'))?.urlKeys).toEqual(['https://fake-outlet.example/bai-12345.html']);
    expect((await db.dedupIndex.get('hostile'))?.keys).not.toContain('u:stale');
    expect(await listQueue(db)).toHaveLength(1);
    // The real article flagged now is a story of its own.
    expect(await saveFlag(db, sampleFlag({ id: 'real', url: real, canonicalUrl: real, title: 'Tàu cá gặp nạn ở Trường Sa', excerpt: 'Một tàu cá gặp nạn.' }))).toEqual({ id: 'real' });
    db.close();
  });
});
