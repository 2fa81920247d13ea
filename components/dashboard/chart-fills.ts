/**
 * Fills that stay distinct in greyscale and on a black-and-white printer:
 * each series gets a grey level AND a pattern (solid, stripes, dots, cross),
 * drawn at twice the resolution so print stays sharp.
 */

interface FillStyle {
  background: string;
  ink: string;
  kind: 'solid' | 'diagonal' | 'dots' | 'horizontal' | 'cross' | 'backDiagonal' | 'vertical';
}

// Ordered so neighbours in a stack contrast: dark, light striped, mid dotted, …
const STYLES: readonly FillStyle[] = [
  { background: '#333333', ink: '#333333', kind: 'solid' },
  { background: '#e6e6e6', ink: '#333333', kind: 'diagonal' },
  { background: '#8c8c8c', ink: '#ffffff', kind: 'dots' },
  { background: '#ffffff', ink: '#444444', kind: 'horizontal' },
  { background: '#bdbdbd', ink: '#222222', kind: 'cross' },
  { background: '#5e5e5e', ink: '#d9d9d9', kind: 'backDiagonal' },
  { background: '#f2f2f2', ink: '#555555', kind: 'vertical' },
];

export const FILL_COUNT = STYLES.length;
/** The border every bar gets, so white and light fills still show their edge. */
export const BAR_BORDER = '#222222';

const TILE = 8; // CSS pixels
const SCALE = 2; // drawn at device pixel ratio 2

function drawTile(style: FillStyle): HTMLCanvasElement | null {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = TILE * SCALE;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.scale(SCALE, SCALE);
  ctx.fillStyle = style.background;
  ctx.fillRect(0, 0, TILE, TILE);
  ctx.strokeStyle = style.ink;
  ctx.fillStyle = style.ink;
  ctx.lineWidth = 1.25;
  const line = (x1: number, y1: number, x2: number, y2: number) => {
    ctx.beginPath();
    ctx.moveTo(x1, y1);
    ctx.lineTo(x2, y2);
    ctx.stroke();
  };
  switch (style.kind) {
    case 'solid':
      break;
    case 'diagonal':
      line(0, TILE, TILE, 0);
      line(-TILE / 2, TILE / 2, TILE / 2, -TILE / 2);
      line(TILE / 2, TILE * 1.5, TILE * 1.5, TILE / 2);
      break;
    case 'backDiagonal':
      line(0, 0, TILE, TILE);
      line(-TILE / 2, TILE / 2, TILE / 2, TILE * 1.5);
      line(TILE / 2, -TILE / 2, TILE * 1.5, TILE / 2);
      break;
    case 'dots':
      ctx.beginPath();
      ctx.arc(TILE / 2, TILE / 2, 1.4, 0, Math.PI * 2);
      ctx.fill();
      break;
    case 'horizontal':
      line(0, TILE / 2, TILE, TILE / 2);
      break;
    case 'vertical':
      line(TILE / 2, 0, TILE / 2, TILE);
      break;
    case 'cross':
      line(0, TILE / 2, TILE, TILE / 2);
      line(TILE / 2, 0, TILE / 2, TILE);
      break;
  }
  return canvas;
}

const cache = new Map<number, CanvasPattern | string>();

/** The fill of series `index` (wrapping after FILL_COUNT); a plain grey where canvases cannot pattern. */
export function seriesFill(index: number): CanvasPattern | string {
  const key = index % FILL_COUNT;
  const cached = cache.get(key);
  if (cached) return cached;
  const style = STYLES[key]!;
  let fill: CanvasPattern | string = style.background;
  const tile = drawTile(style);
  const pattern = tile?.getContext('2d')?.createPattern(tile, 'repeat');
  if (pattern) {
    // The tile was drawn at 2×: scale it back so one tile is TILE CSS pixels.
    pattern.setTransform(new DOMMatrix().scale(1 / SCALE));
    fill = pattern;
  }
  cache.set(key, fill);
  return fill;
}
