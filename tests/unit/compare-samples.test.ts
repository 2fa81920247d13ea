// The A/B tool's statistics (scripts/support/compare-samples.ts): a difference
// only noise could make has an interval holding 0, a real shift does not.
import { describe, expect, it } from 'vitest';
import { bootstrapInterval, median, p95 } from '../../scripts/support/compare-samples';

/** Timings like the dashboard's: around 300 ms, spread by ±40 (deterministic). */
function timings(count: number, seed: number, shift = 0): number[] {
  let state = seed;
  return Array.from({ length: count }, () => {
    state = (state * 48_271) % 2_147_483_647;
    return 300 + shift + ((state / 2_147_483_647) * 80 - 40);
  });
}

describe('comparing two builds', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('gives an interval holding 0 for two samples of the same timings', () => {
    const [low, high] = bootstrapInterval(timings(21, 1), timings(21, 2));
    expect(low).toBeLessThan(0);
    expect(high).toBeGreaterThan(0);
  });

  it('finds a 60 ms slowdown, its interval around it and clear of 0', () => {
    const [low, high] = bootstrapInterval(timings(21, 1), timings(21, 2, 60));
    expect(low).toBeGreaterThan(0);
    expect(low).toBeLessThan(60);
    expect(high).toBeGreaterThan(60);
  });

  it('is the same every time for the same timings', () => {
    expect(bootstrapInterval(timings(15, 3), timings(15, 4))).toEqual(bootstrapInterval(timings(15, 3), timings(15, 4)));
  });

  it('reads the benches\' p95 as the value 95% of timings stay at or under, and medians of odd and even counts', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => 20 - i); // 20 … 1, unsorted
    expect(p95(twenty)).toBe(19);
    expect(p95([5])).toBe(5);
    expect(p95([])).toBeNaN();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
