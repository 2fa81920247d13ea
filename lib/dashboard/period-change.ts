/**
 * "Change against the previous period" for one figure: the difference and,
 * when the previous period had any, the relative change. A rise from 0 has no
 * meaningful percentage, so none is given rather than "+∞ %".
 */
export interface Change {
  delta: number;
  /** Rounded whole percent; null when the previous figure was 0. */
  percent: number | null;
}

export function changeBetween(current: number, previous: number): Change {
  return { delta: current - previous, percent: previous > 0 ? Math.round(((current - previous) / previous) * 100) : null };
}

/** "+3", "−2", "0" — a real minus sign, which reads better than a hyphen in print. */
export function signed(value: number, format: (n: number) => string = String): string {
  if (value > 0) return `+${format(value)}`;
  if (value < 0) return `\u2212${format(Math.abs(value))}`;
  return format(0);
}

/** "+3 (+25 %)" style text without the words: the figure, then the percentage when there is one. */
export function changeFigures(change: Change, format: (n: number) => string = String): string {
  const delta = signed(change.delta, format);
  return change.percent === null ? delta : `${delta} (${signed(change.percent, format)}%)`;
}
