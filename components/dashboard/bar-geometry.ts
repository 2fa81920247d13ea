/**
 * Where a bar chart's parts go, in pixels: the bars (series stacked), the
 * number written at the end of each bar or stack, the ticks each axis keeps
 * and the margins their labels need. Pure (scales from @visx/scale, text
 * widths from a function passed in), so BarChart only draws what this returns
 * and the layout is tested in Node.
 */
import { scaleBand, scaleLinear } from '@visx/scale';

export interface GeometryInput {
  labels: readonly string[];
  /** One array of counts per series; several series are stacked. */
  series: readonly (readonly number[])[];
  width: number;
  height: number;
  /** Bars grow rightwards from labels on the left (ranked lists), or upwards from labels below. */
  horizontal: boolean;
  /** Width in pixels of a text in the chart's font. */
  textWidth(text: string): number;
  formatNumber(value: number): string;
}

export interface BarRect {
  x: number;
  y: number;
  width: number;
  height: number;
  series: number;
  index: number;
  value: number;
}

/** A bar's (or stack's) total, written just past its end. */
export interface BarEnd {
  index: number;
  total: number;
  x: number;
  y: number;
}

export interface BarGeometry {
  /** Each label as written on the label axis: cut with "…" to the room beside a ranked list's bars. */
  labelTexts: string[];
  bars: BarRect[];
  ends: BarEnd[];
  /** Counts at which the value axis has a tick and a grid line (whole numbers only). */
  valueTicks: number[];
  /** Labels (by index) the label axis writes: all, or every n-th when they would overlap. */
  labelTicks: number[];
  valueScale: ReturnType<typeof scaleLinear<number>>;
  labelScale: ReturnType<typeof scaleBand<string>>;
  /** The plotting area inside the axes. */
  plot: { left: number; right: number; top: number; bottom: number };
}

/** Room left for the number past the longest bar, and above the tallest stack. */
const END_ROOM_RIGHT = 36;
const END_ROOM_TOP = 18;
/** Tick line plus the gap before its label. */
const TICK_SPACE = 8;
/** Height of the row of labels under a horizontal axis (12 px text and its tick). */
const LABEL_ROW = 22;
/** At most this share of a ranked list's width goes to its labels. */
const MAX_LABEL_SHARE = 0.45;
/** Space wanted between two neighbouring labels under the bars. */
const LABEL_GAP = 8;
/** About one value tick per this many pixels along the value axis. */
const PIXELS_PER_VALUE_TICK = 60;

export function barGeometry(input: GeometryInput): BarGeometry {
  const { labels, series, width, height, horizontal, textWidth, formatNumber } = input;
  const totals = labels.map((_, index) => series.reduce((sum, counts) => sum + Math.max(0, counts[index] ?? 0), 0));
  const largest = Math.max(1, ...totals);
  const keys = labels.map((_, index) => String(index));

  const valueScale = scaleLinear<number>({ domain: [0, largest] });
  /** Whole-number ticks along an axis of `length` px, no closer than their widest label allows. */
  const ticksAlong = (length: number): number[] => {
    for (let count = Math.max(2, Math.floor(length / PIXELS_PER_VALUE_TICK)); ; count -= 1) {
      valueScale.domain([0, largest]).nice(count);
      const ticks = valueScale.ticks(count).filter(Number.isInteger);
      const widest = Math.max(0, ...ticks.map((tick) => textWidth(formatNumber(tick))));
      if (count <= 2 || ticks.length < 2 || length / (ticks.length - 1) >= widest + LABEL_GAP) return ticks;
    }
  };

  // Ranked lists: labels on the left take what they need (up to a share of the width), the value axis
  // the rest. Upright bars: the value axis's height sets its ticks, whose widest label sets the left margin.
  let plot: BarGeometry['plot'];
  let valueTicks: number[];
  let labelTexts = [...labels];
  if (horizontal) {
    const widest = Math.max(0, ...labels.map(textWidth));
    const left = Math.min(Math.ceil(widest) + TICK_SPACE, Math.floor(width * MAX_LABEL_SHARE));
    plot = { left, right: Math.max(left + 1, width - END_ROOM_RIGHT), top: 2, bottom: Math.max(3, height - LABEL_ROW) };
    labelTexts = labels.map((label) => fitText(label, left - TICK_SPACE, textWidth));
    valueTicks = ticksAlong(plot.right - plot.left);
    valueScale.range([plot.left, plot.right]);
  } else {
    const top = END_ROOM_TOP;
    const bottom = Math.max(top + 1, height - LABEL_ROW);
    valueTicks = ticksAlong(bottom - top);
    const left = Math.ceil(Math.max(0, ...valueTicks.map((tick) => textWidth(formatNumber(tick))))) + TICK_SPACE;
    plot = { left, right: Math.max(left + 1, width - 8), top, bottom };
    valueScale.range([plot.bottom, plot.top]);
  }
  const labelScale = scaleBand<string>({
    domain: keys,
    range: horizontal ? [plot.top, plot.bottom] : [plot.left, plot.right],
    padding: 0.2,
  });
  const band = labelScale.bandwidth();

  const bars: BarRect[] = [];
  const ends: BarEnd[] = [];
  labels.forEach((_, index) => {
    const start = labelScale(String(index)) ?? 0;
    let base = 0;
    series.forEach((counts, seriesIndex) => {
      const value = Math.max(0, counts[index] ?? 0);
      if (value === 0) return;
      const from = valueScale(base);
      const to = valueScale(base + value);
      base += value;
      bars.push(
        horizontal
          ? { x: from, y: start, width: to - from, height: band, series: seriesIndex, index, value }
          : { x: start, y: to, width: band, height: from - to, series: seriesIndex, index, value },
      );
    });
    if (base > 0) {
      const end = valueScale(base);
      ends.push(horizontal ? { index, total: base, x: end + 4, y: start + band / 2 } : { index, total: base, x: start + band / 2, y: end - 3 });
    }
  });

  // Labels under upright bars are written level; when they would touch, only every n-th is kept.
  let labelTicks = keys.map((_, index) => index);
  if (!horizontal && labels.length > 0) {
    const widest = Math.max(...labels.map(textWidth)) + LABEL_GAP;
    const every = Math.max(1, Math.ceil(widest / labelScale.step()));
    labelTicks = labelTicks.filter((index) => index % every === 0);
  }

  return { labelTexts, bars, ends, valueTicks, labelTicks, valueScale, labelScale, plot };
}

/** `text`, or its longest beginning that fits `room` px with "…" after it. */
export function fitText(text: string, room: number, textWidth: (text: string) => number): string {
  if (textWidth(text) <= room) return text;
  let fits = 0;
  let tooLong = text.length;
  while (tooLong - fits > 1) {
    const middle = Math.floor((fits + tooLong) / 2);
    if (textWidth(`${text.slice(0, middle).trimEnd()}…`) <= room) fits = middle;
    else tooLong = middle;
  }
  return `${text.slice(0, fits).trimEnd()}…`;
}
