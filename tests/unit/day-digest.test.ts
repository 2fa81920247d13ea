/**
 * The briefing's digest by day (lib/dashboard/day-digest.ts) and the
 * middleware that keeps it in step with flags (lib/db/day-digest-sync.ts):
 * whatever is done to flags, the digest says what flags say.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBackup } from '@/lib/backup/create-backup';
import { eraseEverything } from '@/lib/backup/erase-everything';
import { restoreBackup } from '@/lib/backup/restore-backup';
import { applyToDayRow, dayNumbersOf, dayRowsOf, emptyDayRow, flagsInRows, vietnamDayNumber, type DayDigestRow } from '@/lib/dashboard/day-digest';
import { digestInputOf } from '@/lib/db/day-digest-sync';
import type { CanhTinDatabase } from '@/lib/db/schema';
import { FLAG_STATUSES, type FlagRecord } from '@/lib/flag-record';
import { isoWeekPeriod } from '@/lib/time/periods';
import { sampleFlag } from './support/sample-flag';
import { testDatabase } from './support/test-database';

const vn = (iso: string) => Date.parse(`${iso}+07:00`);

/** The digest as a comparable value: one sorted line per story. */
function digestLines(rows: readonly DayDigestRow[]): string[] {
  return flagsInRows(rows, { start: -Infinity, end: Infinity })
    .map((flag) => JSON.stringify([vietnamDayNumber(flag.capturedAt), flag]))
    .sort();
}

/** What the digest must say: every flag now in the table, digested from scratch. */
async function expectedLines(db: CanhTinDatabase): Promise<string[]> {
  const flags = (await db.flags.toArray()).map((flag) => digestInputOf(flag)!);
  return digestLines(dayRowsOf(flags));
}

describe('Vietnam days', () => {
  it('cuts days at Vietnam midnight, not UTC midnight', () => {
    expect(vietnamDayNumber(vn('2026-11-24T23:59:59'))).toBe(vietnamDayNumber(vn('2026-11-24T00:00:00')));
    expect(vietnamDayNumber(vn('2026-11-25T00:00:00'))).toBe(vietnamDayNumber(vn('2026-11-24T00:00:00')) + 1);
  });

  it('a week touches exactly its seven days', () => {
    const [first, last] = dayNumbersOf(isoWeekPeriod(2026, 48));
    expect(last - first).toBe(6);
    expect(first).toBe(vietnamDayNumber(vn('2026-11-23T00:00:00')));
  });
});

describe('a day row', () => {
  it('updates a story in place, removes one, adds one; every column stays aligned', () => {
    const row = dayRowsOf([sampleFlag({ id: 'a', severity: 1 }), sampleFlag({ id: 'b' })])[0]!;
    applyToDayRow(row, ['b'], [sampleFlag({ id: 'a', severity: 3 }), sampleFlag({ id: 'c', category: 'other' })]);
    expect(row.ids).toEqual(['a', 'c']);
    expect(row.severity).toEqual([3, 0]);
    expect(row.category).toEqual(['', 'other'].map((c, i) => (i === 0 ? sampleFlag().category : c)));
    for (const column of [row.capturedAt, row.status, row.copyCount, row.siteName, row.lang, row.watchTerms]) expect(column).toHaveLength(2);
  });

  it('an id both removed and upserted in one change stays (a story edited within its day)', () => {
    const row = applyToDayRow(emptyDayRow(1), [], [sampleFlag({ id: 'a' })]);
    applyToDayRow(row, ['a'], [sampleFlag({ id: 'a', status: 'confirmed' })]);
    expect(row.ids).toEqual(['a']);
    expect(row.status).toEqual(['confirmed']);
  });

  it('reads back only the stories inside the period', () => {
    const rows = dayRowsOf([sampleFlag({ id: 'in', capturedAt: vn('2026-11-23T00:00:00') }), sampleFlag({ id: 'out', capturedAt: vn('2026-11-22T23:59:59') })]);
    expect(flagsInRows(rows, isoWeekPeriod(2026, 48)).map((flag) => flag.id)).toEqual(['in']);
  });
});

describe('the digest follows every write to flags', () => {
  it('add, bulk put, update, modify, delete, clear', async () => {
    const db = testDatabase();
    await db.flags.add(sampleFlag({ id: 'one', capturedAt: vn('2026-11-23T08:00:00') }));
    await db.flags.bulkPut([sampleFlag({ id: 'two', capturedAt: vn('2026-11-23T09:00:00') }), sampleFlag({ id: 'three', capturedAt: vn('2026-11-26T09:00:00') })]);
    await db.flags.update('one', { severity: 2, capturedAt: vn('2026-11-20T09:00:00') });
    await db.flags.where('capturedAt').above(vn('2026-11-23T08:30:00')).modify({ status: 'sent_to_rebuttal' });
    expect(digestLines(await db.flagDays.toArray())).toEqual(await expectedLines(db));
    await db.flags.bulkDelete(['two', 'three']);
    expect(await db.flagDays.count()).toBe(1);
    await db.flags.clear();
    expect(await db.flagDays.count()).toBe(0);
  });

  it('a write and its digest fail together: an aborted transaction leaves both as they were', async () => {
    const db = testDatabase();
    await db.flags.add(sampleFlag({ id: 'kept' }));
    await expect(
      db.transaction('rw', db.flags, async () => {
        await db.flags.put(sampleFlag({ id: 'kept', status: 'rebutted' }));
        await db.flags.add(sampleFlag({ id: 'new' }));
        throw new Error('the import found a bad line');
      }),
    ).rejects.toThrow('bad line');
    expect(digestLines(await db.flagDays.toArray())).toEqual(await expectedLines(db));
    expect((await db.flagDays.toArray())[0]?.status).toEqual(['new']);
  });

  it('a failed add in a bulk (an id already there) leaves the digest of the stored story alone', async () => {
    const db = testDatabase();
    await db.flags.add(sampleFlag({ id: 'a', severity: 1 }));
    await db.flags.bulkAdd([sampleFlag({ id: 'a', severity: 3 }), sampleFlag({ id: 'b' })]).catch(() => undefined);
    expect(digestLines(await db.flagDays.toArray())).toEqual(await expectedLines(db));
  });

  it('a restored backup has its digest; "delete everything" leaves none', async () => {
    const db = testDatabase();
    await db.flags.bulkAdd([sampleFlag({ id: 'a', capturedAt: vn('2026-11-23T08:00:00') }), sampleFlag({ id: 'b', capturedAt: vn('2026-11-25T08:00:00') })]);
    const backup = await createBackup(db, { includeEvidence: false, now: 0 });
    await db.flags.bulkAdd([sampleFlag({ id: 'c' })]);
    await restoreBackup(db, backup);
    expect(digestLines(await db.flagDays.toArray())).toEqual(await expectedLines(db));
    expect(await db.flagDays.count()).toBe(2);
    await eraseEverything(db);
    expect(await db.flagDays.count()).toBe(0);
  });

  const operation = fc.oneof(
    fc.record({ kind: fc.constant('put' as const), id: fc.integer({ min: 0, max: 7 }), day: fc.integer({ min: 0, max: 3 }), hour: fc.integer({ min: 0, max: 23 }), status: fc.constantFrom(...FLAG_STATUSES), severity: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const) }),
    fc.record({ kind: fc.constant('delete' as const), id: fc.integer({ min: 0, max: 7 }) }),
    fc.record({ kind: fc.constant('modify' as const), day: fc.integer({ min: 0, max: 3 }), status: fc.constantFrom(...FLAG_STATUSES) }),
    fc.record({ kind: fc.constant('concurrent' as const), ids: fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 2, maxLength: 5 }), day: fc.integer({ min: 0, max: 3 }) }),
    fc.record({ kind: fc.constant('clear' as const) }),
  );
  const at = (day: number, hour = 12) => vn('2026-11-23T00:00:00') + day * 86_400_000 + hour * 3_600_000;
  const flagOf = (id: number, capturedAt: number, extra: Partial<FlagRecord> = {}) => sampleFlag({ id: `f${id}`, capturedAt, ...extra });

  it('any sequence of writes, including puts racing in one transaction, leaves the digest equal to a fresh one', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { maxLength: 14 }), async (operations) => {
        const db = testDatabase();
        for (const op of operations) {
          if (op.kind === 'put') await db.flags.put(flagOf(op.id, at(op.day, op.hour), { status: op.status, severity: op.severity }));
          else if (op.kind === 'delete') await db.flags.delete(`f${op.id}`);
          else if (op.kind === 'modify') await db.flags.where('capturedAt').between(at(op.day, 0), at(op.day + 1, 0)).modify({ status: op.status });
          else if (op.kind === 'concurrent')
            await db.transaction('rw', db.flags, () => Promise.all(op.ids.map((id, n) => db.flags.put(flagOf(id, at(op.day, n), { copyCount: n + 1 })))));
          else await db.flags.clear();
        }
        expect(digestLines(await db.flagDays.toArray())).toEqual(await expectedLines(db));
        db.close();
      }),
      { numRuns: 60 },
    );
  }, 30_000);
});
