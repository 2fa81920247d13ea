import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv, type CsvRow } from '@/lib/csv/parse-csv';
import { writeCsv } from '@/lib/csv/write-csv';

/**
 * The first parser, one character at a time: slow (a 100k-row import ran out
 * of memory) but plainly right, so it is the oracle the fast one must match.
 */
function characterByCharacter(text: string): CsvRow[] {
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

type Outcome = { rows: CsvRow[] } | { error: number };
const outcome = (parse: (text: string) => CsvRow[], text: string): Outcome => {
  try {
    return { rows: parse(text) };
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { error: error.line };
    throw error;
  }
};

describe('parseCsv reads exactly what the character-by-character parser read', () => {
  it.each([
    ['a trailing comma at the end of the file', 'a,'],
    ['a trailing comma before a line break', 'a,\r\nb'],
    ['text after a closing quote is kept', '"ab"c,d'],
    ['a quote inside an unquoted cell is an ordinary character', 'a"b,c'],
    ['a quote after a closed quote stays doubled inside', '"a""b"'],
    ['an empty quoted cell alone on the last line is no row', 'a\r\n""'],
    ['an empty quoted cell after a comma is a cell', 'a,""'],
    ['old Mac line ends (CR only)', 'a\rb\rc'],
    ['blank lines between rows', 'a\n\n\r\n\rb'],
    ['a quoted cell spanning lines, then a row', '"x\ny\r\nz",1\n2'],
    ['an unclosed quote after a multi-line cell', '"x\ny",1\n"open\n2'],
    ['a BOM and nothing else', '\uFEFF'],
    ['a BOM before a quoted header', '\uFEFF"id",title\r\n1,x'],
  ])('%s', (_name, text) => {
    expect(outcome(parseCsv, text)).toEqual(outcome(characterByCharacter, text));
  });

  it('on any text made of the characters that matter to CSV', () => {
    const piece = fc.constantFrom('a', 'bc', ',', '"', '""', '\r', '\n', '\r\n', ' ', 'Đ', '\uFEFF');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(outcome(parseCsv, text)).toEqual(outcome(characterByCharacter, text));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back whatever writeCsv wrote, whatever the cells hold', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Ư', ',', '"', '\r', '\n', ' ', '=', '🇻🇳') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { maxLength: 8 }), (rows) => {
        // Rows of one empty cell are blank lines, which are not rows; every row here has two cells or more.
        const guarded = rows.map((row) => row.map((value) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)));
        const parsed = parseCsv(writeCsv(['h1', 'h2'], rows)).map((row) => row.cells);
        expect(parsed).toEqual([['h1', 'h2'], ...guarded]);
      }),
    );
  });

  it('reads a 50,000-row export in one piece, every row numbered', () => {
    const rows = Array.from({ length: 50_000 }, (_, n) => [String(n), `Tiêu đề "số ${n}", dài`, 'dòng 1\ndòng 2']);
    const parsed = parseCsv(writeCsv(['id', 'title', 'note'], rows));
    expect(parsed).toHaveLength(50_001);
    expect(parsed[50_000]).toEqual({ line: 100_000, cells: rows[49_999] });
  });
});

describe('parseCsv stays linear on unusual files', () => {
  it('reads 20,000 quoted rows with old Mac line ends (CR only) quickly', () => {
    const text = Array.from({ length: 20_000 }, (_, n) => `"a, ${n}","b"`).join('\r');
    const start = performance.now();
    const rows = parseCsv(text);
    expect(rows).toHaveLength(20_000);
    expect(rows[19_999]).toEqual({ line: 20_000, cells: ['a, 19999', 'b'] });
    // Generous: a scan to the end of the file per cell took minutes here.
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});
