import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultWatchlistSettings } from '@/lib/settings/watchlist-settings';
import {
  BACKUP_TABLES,
  BackupError,
  backupFileName,
  DERIVED_TABLES,
  parseBackup,
  readBackup,
  serializeBackup,
  type Backup,
  type BackupProblem,
} from '@/lib/backup/backup-format';
import { createBackup } from '@/lib/backup/create-backup';
import { readFlagsCsv } from '@/lib/csv/read-flags-csv';
import { importFlags } from '@/lib/db/import-flags';
import { mergeStories, restoreStory } from '@/lib/db/story-edits';
import { eraseEverything } from '@/lib/backup/erase-everything';
import { importBackup } from '@/lib/backup/import-backup';
import { restoreBackup } from '@/lib/backup/restore-backup';
import type { CopyMatch } from '@/lib/copy-record';
import { listAllFlags, listCopies, listEvidence, moveToTrash, saveFlag } from '@/lib/db/flag-repository';
import { setCaptureMhtml } from '@/lib/db/settings-repository';
import { CURRENT_SCHEMA_VERSION, type CanhTinDatabase } from '@/lib/db/schema';
import type { EvidenceRecord } from '@/lib/evidence/evidence-record';
import { FLAG_STATUSES, FLAG_TRIGGERS, SEVERITIES } from '@/lib/flag-record';
import { getAppSettings, updateAppSettings } from '@/lib/settings/app-settings';
import { sampleFlag } from './support/sample-flag';
import { testDatabase } from './support/test-database';

const NOW = Date.UTC(2026, 10, 27, 3, 0);

const STORY = sampleFlag({
  id: 'a0000000-0000-4000-8000-000000000001',
  url: 'https://baodaoxanh.example/bien-dao/tau-ca-gap-nan-t55120.html?utm_source=fb',
  canonicalUrl: 'https://baodaoxanh.example/bien-dao/tau-ca-gap-nan-t55120.html',
  title: 'Tàu cá Phú Quốc gặp nạn gần quần đảo Trường Sa, 7 ngư dân được cứu',
  siteName: 'Báo Đảo Xanh',
  publishedAt: '2026-11-05T08:30:00+07:00',
  excerpt: 'Tàu cá KG-95211-TS bị hỏng máy, nứt vỏ khi gặp sóng lớn ở vùng biển gần quần đảo Trường Sa. Toàn bộ 7 ngư dân đã được cứu.',
  capturedAt: 1000,
  lastFlaggedAt: 1000,
  monitor: 'Lan',
  category: 'sovereignty-sea-islands',
});

const REPOST = sampleFlag({
  ...STORY,
  id: 'a0000000-0000-4000-8000-000000000002',
  url: 'https://tonghoptinhay.example.com/tau-ca-phu-quoc-gap-nan-7-ngu-dan',
  canonicalUrl: 'https://tonghoptinhay.example.com/tau-ca-phu-quoc-gap-nan-7-ngu-dan',
  title: 'Tàu cá Phú Quốc gặp nạn gần quần đảo Trường Sa, 7 ngư dân được cứu - Tổng Hợp Tin Hay',
  siteName: 'Tổng Hợp Tin Hay',
  capturedAt: 2000,
  lastFlaggedAt: 2000,
  monitor: 'Hùng',
});

const OTHER = sampleFlag({
  id: 'b0000000-0000-4000-8000-000000000003',
  url: 'https://tiengvongbienthuy.example/cot-moc-giang-thanh',
  canonicalUrl: 'https://tiengvongbienthuy.example/cot-moc-giang-thanh',
  title: 'Cột mốc biên giới Giang Thành bị “dời”: video cắt ghép',
  siteName: 'Tiếng Vọng Biên Thùy',
  excerpt: 'Một đoạn video lan truyền cho rằng cột mốc đã bị dời vào đất Việt Nam.',
  capturedAt: 3000,
  lastFlaggedAt: 3000,
  category: 'border',
});

function evidenceOf(id: string, extra: Partial<EvidenceRecord> = {}): Omit<EvidenceRecord, 'flagId'> {
  return {
    id,
    capturedAt: 1000,
    tabUrl: STORY.url,
    userAgent: 'Chromium',
    text: 'Tàu cá KG-95211-TS bị hỏng máy…',
    textSha256: 'ab'.repeat(32),
    screenshot: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2, 250]),
    screenshotSha256: 'cd'.repeat(32),
    ...extra,
  };
}

/** A queue as a monitor leaves it: a story with a repost, another story in the trash, evidence, settings. */
async function monitorsDatabase(): Promise<CanhTinDatabase> {
  const db = testDatabase();
  await saveFlag(db, STORY, evidenceOf('e1'));
  await saveFlag(db, REPOST, evidenceOf('e2', { screenshot: undefined, screenshotSha256: undefined, screenshotProblem: 'not-visible' }));
  await saveFlag(db, OTHER, evidenceOf('e3', { mhtml: new TextEncoder().encode('MIME-Version: 1.0\r\nSnapshot'), mhtmlSha256: 'ef'.repeat(32) }));
  await moveToTrash(db, OTHER.id, 5000);
  await updateAppSettings(db, { monitorName: 'Lan', unitName: 'Sở TT&TT Kiên Giang', csvHeadings: 'vi' });
  await setCaptureMhtml(db, true);
  return db;
}

async function tables(db: CanhTinDatabase): Promise<Record<string, unknown[]>> {
  return Object.fromEntries(await Promise.all(BACKUP_TABLES.map(async (name) => [name, await db.table(name).toArray()] as const)));
}

function problemOf(action: () => unknown): BackupProblem | 'accepted' {
  try {
    action();
  } catch (error) {
    if (error instanceof BackupError) return error.problem;
    throw error;
  }
  return 'accepted';
}

describe('the backup document', () => {
  it('holds every table, versioned, with evidence bytes as base64', async () => {
    const db = await monitorsDatabase();
    const text = serializeBackup(await createBackup(db, { includeEvidence: true, now: NOW }));
    const json = JSON.parse(text) as Record<string, unknown> & { evidence: Record<string, unknown>[] };
    expect(json).toMatchObject({ format: 'canh-tin/backup', version: 1, createdAt: '2026-11-27T10:00:00+07:00', schemaVersion: CURRENT_SCHEMA_VERSION });
    expect(Object.keys(json)).toEqual(['format', 'version', 'createdAt', 'schemaVersion', 'flags', 'copies', 'trash', 'settings', 'evidence']);
    expect(json.evidence.find((e) => e.id === 'e1')?.screenshot).toBe(btoa(String.fromCharCode(0xff, 0xd8, 0xff, 0xe0, 0, 1, 2, 250)));
    expect(json.evidence.find((e) => e.id === 'e2')).not.toHaveProperty('screenshot');
  });

  it('leaves evidence out unless asked', async () => {
    const db = await monitorsDatabase();
    const backup = await createBackup(db, { includeEvidence: false, now: NOW });
    expect(backup).not.toHaveProperty('evidence');
    expect(JSON.parse(serializeBackup(backup))).not.toHaveProperty('evidence');
  });

  it('carries the watchlist (kept in extension storage) when the page making it passes it, and reads it back checked', async () => {
    const db = await monitorsDatabase();
    const watchlist = defaultWatchlistSettings();
    watchlist.disabledHosts = ['mxh.example'];
    watchlist.groups[0]!.terms.push({ term: 'Đá Gạc Ma', variants: ['Gac Ma'] });
    const text = serializeBackup(await createBackup(db, { includeEvidence: false, now: NOW, watchlist }));
    expect(parseBackup(text).watchlist).toEqual(watchlist);
    expect(parseBackup(serializeBackup(await createBackup(db, { includeEvidence: false, now: NOW })))).not.toHaveProperty('watchlist');
    const broken = JSON.stringify({ ...(JSON.parse(text) as object), watchlist: { version: 1, groups: 'none' } });
    expect(problemOf(() => parseBackup(broken))).toEqual({ code: 'bad-field', field: 'watchlist' });
  });

  it('is named by the date in Vietnam', () => {
    expect(backupFileName(Date.UTC(2026, 10, 26, 18, 30))).toBe('canh-tin_backup_2026-11-27.json');
    expect(backupFileName(Date.UTC(2026, 10, 26, 16, 59))).toBe('canh-tin_backup_2026-11-26.json');
  });

  it('holds every table of the database except the derived ones (a new table must be added to one list)', () => {
    expect(testDatabase().tables.map((t) => t.name).sort()).toEqual([...BACKUP_TABLES, ...DERIVED_TABLES].sort());
  });
});

describe('reading a backup file', () => {
  async function validText(): Promise<string> {
    return serializeBackup(await createBackup(await monitorsDatabase(), { includeEvidence: true, now: NOW }));
  }

  type Row = Record<string, unknown>;
  type BackupJson = { version: number; schemaVersion: number; flags: Row[]; copies: Row[]; trash: Row[]; evidence: Row[] } & Record<string, unknown>;

  function edited(text: string, change: (json: BackupJson) => void): string {
    const json = JSON.parse(text) as BackupJson;
    change(json);
    return JSON.stringify(json);
  }

  it.each([
    ['not JSON', 'url,title\r\nhttps://a.example,x'],
    ['a CSV export', '\uFEFFid,captured_at,status\r\n'],
    ['another JSON file', '{"groups":[]}'],
    ['a watchlist export', '[{"name":"Biển đảo","terms":["Hoàng Sa"]}]'],
    ['null', 'null'],
  ])('refuses %s as not our format', (_case, text) => {
    expect(problemOf(() => parseBackup(text))).toEqual({ code: 'not-our-format' });
  });

  it('refuses a backup from a newer Canh Tin, rather than dropping what it does not know', async () => {
    const text = await validText();
    expect(problemOf(() => parseBackup(edited(text, (j) => void (j.version = 2))))).toEqual({ code: 'newer-version', version: 2 });
    expect(problemOf(() => parseBackup(edited(text, (j) => void (j.schemaVersion = CURRENT_SCHEMA_VERSION + 1))))).toMatchObject({ code: 'newer-version' });
  });

  it('names the first bad record by table, place and field', async () => {
    const text = await validText();
    const badUrl = edited(text, (j) => void (j.copies[1]!.url = 'javascript:alert(1)'));
    expect(problemOf(() => parseBackup(badUrl))).toEqual({ code: 'bad-record', table: 'copies', index: 1, field: 'url' });
    const badStatus = edited(text, (j) => void (j.flags[0]!.status = 'done'));
    expect(problemOf(() => parseBackup(badStatus))).toEqual({ code: 'bad-record', table: 'flags', index: 0, field: 'status' });
    const badBytes = edited(text, (j) => void (j.evidence[0]!.screenshot = 'not base64!'));
    expect(problemOf(() => parseBackup(badBytes))).toEqual({ code: 'bad-record', table: 'evidence', index: 0, field: 'screenshot' });
    const twice = edited(text, (j) => void j.flags.push(j.flags[0]!));
    expect(problemOf(() => parseBackup(twice))).toEqual({ code: 'bad-record', table: 'flags', index: 1, field: 'id' });
    const noCopies = edited(text, (j) => void Reflect.deleteProperty(j, 'copies'));
    expect(problemOf(() => parseBackup(noCopies))).toEqual({ code: 'bad-field', field: 'copies' });
  });

  it('for a merge, keeps the good records and lists the bad ones', async () => {
    const text = await validText();
    const { backup, problems } = readBackup(edited(text, (j) => void (j.trash[0]!.capturedAt = 'yesterday')));
    expect(problems).toEqual([{ code: 'bad-record', table: 'trash', index: 0, field: 'capturedAt' }]);
    expect(backup.trash).toEqual([]);
    expect(backup.flags).toHaveLength(1);
  });

  it('accepts a file that an editor saved with a byte-order mark', async () => {
    expect(parseBackup(`\uFEFF${await validText()}`).flags).toHaveLength(1);
  });
});

describe('restore', () => {
  it('brings back exactly what was backed up, replacing what is there', async () => {
    const source = await monitorsDatabase();
    const backup = parseBackup(serializeBackup(await createBackup(source, { includeEvidence: true, now: NOW })));
    const target = testDatabase();
    await saveFlag(target, sampleFlag({ id: 'ffffffff-0000-4000-8000-000000000009', url: 'https://else.example/x', canonicalUrl: 'https://else.example/x', title: 'Khác' }), evidenceOf('gone'));
    await updateAppSettings(target, { monitorName: 'Someone else' });
    expect(await restoreBackup(target, backup)).toEqual({ flags: 1, trash: 1, copies: 3, evidence: 3 });
    expect(await tables(target)).toEqual(await tables(source));
    expect(await getAppSettings(target)).toMatchObject({ monitorName: 'Lan', unitName: 'Sở TT&TT Kiên Giang', csvHeadings: 'vi' });
  });

  it('restores copies that an imported file listed under long addresses (their ids hold the address)', async () => {
    const source = testDatabase();
    const longSlug = `https://a.example/${'tau-ca-gap-nan-o-truong-sa-'.repeat(25)}123.html`;
    const csv = `id,url,title,copy_urls\r\naaaaaaaa-1111-4222-8333-444444444444,https://z.example/x,Tin,"https://b.example/1\n${longSlug}"\r\n`;
    const read = readFlagsCsv(csv, { now: NOW, newId: () => 'unused' });
    await importFlags(source, read.records, read.copyUrls);
    expect((await source.copies.toArray()).some((copy) => copy.id.length > 500)).toBe(true);
    const target = testDatabase();
    await restoreBackup(target, parseBackup(serializeBackup(await createBackup(source, { includeEvidence: false, now: NOW }))));
    expect(await tables(target)).toEqual(await tables(source));
  });

  it('keeps a merged story\'s record of what it brought, so "Restore" in the trash still gives it its copies', async () => {
    const source = testDatabase();
    await saveFlag(source, STORY);
    await saveFlag(source, OTHER);
    await mergeStories(source, STORY.id, [OTHER.id], NOW);
    const target = testDatabase();
    await restoreBackup(target, parseBackup(serializeBackup(await createBackup(source, { includeEvidence: true, now: NOW }))));
    expect(await tables(target)).toEqual(await tables(source));
    await restoreStory(target, OTHER.id);
    expect((await listCopies(target, OTHER.id)).map((copy) => copy.url)).toEqual([OTHER.url]);
  });

  it('refiles the copies of a backup made before schema 8 under the keys dedup derives now', async () => {
    const source = testDatabase();
    const real = 'https://vnexpress.net/thoi-su/tau-ca-gap-nan-o-truong-sa-4800000.html';
    await saveFlag(source, sampleFlag({ id: 'aaaaaaaa-0000-4000-8000-00000000000a', url: 'https://fake-outlet.example/bai-12345.html', canonicalUrl: real, title: 'Bài xuyên tạc', excerpt: 'Nội dung xuyên tạc.' }));
    const backup = await createBackup(source, { includeEvidence: false, now: NOW });
    // As schema 7 stored it: filed under the foreign canonical too.
    const old: Backup = { ...backup, schemaVersion: 7, copies: backup.copies.map((copy) => ({ ...copy, urlKeys: [...copy.urlKeys, real] })) };
    const target = testDatabase();
    await restoreBackup(target, parseBackup(serializeBackup(old)));
    expect((await target.copies.toArray()).map((copy) => copy.urlKeys)).toEqual([['https://fake-outlet.example/bai-12345.html']]);
    expect(await saveFlag(target, sampleFlag({ id: 'bbbbbbbb-0000-4000-8000-00000000000b', url: real, canonicalUrl: real, title: 'Tàu cá gặp nạn ở Trường Sa', excerpt: 'Một tàu cá gặp nạn.' }))).toEqual({ id: 'bbbbbbbb-0000-4000-8000-00000000000b' });
  });

  it('rebuilds the dedup index, so the restored stories are "already flagged"', async () => {
    const source = testDatabase();
    await saveFlag(source, STORY);
    const target = testDatabase();
    await restoreBackup(target, parseBackup(serializeBackup(await createBackup(source, { includeEvidence: false }))));
    expect(await target.dedupIndex.count()).toBe(await target.copies.count());
    // Same headline on another site: found by words, not by address.
    expect(await saveFlag(target, REPOST)).toEqual({ id: STORY.id, duplicateOf: STORY.id });
  });

  it('a backup made without evidence keeps the evidence already here for the stories it holds, and no other', async () => {
    const source = await monitorsDatabase();
    const backup = await createBackup(source, { includeEvidence: false });
    await saveFlag(source, sampleFlag({ id: 'ffffffff-0000-4000-8000-000000000009', url: 'https://else.example/x', canonicalUrl: 'https://else.example/x', title: 'Khác' }), evidenceOf('later'));
    await restoreBackup(source, backup);
    expect((await source.evidence.toArray()).map((e) => e.id).sort()).toEqual(['e1', 'e2', 'e3']);
    expect(await listAllFlags(source)).toHaveLength(1);
  });

  it('changes nothing when the write fails part-way', async () => {
    const db = await monitorsDatabase();
    const before = await tables(db);
    const other = testDatabase();
    await saveFlag(other, sampleFlag({ id: 'ffffffff-0000-4000-8000-000000000009', url: 'https://else.example/x', canonicalUrl: 'https://else.example/x', title: 'Khác' }));
    await saveFlag(other, REPOST);
    const backup = await createBackup(other, { includeEvidence: true });
    let writes = 0;
    db.copies.hook('creating', () => {
      writes += 1;
      if (writes === 2) throw new Error('disk full');
    });
    await expect(restoreBackup(db, backup)).rejects.toThrow('disk full');
    expect(await tables(db)).toEqual(before);
    expect(await db.dedupIndex.count()).toBe(await db.copies.count());
  });

  describe('round trip (property-based)', () => {
    const text = fc.string({ unit: 'binary', maxLength: 12 });
    const time = fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) });
    const url = fc.webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true, withFragments: true });
    const flagFields = {
      url,
      canonicalUrl: fc.oneof(url, fc.constant('')),
      title: text,
      siteName: text,
      description: text,
      lang: fc.constantFrom('', 'vi', 'en', 'zh-cn'),
      quote: text,
      foundOnUrl: fc.oneof(url, fc.constant('')),
      capturedAt: time,
      lastFlaggedAt: time,
      timesFlagged: fc.nat(50),
      monitor: text,
      trigger: fc.constantFrom(...FLAG_TRIGGERS),
      status: fc.constantFrom(...FLAG_STATUSES),
      category: fc.constantFrom('', 'border', 'ton-giao'),
      watchTerms: fc.array(text, { maxLength: 3 }),
      author: text,
      publishedAt: fc.constantFrom('', '2026-11-24T08:00:00+07:00'),
      publishedAtZoneAssumed: fc.boolean(),
      modifiedAt: fc.constantFrom('', '2026-11-24T09:00:00Z'),
      excerpt: text,
      wordCount: fc.nat(5000),
      copyCount: fc.nat(20),
      severity: fc.constantFrom(...SEVERITIES),
      tags: fc.array(text, { maxLength: 3 }),
      note: text,
      exportedAt: fc.oneof(fc.constant(0), time),
    };
    const id = fc.uuid();
    const flag = fc.record({ id, ...flagFields });
    const trashed = fc.record({ id, ...flagFields, deletedAt: time });
    const copy = fc.record({
      id: fc.oneof(id, fc.string({ minLength: 1, maxLength: 40 })),
      flagId: id,
      url,
      canonicalUrl: fc.oneof(url, fc.constant('')),
      urlKeys: fc.array(fc.string({ maxLength: 30 }), { maxLength: 2 }),
      title: text,
      siteName: text,
      publishedAt: fc.constantFrom('', '2026-11-24T08:00:00+07:00'),
      excerpt: text,
      monitors: fc.array(text, { maxLength: 2 }),
      firstSeenAt: time,
      lastSeenAt: time,
      timesSeen: fc.nat(20),
      matchedBy: fc.constantFrom<CopyMatch>('first', 'url', 'canonical-url', 'title', 'text', 'manual', 'imported'),
    });
    const evidence = fc.record(
      {
        id,
        flagId: id,
        capturedAt: time,
        tabUrl: text,
        userAgent: text,
        text,
        textSha256: fc.string({ maxLength: 64 }),
        screenshot: fc.uint8Array({ maxLength: 300 }),
        screenshotSha256: fc.string({ maxLength: 64 }),
        screenshotProblem: fc.constantFrom('not-visible' as const, 'capture-failed' as const, 'quota-exceeded' as const),
        mhtml: fc.uint8Array({ maxLength: 300 }),
        mhtmlSha256: fc.string({ maxLength: 64 }),
      },
      { requiredKeys: ['id', 'flagId', 'capturedAt', 'tabUrl', 'userAgent', 'text', 'textSha256'] },
    );
    // Through JSON once: fc.jsonValue can give -0, which JSON (and so any backup file) writes as 0.
    const setting = fc.record({ key: fc.string({ minLength: 1, maxLength: 20 }), value: fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.parse(JSON.stringify(value)) as unknown) });
    const content = fc.record({
      flags: fc.uniqueArray(flag, { selector: (r) => r.id, maxLength: 6 }),
      trash: fc.uniqueArray(trashed, { selector: (r) => r.id, maxLength: 3 }),
      copies: fc.uniqueArray(copy, { selector: (r) => r.id, maxLength: 6 }),
      evidence: fc.uniqueArray(evidence, { selector: (r) => r.id, maxLength: 3 }),
      settings: fc.uniqueArray(setting, { selector: (r) => r.key, maxLength: 4 }),
    });

    it('any database content → backup → restore into an empty database → identical tables', async () => {
      await fc.assert(
        fc.asyncProperty(content, async (rows) => {
          const source = testDatabase();
          await source.transaction('rw', source.tables, async () => {
            for (const name of BACKUP_TABLES) await source.table(name).bulkAdd(rows[name]);
          });
          const text = serializeBackup(await createBackup(source, { includeEvidence: true }));
          const target = testDatabase();
          await restoreBackup(target, parseBackup(text));
          expect(await tables(target)).toEqual(await tables(source));
          // And a second trip through the file changes nothing either.
          expect(serializeBackup({ ...(await createBackup(target, { includeEvidence: true })), createdAt: '' })).toBe(
            serializeBackup({ ...parseBackup(text), createdAt: '' }),
          );
          source.close();
          target.close();
        }),
        { numRuns: 40 },
      );
      // 80 databases filled and compared: seconds on a busy machine.
    }, 60_000);
  });
});

describe("merging another monitor's backup", () => {
  /** Hùng's queue: the same story as ours (found on the repost), with evidence; a story of his own with a second copy. */
  async function hungsBackup(): Promise<Backup> {
    const db = testDatabase();
    await saveFlag(db, { ...REPOST, monitor: 'Hùng' }, evidenceOf('h1', { tabUrl: REPOST.url }));
    await saveFlag(db, { ...OTHER, monitor: 'Hùng' }, evidenceOf('h2', { tabUrl: OTHER.url }));
    const otherRepost = sampleFlag({
      ...OTHER,
      id: 'b0000000-0000-4000-8000-000000000004',
      url: 'https://tonghoptinhay.example.com/cot-moc-giang-thanh-bi-doi',
      canonicalUrl: 'https://tonghoptinhay.example.com/cot-moc-giang-thanh-bi-doi',
      siteName: 'Tổng Hợp Tin Hay',
      monitor: 'Hùng',
    });
    expect(await saveFlag(db, otherRepost)).toEqual({ id: OTHER.id, duplicateOf: OTHER.id });
    // Something Hùng deleted stays deleted.
    const deleted = sampleFlag({ id: 'c0000000-0000-4000-8000-000000000005', url: 'https://rac.example/1', canonicalUrl: 'https://rac.example/1', title: 'Rác' });
    await saveFlag(db, deleted);
    await moveToTrash(db, deleted.id, 9000);
    await updateAppSettings(db, { monitorName: 'Hùng', unitName: 'Đội phản bác', csvHeadings: 'en' });
    return parseBackup(serializeBackup(await createBackup(db, { includeEvidence: true })));
  }

  it('adds his new stories, merges ours through dedup, brings his evidence along, and leaves our settings alone', async () => {
    const db = testDatabase();
    await saveFlag(db, STORY, evidenceOf('ours'));
    await updateAppSettings(db, { monitorName: 'Lan', unitName: 'Sở TT&TT', csvHeadings: 'vi' });
    const settingsBefore = await db.settings.toArray();

    expect(await importBackup(db, await hungsBackup())).toEqual({ added: 1, merged: 1, copiesElsewhere: [], evidence: 2 });

    const stories = await listAllFlags(db);
    expect(stories.map((s) => s.id).sort()).toEqual([STORY.id, OTHER.id]);
    expect((await listCopies(db, STORY.id)).map((c) => [c.siteName, c.monitors])).toEqual([
      ['Báo Đảo Xanh', ['Lan']],
      ['Tổng Hợp Tin Hay', ['Hùng']],
    ]);
    // His story keeps its second copy (as a listed copy, like a merged CSV's copy_urls).
    expect((await listCopies(db, OTHER.id)).map((c) => c.url)).toEqual([OTHER.url, 'https://tonghoptinhay.example.com/cot-moc-giang-thanh-bi-doi']);
    expect((await listEvidence(db, STORY.id)).map((e) => e.id).sort()).toEqual(['h1', 'ours']);
    expect((await listEvidence(db, OTHER.id)).map((e) => e.id)).toEqual(['h2']);
    expect(await db.trash.count()).toBe(0);
    expect(await db.settings.toArray()).toEqual(settingsBefore);
    expect(await db.dedupIndex.count()).toBe(await db.copies.count());
  });

  it('importing the same backup again adds nothing', async () => {
    const db = testDatabase();
    const backup = await hungsBackup();
    expect(await importBackup(db, backup)).toEqual({ added: 2, merged: 0, copiesElsewhere: [], evidence: 2 });
    const before = await tables(db);
    expect(await importBackup(db, backup)).toEqual({ added: 0, merged: 2, copiesElsewhere: [], evidence: 0 });
    const after = await tables(db);
    expect(after.copies).toEqual(before.copies);
    expect(after.evidence).toEqual(before.evidence);
  });

  it('changes nothing when the write fails part-way', async () => {
    const db = testDatabase();
    await saveFlag(db, STORY);
    const before = await tables(db);
    db.evidence.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(importBackup(db, await hungsBackup())).rejects.toThrow('disk full');
    expect(await tables(db)).toEqual(before);
  });
});

describe('delete everything', () => {
  it('empties every table, settings included, in one go', async () => {
    const db = await monitorsDatabase();
    await eraseEverything(db);
    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
    expect(await getAppSettings(db)).toMatchObject({ monitorName: '', unitName: '' });
  });

  it('changes nothing when it fails', async () => {
    const db = await monitorsDatabase();
    const before = await tables(db);
    db.settings.hook('deleting', () => {
      throw new Error('locked');
    });
    // With a deleting hook Dexie clears row by row, so the hook fails the transaction mid-way.
    await expect(eraseEverything(db)).rejects.toThrow('locked');
    expect(await tables(db)).toEqual(before);
  });
});
