/**
 * One bar chart of the briefing, drawn as SVG with visx: React renders the
 * bars like any other element (once the chart has measured its box, in a
 * second render before the same paint), and they print as sharp vectors.
 * Greyscale fills with patterns, each bar's (or stack's) number written at its
 * end, a native tooltip per bar, and the same numbers as a table in a
 * <details> for screen readers and anyone who wants the figures.
 */
import { AxisBottom, AxisLeft, type TickRendererProps } from '@visx/axis';
import { GridColumns, GridRows } from '@visx/grid';
import { Group } from '@visx/group';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { t } from '@/components/i18n';
import { barGeometry } from './bar-geometry';
import { BAR_BORDER, ChartFills, seriesPaint } from './chart-fills';
import { CHART_FONT_SIZE, chartTextWidth } from './text-width';
import { useBoxWidth } from './use-box-width';

export interface BarSeries {
  label: string;
  data: number[];
  /** Fill of the whole series (stacked charts), an index into chart-fills. */
  fill?: number;
  /** Fill of each bar (single-series charts whose bars are categories). */
  fills?: number[];
}

export interface BarChartProps {
  /** Stable id for the figure (tests, anchors); also prefixes its pattern ids. */
  id: string;
  title: string;
  labels: string[];
  /** Several series are stacked. */
  series: BarSeries[];
  /** Heading of the table's first column (what each bar is). */
  labelHeading: string;
  horizontal?: boolean;
  /** CSS height of the drawing area. */
  height: number;
  formatNumber(value: number): string;
  /** Called once, when the chart first has its bars. */
  onDrawn?(): void;
}

/**
 * The printed page's content width in CSS pixels: A4 (210 mm) less dashboard.css's @page margins
 * (2 × 12 mm). A chart is laid out for its share of it before printing, so its text prints at its
 * own size; on other paper CSS scales the drawing to its column.
 */
const PRINT_CONTENT_WIDTH = Math.floor(((210 - 2 * 12) * 96) / 25.4);
/** A chart's width on paper: its share of the charts section on screen, of the printed page. */
function printWidth(box: HTMLElement): number {
  const section = box.closest('.charts') ?? box;
  return Math.floor((box.getBoundingClientRect().width / Math.max(1, section.getBoundingClientRect().width)) * PRINT_CONTENT_WIDTH);
}

const INK = '#222';
const GRID = '#d4d4d4';

/**
 * A tick label as a plain <text>: visx's default (@visx/text) measures every word through the
 * page's layout, which forced a layout per label.
 */
function TickLabel({ x, y, formattedValue, textAnchor, dx, dy }: TickRendererProps) {
  return (
    <text x={x} y={y} dx={dx} dy={dy} textAnchor={textAnchor} fill={INK} fontSize={CHART_FONT_SIZE}>
      {formattedValue}
    </text>
  );
}

export function BarChart(props: BarChartProps) {
  const { id, labels, series, horizontal = false, height, formatNumber, onDrawn } = props;
  const box = useRef<HTMLDivElement>(null);
  const width = useBoxWidth(box, printWidth);
  const geometry = useMemo(
    () =>
      width > 0
        ? barGeometry({ labels, series: series.map((s) => s.data), width, height, horizontal, textWidth: chartTextWidth, formatNumber })
        : null,
    [labels, series, width, height, horizontal, formatNumber],
  );

  const drawn = useRef(false);
  useLayoutEffect(() => {
    if (geometry && !drawn.current) {
      drawn.current = true;
      onDrawn?.();
    }
  }, [geometry, onDrawn]);

  const paintOf = (seriesIndex: number, index: number) => {
    const s = series[seriesIndex]!;
    return seriesPaint(id, s.fills ? (s.fills[index] ?? 0) : (s.fill ?? seriesIndex));
  };
  const tooltip = (seriesIndex: number, index: number, value: number) =>
    series.length > 1 ? `${labels[index]} · ${series[seriesIndex]!.label}: ${formatNumber(value)}` : `${labels[index]}: ${formatNumber(value)}`;

  const totals = labels.map((_, index) => series.reduce((sum, s) => sum + (s.data[index] ?? 0), 0));
  const captionId = `${id}-title`;
  return (
    <figure className="chart" id={id} aria-labelledby={captionId}>
      <figcaption id={captionId}>{props.title}</figcaption>
      <div className="chart-box" ref={box} style={{ height }}>
        {geometry && (
          <svg role="img" aria-label={t('dashboard_chartAlt', props.title)} width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
            <ChartFills chartId={id} />
            {horizontal ? (
              <GridColumns scale={geometry.valueScale} tickValues={geometry.valueTicks} top={geometry.plot.top} height={geometry.plot.bottom - geometry.plot.top} stroke={GRID} />
            ) : (
              <GridRows scale={geometry.valueScale} tickValues={geometry.valueTicks} left={geometry.plot.left} width={geometry.plot.right - geometry.plot.left} stroke={GRID} />
            )}
            <Group className="bars">
              {geometry.bars.map((bar) => (
                <rect
                  key={`${bar.series}-${bar.index}`}
                  x={bar.x}
                  y={bar.y}
                  width={bar.width}
                  height={bar.height}
                  fill={paintOf(bar.series, bar.index)}
                  stroke={BAR_BORDER}
                  strokeWidth={1}
                >
                  <title>{tooltip(bar.series, bar.index, bar.value)}</title>
                </rect>
              ))}
            </Group>
            <Group className="bar-values">
              {geometry.ends.map((end) => (
                <text key={end.index} x={end.x} y={end.y} textAnchor={horizontal ? 'start' : 'middle'} dominantBaseline={horizontal ? 'central' : 'auto'} fill={INK} fontSize={CHART_FONT_SIZE}>
                  {formatNumber(end.total)}
                </text>
              ))}
            </Group>
            <AxisLeft
              left={geometry.plot.left}
              scale={horizontal ? geometry.labelScale : geometry.valueScale}
              tickValues={horizontal ? geometry.labelTicks.map(String) : geometry.valueTicks}
              tickFormat={(value) => (horizontal ? geometry.labelTexts[Number(value)] : formatNumber(Number(value)))}
              tickComponent={TickLabel}
              tickLabelProps={{ dx: -3, dy: '0.32em', textAnchor: 'end' }}
              tickLength={4}
              stroke={INK}
              tickStroke={INK}
            />
            <AxisBottom
              top={geometry.plot.bottom}
              scale={horizontal ? geometry.valueScale : geometry.labelScale}
              tickValues={horizontal ? geometry.valueTicks : geometry.labelTicks.map(String)}
              tickFormat={(value) => (horizontal ? formatNumber(Number(value)) : geometry.labelTexts[Number(value)])}
              tickComponent={TickLabel}
              tickLabelProps={{ textAnchor: 'middle' }}
              tickLength={4}
              stroke={INK}
              tickStroke={INK}
            />
          </svg>
        )}
      </div>
      {series.length > 1 && (
        <ul className="chart-legend">
          {series.map((s, seriesIndex) => (
            <li key={`${seriesIndex}-${s.label}`}>
              <svg width={16} height={12} aria-hidden="true">
                <rect x={0.5} y={0.5} width={15} height={11} fill={paintOf(seriesIndex, 0)} stroke={BAR_BORDER} />
              </svg>
              {s.label}
            </li>
          ))}
        </ul>
      )}
      <details className="chart-table">
        <summary>{t('dashboard_dataTable')}</summary>
        <table>
          <caption>{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">{props.labelHeading}</th>
              {series.map((s, index) => (
                <th scope="col" key={`${index}-${s.label}`}>
                  {s.label}
                </th>
              ))}
              {series.length > 1 && <th scope="col">{t('dashboard_columnTotal')}</th>}
            </tr>
          </thead>
          <tbody>
            {labels.map((label, index) => (
              <tr key={`${label}-${index}`}>
                <th scope="row">{label}</th>
                {series.map((s, column) => (
                  <td key={column}>{formatNumber(s.data[index] ?? 0)}</td>
                ))}
                {series.length > 1 && <td>{formatNumber(totals[index] ?? 0)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
