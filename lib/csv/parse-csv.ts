/**
 * RFC 4180 CSV reading: quoted fields with commas, doubled quotes and line
 * breaks; CRLF or LF line ends; a leading BOM ignored. Each row remembers the
 * line it started on, so import errors can name it.
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

export function parseCsv(text: string): CsvRow[] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let inQuotes = false;
  let quotedAtLine = 0;
  let i = 0;

  const endRow = () => {
    cells.push(cell);
    // A blank line (one empty cell) is not a row.
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };

  while (i < source.length) {
    const ch = source[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
      } else {
        if (ch === '\n') line += 1;
        cell += ch;
      }
      i += 1;
      continue;
    }
    if (ch === '"' && cell === '') {
      inQuotes = true;
      quotedAtLine = line;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\r' || ch === '\n') {
      endRow();
      if (ch === '\r' && source[i + 1] === '\n') i += 1;
      line += 1;
      rowLine = line;
    } else {
      cell += ch;
    }
    i += 1;
  }
  if (inQuotes) throw new CsvSyntaxError('a quoted field is never closed', quotedAtLine);
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}
