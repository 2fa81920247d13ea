/**
 * Width of a chart's text (12 px, the page's font: keep FONT in step with
 * components/page.css), measured on a detached
 * canvas: no layout is forced, unlike measuring an SVG <text> in the page.
 */
export const CHART_FONT_SIZE = 12;
const FONT = `${CHART_FONT_SIZE}px system-ui, 'Segoe UI', Roboto, 'Noto Sans', sans-serif`;

let context: CanvasRenderingContext2D | null | undefined;
const widths = new Map<string, number>();

export function chartTextWidth(text: string): number {
  const known = widths.get(text);
  if (known !== undefined) return known;
  if (context === undefined) {
    context = document.createElement('canvas').getContext('2d');
    if (context) context.font = FONT;
  }
  // Without a canvas (never in a browser), an average glyph's width.
  const width = context ? context.measureText(text).width : text.length * 7;
  widths.set(text, width);
  return width;
}
