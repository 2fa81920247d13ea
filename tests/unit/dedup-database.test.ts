/**
 * The dedup decision through the database (lib/db/dedup-index.ts) on
 * fake-indexeddb: the labelled fixture clusters exactly through saveFlag, the
 * decision only ever reads through indexes with bounded limits, and merges,
 * splits, the trash and imports keep it right.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DBCore, DBCoreQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { listCopies, moveToTrash, restoreFromTrash, saveFlag } from '@/lib/db/flag-repository';
import type { CanhTinDatabase } from '@/lib/db/schema';
import { mergeStories, splitCopy } from '@/lib/db/story-edits';
import { isHeadlineKey, postingCap, probeKeys } from '@/lib/dedup/dedup-keys';
import { dedupInputOfFlag, recordFeatures } from '@/lib/dedup/record-features';
import type { FlagRecord } from '@/lib/flag-record';
import { sampleFlag } from './support/sample-flag';
import { testDatabase } from './support/test-database';

interface FixtureRecord {
  url: string;
  title: string;
  site: string;
  published_at: string | null;
  excerpt: string;
  story: string;
}

const fixture: FixtureRecord[] = readFileSync(resolve(import.meta.dirname, '../fixtures/dedup/stories.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as FixtureRecord);

/** A fixture record as flagged: the same fields the eval and the in-memory tests feed in. */
function asFlag(record: FixtureRecord, at: number): FlagRecord {
  return sampleFlag({
    id: `r${at}`,
    url: record.url,
    canonicalUrl: '',
    title: record.title,
    siteName: record.site,
    publishedAt: record.published_at ?? '',
    excerpt: record.excerpt,
    capturedAt: 1000 + at,
    lastFlaggedAt: 1000 + at,
  });
}

/** Flags the fixture records in `order`; returns the story each landed in. */
async function flagAll(order: readonly number[]): Promise<{ db: CanhTinDatabase; story: Map<number, string> }> {
  const db = testDatabase();
  const story = new Map<number, string>();
  for (const at of order) story.set(at, (await saveFlag(db, asFlag(fixture[at] as FixtureRecord, at))).id);
  return { db, story };
}

const pairs = fixture.flatMap((_, a) => fixture.flatMap((__, b) => (a < b ? [[a, b] as const] : [])));
const sameStory = (a: number, b: number) => fixture[a]?.story === fixture[b]?.story;
const forward = fixture.map((_, at) => at);

describe('saveFlag on the fictional fixture', () => {
  it.each([
    ['in log order', forward],
    ['interleaved', [...forward.filter((at) => at % 2 === 1), ...forward.filter((at) => at % 2 === 0)]],
  ])('clusters exactly by story %s', async (_name, order) => {
    const { db, story } = await flagAll(order);
    for (const [a, b] of pairs) {
      expect(story.get(a) === story.get(b), `#${a} ${fixture[a]?.story} vs #${b} ${fixture[b]?.story}`).toBe(sameStory(a, b));
    }
    // Every copy is in the index, under its own id.
    expect((await db.dedupIndex.toCollection().primaryKeys()).sort()).toEqual((await db.copies.toCollection().primaryKeys()).sort());
  });

  it('in reverse order merges no two stories; a record that bridges two stories already apart does not merge them', async () => {
    const { story } = await flagAll([...forward].reverse());
    const missed: string[] = [];
    for (const [a, b] of pairs) {
      if (story.get(a) === story.get(b)) expect(sameStory(a, b), `wrong merge #${a} / #${b}`).toBe(true);
      else if (sameStory(a, b)) missed.push(`${a}-${b}`);
    }
    // #16 (another headline, the same lead) came first; #15 (a bare Google link) second;
    // #14 is both #15's address and #16's lead. The in-memory CLI merges on such a bridge
    // (findDuplicate's alsoOf); the extension leaves it to the monitor's merge button.
    expect(missed).toEqual(['14-16', '15-16']);
  });
});

interface Read {
  table: string;
  index: string;
  kind: 'query' | 'openCursor' | 'count';
  wholeTable: boolean;
  limit?: number;
}

// DBCoreRangeType.Any: a const enum, so not importable under isolatedModules.
const ANY_RANGE = 3;

/**
 * Records every ranged read the database answers once `reads.on` is set (a
 * DBCore middleware: the real queries, not a mock). Call before the database opens.
 */
function recordReads(db: CanhTinDatabase): { on: boolean; list: Read[] } {
  const reads = { on: false, list: [] as Read[] };
  const readOf = (table: string, query: DBCoreQuery, kind: Read['kind'], limit?: number): Read => ({
    table,
    index: query.index.name || ':id',
    kind,
    wholeTable: query.range.type === ANY_RANGE,
    ...(limit === undefined ? {} : { limit }),
  });
  db.use({
    stack: 'dbcore',
    name: 'read-recorder',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          query: (req) => {
            if (reads.on) reads.list.push(readOf(name, req.query, 'query', req.limit));
            return table.query(req);
          },
          openCursor: (req) => {
            if (reads.on) reads.list.push(readOf(name, req.query, 'openCursor'));
            return table.openCursor(req);
          },
          count: (req) => {
            if (reads.on) reads.list.push(readOf(name, req.query, 'count'));
            return table.count(req);
          },
        };
      },
    }),
  });
  return reads;
}

const ORIGINAL = sampleFlag({
  id: 'a0000000-0000-4000-8000-000000000001',
  url: 'https://baodaoxanh.example/bien-dao/tau-ca-gap-nan-t55120.html',
  canonicalUrl: 'https://baodaoxanh.example/bien-dao/tau-ca-gap-nan-t55120.html',
  title: 'Tàu cá Phú Quốc gặp nạn gần quần đảo Trường Sa, 7 ngư dân được cứu',
  siteName: 'Báo Đảo Xanh',
  publishedAt: '2026-11-05T08:30:00+07:00',
  excerpt: 'Tàu cá KG-95211-TS bị hỏng máy, nứt vỏ khi gặp sóng lớn ở vùng biển gần quần đảo Trường Sa. Toàn bộ 7 ngư dân đã được cứu.',
});

/** The same headline on another site, hours later: a fuzzy copy (no shared address). */
function repost(id: string, host = 'tonghoptinhay.example.com'): FlagRecord {
  return sampleFlag({
    ...ORIGINAL,
    id,
    url: `https://${host}/${id}`,
    canonicalUrl: '',
    title: `${ORIGINAL.title} - Tổng Hợp Tin Hay`,
    siteName: 'Tổng Hợp Tin Hay',
    publishedAt: '2026-11-05T14:00:00+07:00',
    excerpt: '',
  });
}

describe('the decision reads through indexes only', () => {
  it('never reads a whole table, and stops every posting list one past its cap', async () => {
    const db = testDatabase();
    const reads = recordReads(db);
    // Boilerplate: 120 stories whose headlines all start "Tin nóng:" and share the lead's opening.
    for (let n = 0; n < 120; n += 1) {
      await saveFlag(db, sampleFlag({ id: `b${n}`, url: `https://tinnong.example/${n}`, canonicalUrl: '', title: `Tin nóng hôm nay số ${n}`, excerpt: `Theo thông tin từ phóng viên, sự việc thứ ${n} xảy ra.` }));
    }
    await saveFlag(db, ORIGINAL);
    reads.on = true;
    expect(await saveFlag(db, repost('c1'))).toEqual({ id: ORIGINAL.id, duplicateOf: ORIGINAL.id });
    expect(await saveFlag(db, sampleFlag({ id: 'n1', url: 'https://tinnong.example/new', canonicalUrl: '', title: 'Tin nóng hôm nay', excerpt: 'Theo thông tin từ phóng viên, sự việc' }))).toEqual({ id: 'n1' });

    expect(reads.list.length).toBeGreaterThan(0);
    expect(reads.list.filter((read) => read.wholeTable)).toEqual([]);
    expect(reads.list.filter((read) => read.kind !== 'query')).toEqual([]);
    const postings = reads.list.filter((read) => read.table === 'dedupIndex' && read.index === 'keys');
    expect(postings.length).toBeGreaterThan(0);
    for (const read of postings) expect(read.limit).toBeLessThanOrEqual(Math.max(postingCap('p:'), postingCap('g:'), postingCap('s:')) + 1);
  });
});

describe('headlines of common words', () => {
  it('a cut headline whose probed word pairs are all boilerplate is still found through its other pairs', async () => {
    const db = testDatabase();
    const syllables = ['an', 'binh', 'cuong', 'dung', 'giang', 'hai', 'khanh', 'linh', 'minh', 'ngoc'];
    const word = (n: number) => `${syllables[n % 10]}${syllables[Math.floor(n / 10) % 10]}`;
    // 40 stories with "canh bao", "song lon" and "vung bien" in their headlines (over the
    // pair cap), never "bao song" or "lon vung".
    for (let n = 0; n < 40; n += 1) {
      const title = `Cảnh báo ${word(n)} sóng lớn ${word(n + 40)} vùng biển ${word(n + 80)}`;
      await saveFlag(db, sampleFlag({ id: `f${n}`, url: `https://canhbao.example/${n}`, canonicalUrl: '', title, excerpt: '' }));
    }
    const target = sampleFlag({ id: 'target', url: 'https://thoitiet.example/1', canonicalUrl: '', title: 'Cảnh báo sóng lớn vùng biển phía nam', publishedAt: '2026-11-05T08:00:00+07:00', excerpt: '' });
    await saveFlag(db, target);
    const cut = sampleFlag({ id: 'cut', url: 'https://tonghop.example/2', canonicalUrl: '', title: 'Cảnh báo sóng lớn vùng biển p…', publishedAt: '2026-11-05T10:00:00+07:00', excerpt: '' });
    expect(probeKeys(recordFeatures(dedupInputOfFlag(cut))).filter(isHeadlineKey)).toEqual(['p:canh bao', 'p:song lon', 'p:vung bien']);
    expect(await saveFlag(db, cut)).toEqual({ id: 'target', duplicateOf: 'target' });
  });
});

describe('dedup after corrections by hand', () => {
  it('after a merge, a repost of the merged-away story joins the story it was merged into', async () => {
    const db = testDatabase();
    const other = sampleFlag({ id: 'other', url: 'https://tinmoi.example/x', canonicalUrl: '', title: 'Ngư dân Phú Quốc được cứu sau bão', excerpt: '' });
    await saveFlag(db, ORIGINAL);
    await saveFlag(db, other);
    await mergeStories(db, ORIGINAL.id, [other.id], 5);
    expect(await saveFlag(db, sampleFlag({ ...other, id: 'again', url: 'https://khac.example/y', title: `${other.title} - Khác` }))).toEqual({
      id: ORIGINAL.id,
      duplicateOf: ORIGINAL.id,
    });
  });

  it('after a wrong merge is split out, a repost of the split copy joins the story made for it', async () => {
    const db = testDatabase();
    const other = sampleFlag({ id: 'other', url: 'https://tinmoi.example/x', canonicalUrl: '', title: 'Ngư dân Phú Quốc được cứu sau bão', excerpt: '' });
    await saveFlag(db, ORIGINAL);
    await saveFlag(db, other);
    await mergeStories(db, ORIGINAL.id, [other.id], 5);
    const { story } = await splitCopy(db, other.id);
    expect(await saveFlag(db, sampleFlag({ ...other, id: 'again', url: 'https://khac.example/y', title: `${other.title} - Khác` }))).toEqual({
      id: story.id,
      duplicateOf: story.id,
    });
  });

  it('a story in the trash is not found by words; restored, it is found again', async () => {
    const db = testDatabase();
    await saveFlag(db, ORIGINAL);
    await moveToTrash(db, ORIGINAL.id, 5);
    expect(await saveFlag(db, repost('c1'))).toEqual({ id: 'c1' });
    await restoreFromTrash(db, ORIGINAL.id);
    const found = await saveFlag(db, repost('c2', 'thirdsite.example'));
    expect(found.duplicateOf).toBeDefined();
    expect((await listCopies(db, found.id)).length).toBe(2);
  });
});
