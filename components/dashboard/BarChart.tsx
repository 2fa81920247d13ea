/**
 * One bar chart of the briefing: a chart.js canvas drawn at the screen's pixel
 * ratio (following it through zoom or another monitor), and again at 2× (or
 * the screen's ratio, if higher) just before printing, so the printed briefing
 * and its PDF stay sharp; greyscale fills with patterns, each
 * bar's number written at its end, and the same numbers as a table in a
 * <details> for screen readers and anyone who wants the figures.
 */
import { useLayoutEffect, useRef } from 'react';
import { t } from '@/components/i18n';
import { Chart } from './chart-setup';
import { BAR_BORDER, seriesFill } from './chart-fills';

export interface BarSeries {
  label: string;
  data: number[];
  /** Fill of the whole series (stacked charts), an index into chart-fills. */
  fill?: number;
  /** Fill of each bar (single-series charts whose bars are categories). */
  fills?: number[];
}

export interface BarChartProps {
  /** Stable id for the figure (tests, anchors). */
  id: string;
  title: string;
  labels: string[];
  series: BarSeries[];
  /** Heading of the table's first column (what each bar is). */
  labelHeading: string;
  horizontal?: boolean;
  stacked?: boolean;
  /** CSS height of the drawing area. */
  height: number;
  formatNumber(value: number): string;
}

/** Paper wants more pixels than a screen: a chart is redrawn at this ratio (or the screen's, if higher) for printing. */
const PRINT_PIXEL_RATIO = 2;
const screenRatio = () => window.devicePixelRatio || 1;

// Long outlet names would squeeze the bars; the table keeps the full name.
const MAX_TICK = 28;
const shorten = (text: string) => (text.length > MAX_TICK ? `${text.slice(0, MAX_TICK - 1)}…` : text);

export function BarChart(props: BarChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { labels, series, horizontal = false, stacked = false } = props;

  // Drawn before the browser paints (a layout effect): no frame shows an empty chart box, and the
  // drawing does not wait for React's passive effects, which come after a paint.
  useLayoutEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels,
        datasets: series.map((s, index) => ({
          label: s.label,
          data: s.data,
          backgroundColor: s.fills ? s.fills.map(seriesFill) : seriesFill(s.fill ?? index),
          borderColor: BAR_BORDER,
          borderWidth: 1,
          ...(stacked ? { stack: 'all' } : {}),
        })),
      },
      options: {
        // Drawn at once: the first frame is the final one, for the screen, the print and the timing.
        animation: false,
        // The screen's ratio (followed below): a fixed 2 cost a 1× screen four times the pixels,
        // about a tenth of the first render. Print gets them below.
        devicePixelRatio: screenRatio(),
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: horizontal ? 'y' : 'x',
        // Room for the number written past the longest bar.
        layout: { padding: horizontal ? { right: 36 } : { top: 18 } },
        plugins: {
          legend: { display: series.length > 1, position: 'bottom', labels: { boxWidth: 16, boxHeight: 12 } },
          tooltip: { enabled: true },
        },
        scales: {
          x: { stacked, grid: { display: horizontal }, ticks: horizontal ? { precision: 0 } : { autoSkip: true, maxRotation: 0 }, ...(horizontal ? { beginAtZero: true } : {}) },
          y: {
            stacked,
            grid: { display: !horizontal },
            ...(horizontal ? { ticks: { autoSkip: false, callback: (_value, index) => shorten(labels[index] ?? '') } } : { beginAtZero: true, ticks: { precision: 0 } }),
          },
        },
      },
    });
    // chart.js resolves its ratio once, so it is set here whenever it should change: the screen's
    // (zoom or another monitor come with a resize event), or the print's. beforeprint comes before
    // the print layout, for the print dialog and "Save as PDF" alike, and the redraw is synchronous.
    let printing = false;
    const drawAt = (ratio: number) => {
      chart.options.devicePixelRatio = ratio;
      // Redraws only if the ratio or the size changed.
      chart.resize();
    };
    const forPrint = () => {
      printing = true;
      drawAt(Math.max(PRINT_PIXEL_RATIO, screenRatio()));
    };
    const forScreen = () => {
      printing = false;
      drawAt(screenRatio());
    };
    // Size changes are chart.js's own (its ResizeObserver); only a new screen ratio is left to here.
    const onResize = () => {
      if (!printing && chart.currentDevicePixelRatio !== screenRatio()) drawAt(screenRatio());
    };
    window.addEventListener('beforeprint', forPrint);
    window.addEventListener('afterprint', forScreen);
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('beforeprint', forPrint);
      window.removeEventListener('afterprint', forScreen);
      window.removeEventListener('resize', onResize);
      chart.destroy();
    };
  }, [labels, series, horizontal, stacked]);

  const totals = labels.map((_, index) => series.reduce((sum, s) => sum + (s.data[index] ?? 0), 0));
  const captionId = `${props.id}-title`;
  return (
    <figure className="chart" id={props.id} aria-labelledby={captionId}>
      <figcaption id={captionId}>{props.title}</figcaption>
      <div className="chart-canvas" style={{ height: props.height }}>
        <canvas ref={canvas} role="img" aria-label={t('dashboard_chartAlt', props.title)} />
      </div>
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
                  <td key={column}>{props.formatNumber(s.data[index] ?? 0)}</td>
                ))}
                {series.length > 1 && <td>{props.formatNumber(totals[index] ?? 0)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
