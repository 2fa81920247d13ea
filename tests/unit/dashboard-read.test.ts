import { describe, expect, it } from 'vitest';
import { readDashboard } from '@/lib/dashboard/read-dashboard';
import { STORIES_SHOWN } from '@/lib/dashboard/story-groups';
import { isoWeekPeriod } from '@/lib/time/periods';
import { sampleFlag } from './support/sample-flag';
import { testDatabase } from './support/test-database';

const vn = (iso: string) => Date.parse(`${iso}+07:00`);

describe('reading the dashboard', () => {
  it('reads the period from the day digest, and the previous period only as totals', async () => {
    const db = testDatabase();
    await db.flags.bulkAdd([
      sampleFlag({ id: 'w47', capturedAt: vn('2026-11-22T23:30:00'), copyCount: 3, status: 'rebutted' }),
      sampleFlag({ id: 'w48-first', capturedAt: vn('2026-11-23T00:00:00') }),
      sampleFlag({ id: 'w48-last', capturedAt: vn('2026-11-29T23:59:59') }),
      sampleFlag({ id: 'w49', capturedAt: vn('2026-11-30T00:00:00') }),
    ]);
    const data = await readDashboard(db, isoWeekPeriod(2026, 48));
    expect(data.flags.map((r) => r.id).sort()).toEqual(['w48-first', 'w48-last']);
    expect(data.previous).toMatchObject({ stories: 1, copies: 3, byStatus: { rebutted: 1, new: 0 } });
  });

  it('ranks each category from the digest alone, most severe and most copied first, with what a row shows', async () => {
    const db = testDatabase();
    const monday = vn('2026-11-23T08:00:00');
    const border = Array.from({ length: STORIES_SHOWN + 10 }, (_, i) =>
      sampleFlag({ id: `b${String(i).padStart(2, '0')}`, category: 'border', capturedAt: monday + i * 60_000, severity: i === 30 ? 3 : 1, copyCount: i === 31 ? 9 : 1 }),
    );
    const dismissed = sampleFlag({ id: 'dismissed', category: 'border', capturedAt: monday, severity: 3, status: 'dismissed' });
    await db.flags.bulkAdd([...border, dismissed, sampleFlag({ id: 'sea', category: 'sovereignty-sea-islands', capturedAt: monday })]);
    const data = await readDashboard(db, isoWeekPeriod(2026, 48));
    expect(data.flags).toHaveLength(STORIES_SHOWN + 12);
    const group = data.groups.find((g) => g.category === 'border')!;
    expect(group.stories.slice(0, 3).map((s) => s.id)).toEqual(['b30', 'b31', 'b00']);
    expect(group.stories.map((s) => s.id)).not.toContain('dismissed');
    expect(group.stories[0]).toMatchObject({ title: sampleFlag().title, url: sampleFlag().url, note: sampleFlag().note });
  });

  it('an empty database gives an empty period', async () => {
    const data = await readDashboard(testDatabase(), isoWeekPeriod(2026, 53));
    expect(data).toEqual({ flags: [], groups: [], previous: { stories: 0, copies: 0, byStatus: { new: 0, confirmed: 0, sent_to_rebuttal: 0, rebutted: 0, dismissed: 0 } } });
  });
});
