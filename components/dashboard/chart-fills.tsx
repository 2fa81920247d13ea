/**
 * Fills that stay distinct in greyscale and on a black-and-white printer:
 * each series gets a grey level AND a pattern (solid, stripes, dots, cross),
 * as SVG patterns (@visx/pattern), so they print as sharp as the bars.
 */
import { PatternCircles, PatternLines, type PatternOrientationType } from '@visx/pattern';

interface FillStyle {
  background: string;
  ink: string;
  /** Lines in these directions, dots, or nothing (a solid fill). */
  lines?: PatternOrientationType[];
  dots?: boolean;
}

// Ordered so neighbours in a stack contrast: dark, light striped, mid dotted, …
const STYLES: readonly FillStyle[] = [
  { background: '#333333', ink: '#333333' },
  { background: '#e6e6e6', ink: '#333333', lines: ['diagonal'] },
  { background: '#8c8c8c', ink: '#ffffff', dots: true },
  { background: '#ffffff', ink: '#444444', lines: ['horizontal'] },
  { background: '#bdbdbd', ink: '#222222', lines: ['horizontal', 'vertical'] },
  { background: '#5e5e5e', ink: '#d9d9d9', lines: ['diagonalRightToLeft'] },
  { background: '#f2f2f2', ink: '#555555', lines: ['vertical'] },
];

const FILL_COUNT = STYLES.length;
/** The border every bar gets, so white and light fills still show their edge. */
export const BAR_BORDER = '#222222';

const TILE = 8; // CSS pixels

const patternId = (chartId: string, key: number) => `${chartId}-fill-${key}`;

/** The paint of series `index` (wrapping after FILL_COUNT) inside the chart whose <defs> hold ChartFills. */
export function seriesPaint(chartId: string, index: number): string {
  const key = index % FILL_COUNT;
  const style = STYLES[key]!;
  return style.lines || style.dots ? `url(#${patternId(chartId, key)})` : style.background;
}

/** The patterns of one chart: ids are document-wide, so each chart's carry its own id. */
export function ChartFills(props: { chartId: string }) {
  return (
    <defs>
      {STYLES.map((style, key) =>
        style.dots ? (
          <PatternCircles key={key} id={patternId(props.chartId, key)} width={TILE} height={TILE} radius={1.4} fill={style.ink} background={style.background} />
        ) : style.lines ? (
          <PatternLines
            key={key}
            id={patternId(props.chartId, key)}
            width={TILE}
            height={TILE}
            stroke={style.ink}
            strokeWidth={1.25}
            orientation={style.lines}
            background={style.background}
          />
        ) : null,
      )}
    </defs>
  );
}
