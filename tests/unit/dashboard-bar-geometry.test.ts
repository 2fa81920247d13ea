import { describe, expect, it } from 'vitest';
import { barGeometry, fitText, type GeometryInput } from '@/components/dashboard/bar-geometry';

/** 7 px per character: what the tests' "font" measures. */
const textWidth = (text: string) => text.length * 7;
const geometry = (input: Partial<GeometryInput> & Pick<GeometryInput, 'labels' | 'series'>) =>
  barGeometry({ width: 600, height: 280, horizontal: false, textWidth, formatNumber: String, ...input });

describe('bar chart geometry', () => {
  it('stacks series upwards, each part as tall as its count, and writes the total above the stack', () => {
    const g = geometry({ labels: ['Mon', 'Tue'], series: [[1, 2], [3, 0]] });
    const monday = g.bars.filter((bar) => bar.index === 0).sort((a, b) => a.series - b.series);
    expect(monday.map((bar) => bar.value)).toEqual([1, 3]);
    // The second part sits on the first and is three times as tall.
    expect(monday[1]!.y + monday[1]!.height).toBeCloseTo(monday[0]!.y, 6);
    expect(monday[1]!.height).toBeCloseTo(monday[0]!.height * 3, 6);
    // A zero draws nothing.
    expect(g.bars.filter((bar) => bar.index === 1).map((bar) => bar.value)).toEqual([2]);
    const ends = g.ends.map((end) => [end.index, end.total]);
    expect(ends).toEqual([
      [0, 4],
      [1, 2],
    ]);
    expect(g.ends[0]!.y).toBeLessThan(monday[1]!.y);
    // Stacks stand on the axis, inside the plot.
    for (const bar of g.bars.filter((b) => b.series === 0)) expect(bar.y + bar.height).toBeCloseTo(g.plot.bottom, 6);
    for (const bar of g.bars) {
      expect(bar.y + bar.height).toBeLessThanOrEqual(g.plot.bottom + 1e-6);
      expect(bar.x).toBeGreaterThanOrEqual(g.plot.left);
      expect(bar.x + bar.width).toBeLessThanOrEqual(g.plot.right);
    }
  });

  it('lays a ranked list out as bars growing right from their labels, numbers past their ends', () => {
    const labels = ['Tin Sốc', 'Báo Đảo Xanh', 'X'];
    const g = geometry({ labels, series: [[4, 2, 1]], horizontal: true, width: 400, height: 120 });
    expect(g.plot.left).toBe(Math.ceil(textWidth('Báo Đảo Xanh')) + 8);
    const widths = g.bars.map((bar) => bar.width);
    expect(widths[0]! / widths[1]!).toBeCloseTo(2, 6);
    expect(widths[1]! / widths[2]!).toBeCloseTo(2, 6);
    for (const bar of g.bars) expect(bar.x).toBe(g.plot.left);
    for (const [index, end] of g.ends.entries()) {
      const bar = g.bars[index]!;
      expect(end.x).toBeGreaterThan(bar.x + bar.width);
      expect(end.x + textWidth(String(end.total))).toBeLessThanOrEqual(400);
      expect(end.y).toBeCloseTo(bar.y + bar.height / 2, 6);
    }
    // One bar per row, top to bottom in the list's order.
    expect(g.bars.map((bar) => bar.y)).toEqual([...g.bars.map((bar) => bar.y)].sort((a, b) => a - b));
  });

  it('gives labels at most 45% of a ranked list\'s width, cutting longer ones with "…" to fit beside the bars', () => {
    const long = 'Cổng thông tin điện tử của một tờ báo rất dài tên';
    const g = geometry({ labels: [long, 'Tin Sốc'], series: [[2, 1]], horizontal: true, width: 400, height: 80 });
    expect(g.plot.left).toBe(180);
    expect(g.labelTexts[1]).toBe('Tin Sốc');
    expect(g.labelTexts[0]).toMatch(/…$/);
    expect(long.startsWith(g.labelTexts[0]!.slice(0, -1))).toBe(true);
    for (const text of g.labelTexts) expect(textWidth(text)).toBeLessThanOrEqual(g.plot.left - 8);
    expect(g.bars[0]!.width).toBeGreaterThan(100);
  });

  it('cuts a text to the longest beginning that fits, "…" included', () => {
    expect(fitText('Hoàng Sa', 100, textWidth)).toBe('Hoàng Sa');
    expect(fitText('Trường Sa và Hoàng Sa', 70, textWidth)).toBe('Trường Sa…');
    expect(fitText('Trường Sa và Hoàng Sa', 69, textWidth)).toBe('Trường S…');
    // No space is left before the "…".
    expect(fitText('Trường Sa và Hoàng Sa', 62, textWidth)).toBe('Trường…');
    expect(fitText('Trường Sa', 3, textWidth)).toBe('…');
  });

  it('spaces the value ticks of a narrow ranked list so their labels do not touch', () => {
    const format = (value: number) => new Intl.NumberFormat('vi').format(value);
    const g = geometry({ labels: ['Báo Đảo Xanh', 'Tin Sốc'], series: [[1400, 600]], horizontal: true, width: 337, height: 90, formatNumber: format });
    const widest = Math.max(...g.valueTicks.map((tick) => textWidth(format(tick))));
    expect(g.valueTicks.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < g.valueTicks.length; i++) {
      expect(g.valueScale(g.valueTicks[i]!) - g.valueScale(g.valueTicks[i - 1]!)).toBeGreaterThanOrEqual(widest);
    }
    expect(g.valueTicks.at(-1)).toBeGreaterThanOrEqual(1400);
  });

  it('ticks whole numbers only: a count of 1 has no 0.5', () => {
    expect(geometry({ labels: ['a'], series: [[1]] }).valueTicks).toEqual([0, 1]);
    const ticks = geometry({ labels: ['a', 'b'], series: [[37, 120]] }).valueTicks;
    expect(ticks.every(Number.isInteger)).toBe(true);
    expect(ticks.at(-1)).toBeGreaterThanOrEqual(120);
  });

  it('keeps every label when they fit, and every n-th (from the first) when they would touch', () => {
    const week = geometry({ labels: ['T2, 23/11', 'T3, 24/11', 'T4, 25/11', 'T5, 26/11', 'T6, 27/11', 'T7, 28/11', 'CN, 29/11'], series: [[1, 1, 1, 1, 1, 1, 1]] });
    expect(week.labelTicks).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const labels = Array.from({ length: 53 }, (_, i) => `Tuần ${i + 1}`);
    const year = geometry({ labels, series: [labels.map(() => 1)], width: 500 });
    expect(year.labelTicks[0]).toBe(0);
    expect(year.labelTicks.length).toBeLessThan(53);
    const centre = (index: number) => year.labelScale(String(index))! + year.labelScale.bandwidth() / 2;
    const widest = Math.max(...labels.map(textWidth));
    for (let i = 1; i < year.labelTicks.length; i++) {
      expect(centre(year.labelTicks[i]!) - centre(year.labelTicks[i - 1]!)).toBeGreaterThanOrEqual(widest);
    }
  });

  it('draws an empty period as axes without bars, and nothing as NaN', () => {
    const g = geometry({ labels: ['a', 'b'], series: [[0, 0]] });
    expect(g.bars).toEqual([]);
    expect(g.ends).toEqual([]);
    expect(g.valueTicks[0]).toBe(0);
    expect(Object.values(g.plot).every(Number.isFinite)).toBe(true);
    expect(geometry({ labels: [], series: [] }).labelTicks).toEqual([]);
  });
});
