import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, filterChoices, matchesFilter, readQueue, QUEUE_SORTS, type QueueFilter } from '@/lib/queue/queue-query';
import { FLAG_STATUSES, SEVERITIES, type FlagRecord } from '@/lib/flag-record';
import { sampleFlag } from './support/sample-flag';
import { testDatabase } from './support/test-database';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 16, 0, 0);

function flag(n: number, overrides: Partial<FlagRecord> = {}): FlagRecord {
  return sampleFlag({
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    url: `https://a.example/${n}`,
    canonicalUrl: `https://a.example/${n}`,
    title: `Tin ${n}`,
    capturedAt: T0 + n * HOUR,
    lastFlaggedAt: T0 + n * HOUR,
    ...overrides,
  });
}

async function filled(records: FlagRecord[]) {
  const db = testDatabase();
  await db.flags.bulkAdd(records);
  return db;
}

const titles = (rows: FlagRecord[]) => rows.map((row) => row.title);

describe('readQueue', () => {
  it('pages newest first and never returns more than asked', async () => {
    const db = await filled([flag(1), flag(2), flag(3), flag(4)]);
    expect(titles(await readQueue(db, EMPTY_FILTER, 'captured', 2))).toEqual(['Tin 4', 'Tin 3']);
    expect(titles(await readQueue(db, EMPTY_FILTER, 'captured', 10))).toEqual(['Tin 4', 'Tin 3', 'Tin 2', 'Tin 1']);
  });

  it('filters by status, category, severity, monitor, language and flag-time range together', async () => {
    const db = await filled([
      flag(1, { status: 'confirmed', category: 'border', severity: 3, monitor: 'Lan', lang: 'vi' }),
      flag(2, { status: 'confirmed', category: 'border', severity: 1, monitor: 'Lan', lang: 'vi' }),
      flag(3, { status: 'new', category: 'border', severity: 3, monitor: 'Lan', lang: 'vi' }),
      flag(4, { status: 'confirmed', category: 'border', severity: 3, monitor: 'Minh', lang: 'zh-cn' }),
      flag(5, { status: 'confirmed', category: 'other', severity: 3, monitor: 'Lan', lang: 'vi' }),
    ]);
    const filter: QueueFilter = { ...EMPTY_FILTER, statuses: ['confirmed'], categories: ['border'], severities: [3] };
    expect(titles(await readQueue(db, filter, 'captured', 10))).toEqual(['Tin 4', 'Tin 1']);
    expect(titles(await readQueue(db, { ...filter, monitor: 'Lan' }, 'captured', 10))).toEqual(['Tin 1']);
    expect(titles(await readQueue(db, { ...EMPTY_FILTER, lang: 'zh' }, 'captured', 10))).toEqual(['Tin 4']);
    expect(titles(await readQueue(db, { ...EMPTY_FILTER, from: T0 + 2 * HOUR, to: T0 + 4 * HOUR }, 'captured', 10))).toEqual(['Tin 3', 'Tin 2']);
    expect(titles(await readQueue(db, { ...EMPTY_FILTER, categories: [''] }, 'captured', 10))).toEqual([]);
  });

  it('sorts by publication time (undated last) and by number of copies', async () => {
    const db = await filled([
      flag(1, { publishedAt: '2026-11-20T08:00:00+07:00', copyCount: 1 }),
      flag(2, { publishedAt: '', copyCount: 5 }),
      flag(3, { publishedAt: '2026-11-01T08:00:00+07:00', copyCount: 2 }),
    ]);
    expect(titles(await readQueue(db, EMPTY_FILTER, 'published', 10))).toEqual(['Tin 1', 'Tin 3', 'Tin 2']);
    expect(titles(await readQueue(db, EMPTY_FILTER, 'copies', 10))).toEqual(['Tin 2', 'Tin 3', 'Tin 1']);
  });

  it("sorts by the moment of publication, whatever offset each outlet wrote, a page at a time", async () => {
    const db = await filled([
      flag(1, { publishedAt: '2026-03-02T07:00:00+07:00' }), // 00:00 UTC on the 2nd
      flag(2, { publishedAt: '2026-03-01T23:30:00Z' }), // 23:30 UTC on the 1st (06:30 on the 2nd in Vietnam)
      flag(3, { publishedAt: '2026-03-02T07:15:00+08:00' }), // 23:15 UTC on the 1st: its text sorts first, it is the oldest
      flag(4, { publishedAt: '2026-03-02T06:45:00+07:00' }), // 23:45 UTC on the 1st
      flag(5, { publishedAt: '2026-03-01T20:00:00-10:00' }), // 06:00 UTC on the 2nd: the newest, though its text sorts last
    ]);
    expect(titles(await readQueue(db, EMPTY_FILTER, 'published', 10))).toEqual(['Tin 5', 'Tin 1', 'Tin 4', 'Tin 2', 'Tin 3']);
    expect(titles(await readQueue(db, EMPTY_FILTER, 'published', 2))).toEqual(['Tin 5', 'Tin 1']);
  });

  it('answers exactly like filtering every record, for any filter and sort (property)', { timeout: 60_000 }, async () => {
    const records = Array.from({ length: 40 }, (_, n) =>
      flag(n, {
        status: FLAG_STATUSES[n % 5],
        category: ['', 'border', 'other'][n % 3],
        severity: SEVERITIES[(n * 7) % 4],
        monitor: ['Lan', 'Minh'][n % 2],
        lang: ['vi', 'en', 'zh-cn'][(n * 5) % 3],
        // Mostly Vietnam time, but outlets from UTC-12 to UTC+14 too, whose text order is not time order.
        publishedAt: n % 4 === 0 ? '' : `2026-11-${String(1 + (n % 9)).padStart(2, '0')}T${String((n * 5) % 24).padStart(2, '0')}:00:00${['+07:00', '+07:00', '+08:00', 'Z', '-12:00', '+14:00'][n % 6]}`,
        copyCount: 1 + ((n * 13) % 6),
      }),
    );
    const db = await filled(records);
    const filterArb = fc.record({
      statuses: fc.subarray([...FLAG_STATUSES]),
      categories: fc.subarray(['', 'border', 'other']),
      severities: fc.subarray([...SEVERITIES]),
      from: fc.option(fc.integer({ min: 0, max: 40 }).map((h) => T0 + h * HOUR), { nil: undefined }),
      to: fc.option(fc.integer({ min: 0, max: 40 }).map((h) => T0 + h * HOUR), { nil: undefined }),
      monitor: fc.constantFrom('', 'Lan', 'Minh'),
      lang: fc.constantFrom('', 'vi', 'zh'),
    });
    await fc.assert(
      fc.asyncProperty(filterArb, fc.constantFrom(...QUEUE_SORTS), fc.integer({ min: 1, max: 45 }), async (filter, sort, limit) => {
        const rows = await readQueue(db, filter, sort, limit);
        const expected = records.filter(matchesFilter(filter));
        expect(rows.length).toBe(Math.min(limit, expected.length));
        expect(rows.every(matchesFilter(filter))).toBe(true);
        expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
        if (sort === 'captured') expect(rows).toEqual([...expected].sort((a, b) => b.capturedAt - a.capturedAt).slice(0, limit));
        if (sort === 'copies') for (let i = 1; i < rows.length; i += 1) expect(rows[i - 1]!.copyCount).toBeGreaterThanOrEqual(rows[i]!.copyCount);
        if (sort === 'published') {
          // Dated stories newest first by their instant, then the undated ones newest flagged first.
          const order = (row: FlagRecord) => (row.publishedAt ? `d${String(4e12 - Date.parse(row.publishedAt)).padStart(14, '0')}` : `u${String(4e12 - row.capturedAt).padStart(14, '0')}`);
          const byOrder = (a: FlagRecord, b: FlagRecord) => order(a).localeCompare(order(b));
          expect(rows.map(order)).toEqual([...expected].sort(byOrder).slice(0, limit).map(order));
        }
      }),
      // Enough runs that the rarer shapes (two categories and no single status, say) come up every time.
      { numRuns: 400 },
    );
  });
});

describe('filterChoices', () => {
  it('lists the monitors and languages present, without empty values', async () => {
    const db = await filled([flag(1, { monitor: 'Lan', lang: 'vi' }), flag(2, { monitor: '', lang: '' }), flag(3, { monitor: 'Minh', lang: 'vi' })]);
    expect(await filterChoices(db)).toEqual({ monitors: ['Lan', 'Minh'], langs: ['vi'] });
  });
});
