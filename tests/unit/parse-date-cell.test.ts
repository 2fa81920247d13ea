import { describe, expect, it } from 'vitest';
import { parseDateCell } from '@/lib/time/parse-date-cell';

describe('parseDateCell', () => {
  it.each([
    ['ISO with offset', '2026-11-24T08:30:00+07:00', '2026-11-24T01:30:00.000Z'],
    ['ISO in UTC', '2026-11-24T01:30:00Z', '2026-11-24T01:30:00.000Z'],
    ['ISO without seconds', '2026-11-24T08:30+07:00', '2026-11-24T01:30:00.000Z'],
    ['ISO with a compact offset', '2026-11-24T08:30:00+0700', '2026-11-24T01:30:00.000Z'],
    ['ISO without zone is Vietnam time', '2026-11-24 08:30', '2026-11-24T01:30:00.000Z'],
    ['a bare date is Vietnam midnight', '2026-11-24', '2026-11-23T17:00:00.000Z'],
    ['Vietnamese day/month/year with time', '24/11/2026 08:30', '2026-11-24T01:30:00.000Z'],
    ['Vietnamese with a comma', '4/1/2027, 17:05', '2027-01-04T10:05:00.000Z'],
  ])('%s', (_name, text, iso) => {
    expect(new Date(parseDateCell(text)!).toISOString()).toBe(iso);
  });

  it.each(['32/13/2026', '2026-02-30', '24/11/26', 'hôm qua', '', '2026-11-24T25:00'])('rejects %j', (text) => {
    expect(parseDateCell(text)).toBeNull();
  });
});
