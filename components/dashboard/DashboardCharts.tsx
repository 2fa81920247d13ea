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
import { BarChart, type BarSeries } from './BarChart';
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
  const withTerms = charts.terms.labels.length > 0;
  // Each chart reports once it has its bars (it measures its box first); the last report is the view's.
  const waiting = useRef(withTerms ? 5 : 4);
  const chartDrawn = useCallback(() => {
    waiting.current -= 1;
    if (waiting.current === 0) onDrawn?.();
  }, [onDrawn]);
  const horizontal = [
    { id: 'chart-categories', title: t('dashboard_chartCategories'), labelHeading: t('dashboard_colCategory'), chart: charts.categories },
    { id: 'chart-outlets', title: t('dashboard_chartOutlets'), labelHeading: t('dashboard_colOutlet'), chart: charts.outlets },
    { id: 'chart-languages', title: t('dashboard_chartLanguages'), labelHeading: t('dashboard_colLanguage'), chart: charts.languages },
  ];
  return (
    <section className="charts" aria-labelledby="charts-heading">
      <h2 id="charts-heading">{t('dashboard_charts')}</h2>
      <BarChart
        id="chart-over-time"
        title={days ? t('dashboard_chartOverTimeDay') : t('dashboard_chartOverTimeWeek')}
        labelHeading={days ? t('dashboard_columnDay') : t('dashboard_columnWeek')}
        labels={charts.overTime.labels}
        series={charts.overTime.series}
        height={280}
        formatNumber={formatNumber}
        onDrawn={chartDrawn}
      />
      <div className="chart-grid">
        {horizontal.map((chart) => (
          <HorizontalBars key={chart.id} {...chart} onDrawn={chartDrawn} />
        ))}
        {withTerms ? (
          <HorizontalBars id="chart-terms" title={t('dashboard_chartTerms')} labelHeading={t('dashboard_colTerm')} chart={charts.terms} onDrawn={chartDrawn} />
        ) : (
          <figure className="chart" id="chart-terms">
            <figcaption>{t('dashboard_chartTerms')}</figcaption>
            <p className="hint">{t('dashboard_noTerms')}</p>
          </figure>
        )}
      </div>
    </section>
  );
}

/** A ranked list as horizontal bars, as tall as its rows. */
function HorizontalBars(props: { id: string; title: string; labelHeading: string; chart: { labels: string[]; series: BarSeries[] }; onDrawn(): void }) {
  return (
    <BarChart
      id={props.id}
      title={props.title}
      labelHeading={props.labelHeading}
      labels={props.chart.labels}
      series={props.chart.series}
      horizontal
      height={barsHeight(props.chart.labels.length)}
      formatNumber={formatNumber}
      onDrawn={props.onDrawn}
    />
  );
}
