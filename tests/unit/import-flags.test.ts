import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS } from '@/lib/categories';
import { decodeTextFile } from '@/lib/csv/decode-text-file';
import { flagsToCsv } from '@/lib/csv/flag-columns';
import { parseCsv } from '@/lib/csv/parse-csv';
import { readFlagsCsv } from '@/lib/csv/read-flags-csv';
import { importFlags } from '@/lib/db/import-flags';
import { listAllFlags, listCopies, saveFlag } from '@/lib/db/flag-repository';
import { FLAG_STATUSES, FLAG_TRIGGERS, SEVERITIES, type FlagRecord } from '@/lib/flag-record';
import { sampleFlag } from './support/sample-flag';
import { testDatabase } from './support/test-database';

const NOW = Date.UTC(2026, 10, 27, 3, 0);
let counter = 0;
const options = { now: NOW, newId: () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}` };

function flag(overrides: Partial<FlagRecord> = {}): FlagRecord {
  return sampleFlag({
    url: 'https://baodaoxanh.example/a?utm_source=zalo',
    canonicalUrl: 'https://baodaoxanh.example/a',
    title: 'Tàu cá "KG-95211" gặp nạn, 7 ngư dân',
    description: 'Mô tả',
    quote: 'dòng 1\ndòng 2',
    lastFlaggedAt: Date.UTC(2026, 10, 24, 2, 30),
    status: 'confirmed',
    category: 'sovereignty-sea-islands',
    watchTerms: ['Trường Sa'],
    author: 'Nguyễn Thị Hải Yến',
    publishedAt: '2026-11-24T08:00:00+07:00',
    excerpt: 'Tàu cá KG-95211 bị hỏng máy…',
    ...overrides,
  });
}

describe('readFlagsCsv', () => {
  it('reads back what flagsToCsv wrote, in either heading language, formulas included', () => {
    const records = [flag(), flag({ id: 'aaaaaaaa-2222-4333-8444-555555555555', title: '=HYPERLINK("x")', siteName: '-TinSoc-', monitor: '@bando' })];
    for (const headings of ['en', 'vi'] as const) {
      const read = readFlagsCsv(flagsToCsv(records, headings), options);
      expect(read.problems).toEqual([]);
      expect(read.records).toEqual(records.map((r) => ({ ...r, capturedAt: Math.floor(r.capturedAt / 1000) * 1000 })));
    }
  });

  it('reports bad rows by line with the offending value, and keeps the good ones', () => {
    const csv = [
      'url,title,captured_at,status,category',
      'https://a.example/1,Một,2026-11-24T08:30:00+07:00,new,',
      ',Không có địa chỉ,,,',
      'https://a.example/3,Ngày sai,32/13/2026,,',
      'javascript:alert(1),Địa chỉ sai,,,',
      '"https://a.example/5","Nhiều',
      'dòng",24/11/2026 08:30,rebutted,border',
      'https://a.example/7,Trạng thái sai,,done,',
      'https://a.example/8,Chuyên mục sai,,,Thời tiết!',
    ].join('\r\n');
    const read = readFlagsCsv(csv, options);
    expect(read.problems).toEqual([
      { line: 3, code: 'missing-url' },
      { line: 4, code: 'bad-date', value: '32/13/2026' },
      { line: 5, code: 'bad-url', value: 'javascript:alert(1)' },
      { line: 8, code: 'bad-status', value: 'done' },
      { line: 9, code: 'bad-category', value: 'Thời tiết!' },
    ]);
    expect(read.lines).toEqual([2, 6]);
    expect(read.records[1]).toMatchObject({ title: 'Nhiều dòng', status: 'rebutted', category: 'border', capturedAt: Date.parse('2026-11-24T08:30:00+07:00') });
    // Rows without a date get the import time.
    expect(read.records[0]!.capturedAt).toBe(Date.parse('2026-11-24T08:30:00+07:00'));
  });

  it('refuses a file without a url column, and names an unclosed quote', () => {
    expect(readFlagsCsv('title\r\nx\r\n', options).problems).toEqual([{ line: 1, code: 'no-url-column' }]);
    expect(readFlagsCsv('url,title\r\nhttps://a.example,"open\r\n', options).problems).toEqual([{ line: 2, code: 'unclosed-quote' }]);
  });

  it('reads a file Excel saved again with ";" (a Vietnamese Windows) or tabs, in either heading language', () => {
    const records = [flag({ title: 'Tàu lạ; gần đảo, “Trường Sa”', note: 'dòng 1\ndòng 2' })];
    for (const headings of ['en', 'vi'] as const) {
      const commas = flagsToCsv(records, headings);
      const expected = readFlagsCsv(commas, options).records;
      // What Excel writes for the same sheet: the same quoting, another separator.
      for (const separator of [';', '\t']) {
        const resaved = parseCsv(commas)
          .map((row) => row.cells.map((cell) => (/[";\t\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(separator))
          .join('\r\n');
        const read = readFlagsCsv(resaved, options);
        expect(read.problems).toEqual([]);
        expect(read.records).toEqual(expected);
      }
    }
  });

  it('skips the empty rows a spreadsheet leaves below the data, and takes statuses in any case', () => {
    const read = readFlagsCsv('url,status,title\r\nhttps://a.example/1,Confirmed,Một\r\n,,\r\n,,\r\n', options);
    expect(read.problems).toEqual([]);
    expect(read.records.map((record) => record.status)).toEqual(['confirmed']);
  });

  it('refuses a times_flagged that is not a plain whole number a backup could hold', () => {
    const read = readFlagsCsv('url,times_flagged\r\nhttps://a.example/1,99999999999999999999\r\nhttps://a.example/2,0x10\r\nhttps://a.example/3,1e3\r\nhttps://a.example/4,12\r\n', options);
    expect(read.problems.map((problem) => problem.line)).toEqual([2, 3, 4]);
    expect(read.records.map((record) => record.timesFlagged)).toEqual([12]);
  });
});

describe('decodeTextFile', () => {
  const text = 'url,title\r\nhttps://a.example/1,Tàu cá gặp nạn ở Trường Sa\r\n';

  it('reads UTF-8 with or without a BOM, and UTF-16 ("Unicode text") by its BOM', () => {
    const utf8 = new TextEncoder().encode(text);
    expect(decodeTextFile(utf8)).toEqual({ text, encoding: 'utf-8' });
    expect(decodeTextFile(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8])).text).toBe(text);
    const utf16 = Uint8Array.from([0xff, 0xfe, ...new Uint8Array(Uint16Array.from(text, (c) => c.charCodeAt(0)).buffer)]);
    expect(decodeTextFile(utf16)).toEqual({ text, encoding: 'utf-16le' });
  });

  it('reads a UTF-8 file with one stray byte as UTF-8 (one "�"), not as Windows-1258', () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode(text), 0x92, ...new TextEncoder().encode('Tàu cá\r\n')]);
    const decoded = decodeTextFile(bytes);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toBe(`${text}\uFFFDTàu cá\r\n`);
  });

  it('reads a short Windows-1258 text whose bytes happen to form a UTF-8 sequence as Windows-1258', () => {
    // “TIN GIẢ” in Windows-1258: the bytes of "Ả" (A + combining hook, 0x41 0xD2) and the closing quote (0x94)
    // make one well-formed UTF-8 sequence (0xD2 0x94), next to the bad 0x93 of the opening quote.
    const decoded = decodeTextFile(Uint8Array.from([0x93, 0x54, 0x49, 0x4e, 0x20, 0x47, 0x49, 0x41, 0xd2, 0x94]));
    expect(decoded).toEqual({ text: '“TIN GIẢ”', encoding: 'windows-1258' });
  });

  it('reads a Windows-1258 file (Excel\'s plain CSV on a Vietnamese Windows) with its letters whole', () => {
    // "Tàu cá" in Windows-1258: à and á are single bytes there (0xE0, 0xE1); "ạ" is "a" + the combining dot below (0xF2).
    const bytes = Uint8Array.from([...new TextEncoder().encode('url,title\r\nhttps://a.example/1,'), 0x54, 0xe0, 0x75, 0x20, 0x63, 0xe1, 0x20, 0x6e, 0x61, 0xf2, 0x6e]);
    const decoded = decodeTextFile(bytes);
    expect(decoded.encoding).toBe('windows-1258');
    expect(readFlagsCsv(decoded.text, options).records[0]!.title).toBe('Tàu cá nạn');
  });
});

describe('importFlags', () => {
  it('adds new flags and merges ones already in the queue (same id or same canonical URL)', async () => {
    const db = testDatabase();
    await saveFlag(db, flag());
    const outcome = await importFlags(db, [
      flag(), // the same flag exported and re-imported
      flag({ id: 'bbbbbbbb-2222-4333-8444-555555555555', monitor: 'Hùng', timesFlagged: 2, capturedAt: 1000 }),
      // The same story reposted on another site: a copy, not a new line.
      flag({ id: 'cccccccc-2222-4333-8444-555555555555', canonicalUrl: 'https://other.example/b', url: 'https://other.example/b', siteName: 'Other' }),
      // Another story.
      flag({
        id: 'eeeeeeee-2222-4333-8444-555555555555',
        canonicalUrl: 'https://other.example/c',
        url: 'https://other.example/c',
        title: 'Cột mốc biên giới Giang Thành bị “dời”: video cắt ghép',
        excerpt: 'Một đoạn video lan truyền cho rằng cột mốc đã bị dời.',
      }),
    ]);
    expect(outcome).toEqual({ added: 1, merged: 3, copiesElsewhere: [] });
    const all = await listAllFlags(db);
    expect(all).toHaveLength(2);
    expect(all.find((r) => r.canonicalUrl === 'https://baodaoxanh.example/a')).toMatchObject({ timesFlagged: 4, capturedAt: 1000, copyCount: 2 });
    expect((await listCopies(db, flag().id)).map((c) => [c.url, c.timesSeen, c.monitors])).toEqual([
      ['https://baodaoxanh.example/a?utm_source=zalo', 3, ['Lan', 'Hùng']],
      ['https://other.example/b', 1, ['Lan']],
    ]);
  });

  it('importing a flag already here again changes nothing, not even what was edited here since', async () => {
    const db = testDatabase();
    await importFlags(db, [flag({ severity: 3, tags: ['x'], note: 'Ghi chú của Hùng' })]);
    await db.flags.update(flag().id, { severity: 1, tags: [], note: '' });
    const edited = await listAllFlags(db);
    expect(await importFlags(db, [flag({ severity: 3, tags: ['x'], note: 'Ghi chú của Hùng' })])).toEqual({ added: 0, merged: 1, copiesElsewhere: [] });
    expect(await listAllFlags(db)).toEqual(edited);
  });

  it('changes nothing when the write fails part-way', async () => {
    const db = testDatabase();
    let writes = 0;
    db.flags.hook('creating', () => {
      writes += 1;
      if (writes === 2) throw new Error('disk full');
    });
    await expect(
      importFlags(db, [
        flag(),
        flag({ id: 'dddddddd-2222-4333-8444-555555555555', canonicalUrl: 'https://x.example/', url: 'https://x.example/', title: 'Một chuyện khác hẳn', excerpt: '' }),
      ]),
    ).rejects.toThrow();
    expect(await listAllFlags(db)).toEqual([]);
    expect(await db.copies.count()).toBe(0);
  });
});

describe('importing a merged file', () => {
  it("adds the copies a row lists in copy_urls to its story, once, however often it is imported", async () => {
    const db = testDatabase();
    const csv = flagsToCsv([{ record: flag(), copyUrls: [flag().url, 'https://tinmoilen.example/tau-ca-7-ngu-dan', 'https://m.baodaoxanh.example/a?fbclid=x'] }]);
    for (let i = 0; i < 2; i += 1) {
      const read = readFlagsCsv(csv, options);
      await importFlags(db, read.records, read.copyUrls);
    }
    expect(await listAllFlags(db)).toMatchObject([{ copyCount: 2 }]);
    expect((await listCopies(db, flag().id)).map((c) => [c.url, c.matchedBy])).toEqual([
      [flag().url, 'first'],
      ['https://tinmoilen.example/tau-ca-7-ngu-dan', 'imported'],
    ]);
    // The listed copy is known by address: flagging it later is "already flagged".
    expect(await saveFlag(db, flag({ id: 'ffffffff-2222-4333-8444-555555555555', url: 'https://tinmoilen.example/tau-ca-7-ngu-dan?utm_source=x', canonicalUrl: '', title: 'Khác' }))).toEqual({
      id: flag().id,
      duplicateOf: flag().id,
    });
  });

  it('reports a listed address that is already a copy of another story, and leaves both stories as they are', async () => {
    const db = testDatabase();
    const other = flag({ id: 'dddddddd-2222-4333-8444-555555555555', url: 'https://one.example/cot-moc', canonicalUrl: 'https://one.example/cot-moc', title: 'Cột mốc Giang Thành bị “dời”: video cắt ghép', excerpt: 'Video cắt ghép về cột mốc.' });
    await saveFlag(db, other);
    const row = flag({ id: 'eeeeeeee-2222-4333-8444-555555555555', url: 'https://three.example/video-123', canonicalUrl: 'https://three.example/video-123', title: 'Một tin hoàn toàn khác về giá xăng', excerpt: 'Giá xăng tăng.' });
    const outcome = await importFlags(db, [row], [['https://three.example/video-123', 'https://one.example/cot-moc?utm_source=zalo', 'https://two.example/moi']]);
    expect(outcome).toEqual({ added: 1, merged: 0, copiesElsewhere: [{ record: 0, url: 'https://one.example/cot-moc?utm_source=zalo' }] });
    expect((await listCopies(db, other.id)).map((copy) => copy.url)).toEqual([other.url]);
    expect((await listCopies(db, row.id)).map((copy) => copy.url)).toEqual([row.url, 'https://two.example/moi']);
  });
});

describe('CSV round trip (property-based)', () => {
  const text = fc.string({ unit: fc.constantFrom('a', 'ă', 'Đ', 'ữ', ' ', ',', '"', '\n', '=', '+', '-', '@', '南', '😀', 'x') });
  const record = fc.record({
    id: fc.uuid({ version: 4 }),
    path: fc.stringMatching(/^[a-z0-9-]{1,20}$/),
    title: text,
    siteName: text,
    quote: text,
    monitor: text,
    capturedAt: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }).map((ms) => Math.floor(ms / 1000) * 1000),
    timesFlagged: fc.integer({ min: 1, max: 50 }),
    status: fc.constantFrom(...FLAG_STATUSES),
    trigger: fc.constantFrom(...FLAG_TRIGGERS),
    category: fc.constantFrom('', ...CATEGORY_IDS),
    severity: fc.constantFrom(...SEVERITIES),
    tags: fc.uniqueArray(fc.constantFrom('facebook', 'video', 'Hoàng Sa', 'đường lưỡi bò', '=cmd', '南海'), { maxLength: 3 }),
    note: text,
    exportedAt: fc.oneof(fc.constant(0), fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }).map((ms) => Math.floor(ms / 1000) * 1000)),
  });

  it('any set of flags exported and imported comes back equal (after the same cleaning a flag gets)', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 8 }), fc.constantFrom('en' as const, 'vi' as const), (rows, headings) => {
        const records = rows.map((r) =>
          flag({
            id: r.id,
            url: `https://a.example/${r.path}`,
            canonicalUrl: `https://a.example/${r.path}`,
            title: r.title.replace(/\s+/g, ' ').trim(),
            siteName: r.siteName.replace(/\s+/g, ' ').trim(),
            quote: r.quote.replace(/[^\S\n]+/g, ' ').replace(/ *\n */g, '\n').replace(/\n{3,}/g, '\n\n').trim(),
            monitor: r.monitor.replace(/\s+/g, ' ').trim().slice(0, 120),
            capturedAt: r.capturedAt,
            lastFlaggedAt: r.capturedAt,
            timesFlagged: r.timesFlagged,
            status: r.status,
            trigger: r.trigger,
            category: r.category,
            severity: r.severity,
            tags: r.tags,
            note: r.note.replace(/[^\S\n]+/g, ' ').replace(/ *\n */g, '\n').replace(/\n{3,}/g, '\n\n').trim(),
            exportedAt: r.exportedAt,
          }),
        );
        const read = readFlagsCsv(flagsToCsv(records, headings), options);
        expect(read.problems).toEqual([]);
        expect(read.records).toEqual(records);
      }),
      { numRuns: 200 },
    );
  });
});

describe('imported copies in the dedup index', () => {
  const listed = 'https://tinmoilen.example/thoi-su/tau-ca-kg-95211-gap-nan-7-ngu-dan.html';

  it('an address listed in copy_urls is indexed: the same article under another section is found by its slug', async () => {
    const db = testDatabase();
    const read = readFlagsCsv(flagsToCsv([{ record: flag(), copyUrls: [flag().url, listed] }]), options);
    await importFlags(db, read.records, read.copyUrls);
    expect(await db.dedupIndex.get(`${flag().id}:${listed}`)).toMatchObject({ keys: ['s:tinmoilen.example||tau-ca-kg-95211-gap-nan-7-ngu-dan'] });
    const printView = flag({ id: 'eeeeeeee-2222-4333-8444-555555555555', url: listed.replace('/thoi-su/', '/ban-in/'), canonicalUrl: '', title: '', excerpt: '' });
    expect(await saveFlag(db, printView)).toEqual({ id: flag().id, duplicateOf: flag().id });
  });

  it('flagging a listed address fills in its headline, so a later repost is found by words', async () => {
    const db = testDatabase();
    const read = readFlagsCsv(flagsToCsv([{ record: flag({ title: 'Tin gốc khác hẳn' }), copyUrls: [flag().url, listed] }]), options);
    await importFlags(db, read.records, read.copyUrls);
    const headline = 'Tàu cá KG-95211 gặp nạn gần Trường Sa, 7 ngư dân được đưa vào bờ';
    await saveFlag(db, flag({ id: 'eeeeeeee-2222-4333-8444-555555555556', url: listed, canonicalUrl: '', title: headline }));
    expect((await listCopies(db, flag().id)).find((copy) => copy.url === listed)).toMatchObject({ title: headline, matchedBy: 'imported' });
    const repost = flag({ id: 'eeeeeeee-2222-4333-8444-555555555557', url: 'https://khac.example/p/1', canonicalUrl: '', title: `${headline} - Khác`, excerpt: '' });
    expect(await saveFlag(db, repost)).toEqual({ id: flag().id, duplicateOf: flag().id });
  });

  it('a failed import leaves no index rows behind', async () => {
    const db = testDatabase();
    db.copies.hook('creating', (_key, copy) => {
      if (copy.url === listed) throw new Error('disk full');
    });
    const read = readFlagsCsv(flagsToCsv([{ record: flag(), copyUrls: [flag().url, listed] }]), options);
    await expect(importFlags(db, read.records, read.copyUrls)).rejects.toThrow();
    expect(await db.dedupIndex.count()).toBe(0);
  });
});
