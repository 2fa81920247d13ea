/**
 * The briefing's five charts from one aggregate: flags over time stacked by
 * category, top outlets, categories, languages and watchlist terms. A
 * category keeps the same fill in every chart. Chart inputs are memoised so a
 * chart is drawn again only when its numbers change.
 */
import { useCallback, useMemo, useRef } from 'react';
import { t } from '@/components/i18n';
import type { DashboardAggregate } from '@/lib/dashboard/aggregate-flags';
import type { CategoryDef } from '@/lib/settings/app-settings';
import { BarChart, type BarChartProps, type BarSeries } from './BarChart';
import { categoryName, formatDay, formatNumber, formatShortDay, languageName, outletName } from './labels';

const ROW_HEIGHT = 26;
const barsHeight = (rows: number) => Math.max(80, rows * ROW_HEIGHT + 40);

export function DashboardCharts(props: {
  aggregate: DashboardAggregate;
  categories: readonly CategoryDef[];
  /** Called once, when every chart has its bars (the briefing's first complete view). */
  onDrawn?(): void;
}) {
  const { aggregate, categories, onDrawn } = props;

  const charts = useMemo(() => {
    const { overTime } = aggregate;
    // One fill per category, in the order the stacked chart uses, shared by the categories chart.
    const fillOf = new Map(overTime.series.map((s, index) => [s.category, index]));
    const days = overTime.unit === 'day';
    const single = (rows: { key: string; count: number }[], name: (key: string) => string): { labels: string[]; series: BarSeries[] } => ({
      labels: rows.map((row) => name(row.key)),
      series: [{ label: t('dashboard_columnCount'), data: rows.map((row) => row.count), fill: 0 }],
    });
    return {
      overTime: {
        labels: days ? overTime.starts.map(formatShortDay) : overTime.labels.map((label, i) => t('dashboard_weekTick', String(Number(label.slice(-2))))),
        series: overTime.series.map((s) => ({ label: categoryName(s.category, categories), data: s.counts, fill: fillOf.get(s.category) ?? 0 })),
      },
      outlets: single(aggregate.outlets, outletName),
      categories: {
        labels: aggregate.categories.map((row) => categoryName(row.key, categories)),
        series: [{ label: t('dashboard_columnCount'), data: aggregate.categories.map((row) => row.count), fills: aggregate.categories.map((row) => fillOf.get(row.key) ?? 0) }],
      },
      languages: single(aggregate.languages, languageName),
      terms: single(aggregate.watchTerms, (key) => key),
    };
  }, [aggregate, categories]);

  const days = aggregate.overTime.unit === 'day';
  const ranked = (id: string, title: string, labelHeading: string, chart: { labels: string[]; series: BarSeries[] }): ChartSpec => ({
    id,
    title,
    labelHeading,
    ...chart,
    horizontal: true,
    height: barsHeight(chart.labels.length),
  });
  const overTime: ChartSpec = {
    id: 'chart-over-time',
    title: days ? t('dashboard_chartOverTimeDay') : t('dashboard_chartOverTimeWeek'),
    labelHeading: days ? t('dashboard_columnDay') : t('dashboard_columnWeek'),
    ...charts.overTime,
    height: 280,
  };
  const withTerms = charts.terms.labels.length > 0;
  const grid = [
    ranked('chart-categories', t('dashboard_chartCategories'), t('dashboard_colCategory'), charts.categories),
    ranked('chart-outlets', t('dashboard_chartOutlets'), t('dashboard_colOutlet'), charts.outlets),
    ranked('chart-languages', t('dashboard_chartLanguages'), t('dashboard_colLanguage'), charts.languages),
    ...(withTerms ? [ranked('chart-terms', t('dashboard_chartTerms'), t('dashboard_colTerm'), charts.terms)] : []),
  ];

  // Each chart reports once it has its bars (it measures its box first); the last report completes
  // the view. Counted from the charts this first render draws.
  const waiting = useRef(1 + grid.length);
  const chartDrawn = useCallback(() => {
    waiting.current -= 1;
    if (waiting.current === 0) onDrawn?.();
  }, [onDrawn]);
  const draw = (spec: ChartSpec) => <BarChart key={spec.id} {...spec} formatNumber={formatNumber} onDrawn={chartDrawn} />;

  return (
    <section className="charts" aria-labelledby="charts-heading">
      <h2 id="charts-heading">{t('dashboard_charts')}</h2>
      {draw(overTime)}
      <div className="chart-grid">
        {grid.map(draw)}
        {!withTerms && (
          <figure className="chart" id="chart-terms">
            <figcaption>{t('dashboard_chartTerms')}</figcaption>
            <p className="hint">{t('dashboard_noTerms')}</p>
          </figure>
        )}
      </div>
    </section>
  );
}

type ChartSpec = Omit<BarChartProps, 'formatNumber' | 'onDrawn'>;
