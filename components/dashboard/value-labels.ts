/**
 * Direct labels: each bar (or stack) carries its number at its end, so a
 * printed or greyscale chart is read without matching colours to a legend.
 * A tiny chart.js plugin instead of chartjs-plugin-datalabels (one more
 * dependency for a few lines of drawing).
 */
import type { Chart, Plugin } from 'chart.js';
import { formatNumber } from './labels';

function totalsAt(chart: Chart<'bar'>): { total: number; x: number; y: number }[] {
  const horizontal = chart.options.indexAxis === 'y';
  const ends: { total: number; x: number; y: number }[] = [];
  chart.data.datasets.forEach((dataset, datasetIndex) => {
    if (!chart.isDatasetVisible(datasetIndex)) return;
    chart.getDatasetMeta(datasetIndex).data.forEach((element, index) => {
      const value = Number(dataset.data[index] ?? 0);
      const { x, y } = element.getProps(['x', 'y'], true) as { x: number; y: number };
      const end = (ends[index] ??= { total: 0, x, y });
      end.total += value;
      // The far end of the stack: rightmost for horizontal bars, topmost for vertical ones.
      if (value > 0) {
        if (horizontal) end.x = Math.max(end.x, x);
        else end.y = Math.min(end.y, y);
      }
      if (horizontal) end.y = y;
      else end.x = x;
    });
  });
  return ends;
}

export const valueLabels: Plugin<'bar'> = {
  id: 'canhTinValueLabels',
  afterDatasetsDraw(chart) {
    const horizontal = chart.options.indexAxis === 'y';
    const { ctx } = chart;
    ctx.save();
    ctx.fillStyle = '#000';
    ctx.font = `600 12px ${String(chart.options.font?.family ?? 'sans-serif')}`;
    ctx.textAlign = horizontal ? 'left' : 'center';
    ctx.textBaseline = horizontal ? 'middle' : 'bottom';
    for (const end of totalsAt(chart)) {
      if (!end || end.total <= 0) continue;
      ctx.fillText(formatNumber(end.total), horizontal ? end.x + 4 : end.x, horizontal ? end.y : end.y - 3);
    }
    ctx.restore();
  },
};
