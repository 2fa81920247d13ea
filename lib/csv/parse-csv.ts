/**
 * RFC 4180 CSV reading: quoted fields with commas, doubled quotes and line
 * breaks; CRLF or LF line ends; a leading BOM ignored. Each row remembers the
 * line it started on, so import errors can name it. The separator can be
 * other than a comma: Excel writes ";" where the decimal mark is a comma (as
 * in Vietnamese), and tabs in its "Unicode text".
 */

export interface CsvRow {
  /** 1-based line number of the row's first character in the file. */
  line: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
  }
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/**
 * Cells are cut out of the text with slice, never built a character at a
 * time: appending characters one by one made V8 keep a chain of string pieces
 * per cell, and a 100k-row import ran out of memory (4 GB) before it ended.
 */
export function parseCsv(text: string, separator: ',' | ';' | '\t' = ','): CsvRow[] {
  const SEPARATOR = separator.charCodeAt(0);
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const end = source.length;
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let line = 1;
  let rowLine = 1;
  let i = 0;
  // Where the next separator, CR and LF are (or `end`): found by indexOf, a native scan far faster
  // than a loop over characters, and searched again only once passed.
  let nextSeparator = -1;
  let nextCr = -1;
  let nextLf = -1;
  const after = (character: string, from: number) => {
    const at = source.indexOf(character, from);
    return at < 0 ? end : at;
  };

  const endRow = () => {
    // A blank line (one empty cell) is not a row.
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: rowLine, cells });
    cells = [];
  };

  while (i < end) {
    // One cell: a quoted part (only at the cell's start), then unquoted text up to a comma or line end.
    let cell = '';
    if (source.charCodeAt(i) === QUOTE) {
      const quotedAtLine = line;
      let from = i + 1;
      for (;;) {
        const close = source.indexOf('"', from);
        if (close < 0) throw new CsvSyntaxError('a quoted field is never closed', quotedAtLine);
        const piece = source.slice(from, close);
        line += countLineFeeds(piece);
        cell += piece;
        if (source.charCodeAt(close + 1) === QUOTE) {
          cell += '"';
          from = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
    }
    // Quotes after the start of a cell (or after its closing quote) are ordinary characters.
    if (nextSeparator < i) nextSeparator = after(separator, i);
    if (nextCr < i) nextCr = after('\r', i);
    if (nextLf < i) nextLf = after('\n', i);
    const stop = Math.min(nextSeparator, nextCr, nextLf);
    if (stop > i) cell += source.slice(i, stop);
    i = stop;
    const code = i < end ? source.charCodeAt(i) : 0;
    cells.push(cell);
    if (i >= end) {
      // The last line has no line break: it is a row unless it is empty.
      if (cell !== '' || cells.length > 1) endRow();
      break;
    }
    i += 1;
    if (code === SEPARATOR) {
      // A separator at the very end still opens one more (empty) cell.
      if (i >= end) {
        cells.push('');
        endRow();
      }
      continue;
    }
    if (code === CR && source.charCodeAt(i) === LF) i += 1;
    endRow();
    line += 1;
    rowLine = line;
  }
  return rows;
}

/** Within one piece only: a search past its end would rescan the rest of the file for every cell. */
function countLineFeeds(piece: string): number {
  let count = 0;
  for (let at = piece.indexOf('\n'); at >= 0; at = piece.indexOf('\n', at + 1)) count += 1;
  return count;
}
