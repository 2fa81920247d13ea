import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FLAG_COLUMNS, flagsToCsv } from '@/lib/csv/flag-columns';
import { type CsvFile, mergeFlagCsvFiles, mergeFlagRecords, storyRowsToCsv } from '@/lib/csv/merge-flag-csvs';
import { parseCsv } from '@/lib/csv/parse-csv';
import type { FlagRecord } from '@/lib/flag-record';
import { sampleFlag } from './support/sample-flag';

const NOW = Date.UTC(2026, 10, 27, 3, 0);
let counter = 0;
const options = { now: NOW, newId: () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}` };
const uuid = (n: number) => `aaaaaaaa-0000-4000-8000-${String(n).padStart(12, '0')}`;
const at = (day: number, hour: number) => Date.UTC(2026, 10, day, hour - 7); // Vietnam time

const ARTICLE = 'https://baodaoxanh.example/thoi-su/tau-ca-kg-95211-gap-nan-gan-truong-sa-7-ngu-dan-duoc-cuu-4821.html';
const HEADLINE = 'Tàu cá KG-95211 gặp nạn gần Trường Sa, 7 ngư dân được cứu';
const LEAD =
  'Sáng 24/11, tàu cá KG-95211 của ngư dân Kiên Giang bị hỏng máy và trôi dạt gần đảo Sinh Tồn. Lực lượng cứu hộ đã tiếp cận, đưa 7 ngư dân lên tàu an toàn và lai dắt tàu cá về đảo.';

/** Story A as four monitors' flags: tracking parameters, m. host, AMP path, and a repost elsewhere. */
function storyA(): { lan: FlagRecord[]; minh: FlagRecord[] } {
  const base = { title: `${HEADLINE} - Báo Đảo Xanh`, siteName: 'Báo Đảo Xanh', publishedAt: '2026-11-24T08:00:00+07:00', excerpt: LEAD };
  return {
    lan: [
      sampleFlag({ ...base, id: uuid(1), url: `${ARTICLE}?utm_source=zalo&zarsrc=30`, canonicalUrl: ARTICLE, capturedAt: at(24, 9), lastFlaggedAt: at(24, 9), monitor: 'Lan', watchTerms: ['Trường Sa'] }),
    ],
    minh: [
      sampleFlag({
        ...base,
        id: uuid(2),
        url: ARTICLE.replace('https://', 'https://m.') + '?fbclid=IwAR0x',
        canonicalUrl: ARTICLE,
        capturedAt: at(24, 10),
        lastFlaggedAt: at(25, 8),
        timesFlagged: 2,
        monitor: 'Minh',
        status: 'confirmed',
        category: 'sovereignty-sea-islands',
        watchTerms: ['KG-95211', 'Trường Sa'],
      }),
      sampleFlag({ ...base, id: uuid(3), url: ARTICLE.replace('.html', '.amp.html'), canonicalUrl: '', capturedAt: at(24, 11), lastFlaggedAt: at(24, 11), monitor: 'Minh', quote: '7 ngư dân được cứu' }),
      sampleFlag({
        ...base,
        id: uuid(4),
        url: 'https://tinsoc24h.example/p/98213',
        canonicalUrl: 'https://tinsoc24h.example/p/98213',
        title: `${HEADLINE} | Tin Sốc 24h`,
        siteName: 'Tin Sốc 24h',
        capturedAt: at(24, 12),
        lastFlaggedAt: at(24, 12),
        monitor: 'Minh',
        status: 'dismissed',
      }),
    ],
  };
}

/** Two incidents days apart whose headlines differ only in the boat's number. */
function twoBoats(): FlagRecord[] {
  const boat = (n: number, number: string, day: number) =>
    sampleFlag({
      id: uuid(10 + n),
      url: `https://baobiendong.example/tau-ca-qng-${number}-gap-nan-gan-hoang-sa-${n}.html`,
      canonicalUrl: `https://baobiendong.example/tau-ca-qng-${number}-gap-nan-gan-hoang-sa-${n}.html`,
      title: `Tàu cá QNg-${number} gặp nạn gần Hoàng Sa, ngư dân kêu cứu`,
      siteName: 'Báo Biển Đông',
      publishedAt: `2026-11-${day}T07:00:00+07:00`,
      capturedAt: at(day, 9),
      lastFlaggedAt: at(day, 9),
      monitor: 'Lan',
    });
  return [boat(1, '90123', 20), boat(2, '95678', 23)];
}

const fileOf = (name: string, records: FlagRecord[], headings: 'en' | 'vi' = 'en'): CsvFile => ({ name, text: flagsToCsv(records, headings) });

describe('mergeFlagRecords', () => {
  it('folds one story flagged under tracking, m., AMP and repost addresses by two monitors into one row', () => {
    const { lan, minh } = storyA();
    const rows = mergeFlagRecords([...lan, ...minh]);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row?.copies).toBe(2);
    // First-seen raw URL per canonical address: the m./AMP/fbclid variants are the same copy.
    expect(row?.copyUrls).toEqual([`${ARTICLE}?utm_source=zalo&zarsrc=30`, 'https://tinsoc24h.example/p/98213']);
    expect(row?.story).toMatchObject({
      id: uuid(1), // earliest captured
      url: `${ARTICLE}?utm_source=zalo&zarsrc=30`,
      timesFlagged: 5,
      capturedAt: at(24, 9),
      lastFlaggedAt: at(25, 8),
      monitor: 'Lan, Minh',
      watchTerms: ['Trường Sa', 'KG-95211'],
      status: 'confirmed', // one copy dismissed does not dismiss the story
      category: 'sovereignty-sea-islands',
      quote: '7 ngư dân được cứu',
    });
  });

  it('picks the most advanced status, and dismissed only when every copy is dismissed', () => {
    const { minh } = storyA();
    const statuses = (list: FlagRecord['status'][]) =>
      mergeFlagRecords(minh.slice(0, list.length).map((record, n) => ({ ...record, status: list[n] ?? 'new' })))[0]?.story.status;
    expect(statuses(['new', 'rebutted', 'confirmed'])).toBe('rebutted');
    expect(statuses(['sent_to_rebuttal', 'dismissed'])).toBe('sent_to_rebuttal');
    expect(statuses(['dismissed', 'dismissed'])).toBe('dismissed');
  });

  it('keeps two stories whose headlines differ only in a number apart, newest first', () => {
    const rows = mergeFlagRecords(twoBoats());
    expect(rows.map((row) => row.story.id)).toEqual([uuid(12), uuid(11)]);
    expect(rows.map((row) => row.copies)).toEqual([1, 1]);
  });

  it('counts the same flag found in two files once', () => {
    const { lan } = storyA();
    const [row] = mergeFlagRecords([...lan, ...lan.map((record) => ({ ...record, monitor: 'Minh' }))]);
    expect(row?.story.timesFlagged).toBe(1);
    expect(row?.copies).toBe(1);
  });

  it('joins a merged row to a story that holds one of its other copy URLs', () => {
    const merged = sampleFlag({ id: uuid(20), url: 'https://a.example/x-y-z', canonicalUrl: 'https://a.example/x-y-z', title: 'Một tiêu đề', capturedAt: at(20, 9) });
    const other = sampleFlag({ id: uuid(21), url: 'https://b.example/p?id=7&utm_medium=social', canonicalUrl: '', title: 'Tiêu đề hoàn toàn khác', capturedAt: at(21, 9) });
    const rows = mergeFlagRecords([merged, other], new Map([[uuid(20), ['https://a.example/x-y-z', 'https://b.example/p?id=7']]]));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.copyUrls).toEqual(['https://a.example/x-y-z', 'https://b.example/p?id=7']);
  });
});

describe('mergeFlagCsvFiles', () => {
  const twoMonitors = (): CsvFile[] => {
    const { lan, minh } = storyA();
    const [boat1, boat2] = twoBoats();
    return [fileOf('lan.csv', [...lan, boat1 as FlagRecord]), fileOf('minh.csv', [...minh, boat2 as FlagRecord], 'vi')];
  };

  it('merges two monitors’ exports (either heading language) into one row per story', () => {
    const { rows, report } = mergeFlagCsvFiles(twoMonitors(), options);
    expect(report).toEqual({
      files: [
        { name: 'lan.csv', rows: 2, problems: [] },
        { name: 'minh.csv', rows: 4, problems: [] },
      ],
      stories: 3,
      copies: 4,
    });
    expect(rows.map((row) => [row.story.id, row.copies])).toEqual([
      [uuid(1), 2],
      [uuid(12), 1],
      [uuid(11), 1],
    ]);
  });

  it('writes copies and copy_urls (one URL per line) after the export columns', () => {
    const csv = storyRowsToCsv(mergeFlagCsvFiles(twoMonitors(), options).rows);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, first] = parseCsv(csv);
    const at = header?.cells.indexOf('copies') ?? -1;
    expect(header?.cells.slice(at, at + 2)).toEqual(['copies', 'copy_urls']);
    expect(first?.cells.slice(at, at + 2)).toEqual(['2', `${ARTICLE}?utm_source=zalo&zarsrc=30\nhttps://tinsoc24h.example/p/98213`]);
    expect(parseCsv(storyRowsToCsv([], 'vi'))[0]?.cells.slice(at, at + 2)).toEqual(['Số bản sao', 'Các bản sao']);
  });

  it('is idempotent: merging a merged file, alone or twice, or with Vietnamese headings, changes nothing', () => {
    const merged = storyRowsToCsv(mergeFlagCsvFiles(twoMonitors(), options).rows);
    const again = (files: CsvFile[]) => storyRowsToCsv(mergeFlagCsvFiles(files, options).rows);
    expect(again([{ name: 'merged.csv', text: merged }])).toBe(merged);
    expect(again([{ name: 'a.csv', text: merged }, { name: 'b.csv', text: merged }])).toBe(merged);
    const mergedVi = storyRowsToCsv(mergeFlagCsvFiles(twoMonitors(), options).rows, 'vi');
    expect(again([{ name: 'merged-vi.csv', text: mergedVi }])).toBe(merged);
  });

  it('reports rejected rows by file and line and merges the rest', () => {
    const { lan } = storyA();
    const bad = [
      'url,title,captured_at,status',
      'https://a.example/1,Một,2026-11-24T08:30:00+07:00,new',
      ',Không có địa chỉ,,',
      '"https://a.example/3","Hai\ndòng",32/13/2026,',
      'javascript:alert(1),Địa chỉ sai,,',
      'https://a.example/5,Trạng thái lạ,,archived',
    ].join('\r\n');
    const { rows, report } = mergeFlagCsvFiles(
      [fileOf('lan.csv', lan), { name: 'bad.csv', text: bad }, { name: 'broken.csv', text: 'url,title\r\n"https://x.example,oops\r\n' }],
      options,
    );
    expect(report.files).toEqual([
      { name: 'lan.csv', rows: 1, problems: [] },
      {
        name: 'bad.csv',
        rows: 1,
        problems: [
          { line: 3, code: 'missing-url' },
          { line: 4, code: 'bad-date', value: '32/13/2026' },
          { line: 6, code: 'bad-url', value: 'javascript:alert(1)' },
          { line: 7, code: 'bad-status', value: 'archived' },
        ],
      },
      { name: 'broken.csv', rows: 0, problems: [{ line: 2, code: 'unclosed-quote' }] },
    ]);
    expect(rows).toHaveLength(2);
  });
});

describe('npm run merge (scripts/merge-csv.ts)', () => {
  const root = resolve(import.meta.dirname, '../..');
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/merge-csv.ts', ...args], { cwd: root, encoding: 'utf8' });

  it('merges files into one CSV, reports per file on stderr, and exits 0', () => {
    const dir = mkdtempSync(join(tmpdir(), 'canh-tin-merge-'));
    dirs.push(dir);
    const { lan, minh } = storyA();
    const badUrlRow = ','.repeat(FLAG_COLUMNS.findIndex((column) => column.key === 'url')) + 'javascript:alert(1)\r\n';
    writeFileSync(join(dir, 'lan.csv'), flagsToCsv(lan) + badUrlRow);
    writeFileSync(join(dir, 'minh.csv'), flagsToCsv([...minh, ...twoBoats()], 'vi'));
    const out = join(dir, 'merged.csv');

    const result = run([join(dir, 'lan.csv'), join(dir, 'minh.csv'), '-o', out, '--headings', 'vi']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('lan.csv: 1 rows read, 1 rejected');
    expect(result.stderr).toContain('line 3: not an http(s) address: javascript:alert(1)');
    expect(result.stderr).toContain('minh.csv: 5 rows read, 0 rejected');
    expect(result.stderr).toContain('total: 3 stories, 4 copies');

    const [header, ...body] = parseCsv(readFileSync(out, 'utf8'));
    const cell = (row: number, heading: string) => body[row]?.cells[header?.cells.indexOf(heading) ?? -1];
    expect(body).toHaveLength(3);
    expect(cell(0, 'Mã')).toBe(uuid(1));
    expect(cell(0, 'Số bản sao')).toBe('2');
    expect(cell(0, 'Các bản sao')?.split('\n')).toEqual([`${ARTICLE}?utm_source=zalo&zarsrc=30`, 'https://tinsoc24h.example/p/98213']);
    expect(cell(0, 'Số lần gắn cờ')).toBe('5');
  }, 30_000);

  it('exits 2 on a usage error and 1 when no input could be read, writing nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'canh-tin-merge-'));
    dirs.push(dir);
    expect(run([join(dir, 'a.csv')]).status).toBe(2); // no -o
    expect(run([join(dir, 'a.csv'), '-o', join(dir, 'm.csv'), '--headings', 'fr']).status).toBe(2);
    const missing = run([join(dir, 'missing.csv'), '-o', join(dir, 'm.csv')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('missing.csv (ENOENT): could not be read');
    expect(() => readFileSync(join(dir, 'm.csv'))).toThrow();
  }, 30_000);
});
