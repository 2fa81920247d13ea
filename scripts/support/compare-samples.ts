/**
 * The statistics of the benches' timings: medians and 95th percentiles
 * (every `npm run bench` table), and, for two sets of timings from one A/B
 * run (scripts/ab-dashboard.ts), how sure a difference between them is.
 */

export function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The value 95% of timings stay at or under (nearest rank); NaN for none. */
export function p95(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? Number.NaN;
}

/**
 * 95% interval of median(b) − median(a), by resampling each side with replacement. An interval
 * that holds 0 is no measured difference. Seeded, so the same timings give the same interval.
 */
export function bootstrapInterval(a: readonly number[], b: readonly number[], rounds = 4000): [number, number] {
  let seed = 7;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const resample = (xs: readonly number[]) => Array.from(xs, () => xs[Math.floor(random() * xs.length)]!);
  const differences = Array.from({ length: rounds }, () => median(resample(b)) - median(resample(a))).sort((x, y) => x - y);
  return [differences[Math.floor(rounds * 0.025)]!, differences[Math.floor(rounds * 0.975)]!];
}
