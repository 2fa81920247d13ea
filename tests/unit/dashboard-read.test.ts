import { describe, expect, it } from 'vitest';
import { readDashboard } from '@/lib/dashboard/read-dashboard';
import { isoWeekPeriod } from '@/lib/time/periods';
import { sampleFlag } from './support/sample-flag';
import { testDatabase } from './support/test-database';

const vn = (iso: string) => Date.parse(`${iso}+07:00`);

describe('reading the dashboard', () => {
  it('reads the period through the capturedAt index, and the previous period only as totals', async () => {
    const db = testDatabase();
    await db.flags.bulkAdd([
      sampleFlag({ id: 'w47', capturedAt: vn('2026-11-22T23:30:00'), copyCount: 3, status: 'rebutted' }),
      sampleFlag({ id: 'w48-first', capturedAt: vn('2026-11-23T00:00:00') }),
      sampleFlag({ id: 'w48-last', capturedAt: vn('2026-11-29T23:59:59') }),
      sampleFlag({ id: 'w49', capturedAt: vn('2026-11-30T00:00:00') }),
    ]);
    const data = await readDashboard(db, isoWeekPeriod(2026, 48));
    expect(data.records.map((r) => r.id).sort()).toEqual(['w48-first', 'w48-last']);
    expect(data.previous).toMatchObject({ stories: 1, copies: 3, byStatus: { rebutted: 1, new: 0 } });
  });

  it('an empty database gives an empty period', async () => {
    const data = await readDashboard(testDatabase(), isoWeekPeriod(2026, 53));
    expect(data).toEqual({ records: [], previous: { stories: 0, copies: 0, byStatus: { new: 0, confirmed: 0, sent_to_rebuttal: 0, rebutted: 0, dismissed: 0 } } });
  });
});
