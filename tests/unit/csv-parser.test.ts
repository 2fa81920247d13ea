import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv } from '@/lib/csv/parse-csv';

describe('parseCsv', () => {
  it('reads CRLF and LF line ends and ignores a BOM', () => {
    expect(parseCsv('\uFEFFa,b\r\n1,2\n3,4').map((row) => row.cells)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('keeps line breaks, commas and doubled quotes inside quoted fields', () => {
    expect(parseCsv('"x, ""y""\nz",2\r\n')[0]?.cells).toEqual(['x, "y"\nz', '2']);
  });

  it('numbers each row by the file line it starts on', () => {
    const rows = parseCsv('h1,h2\r\n"multi\r\nline",1\r\n\r\nlast,2\r\n');
    expect(rows.map((row) => row.line)).toEqual([1, 2, 5]);
  });

  it('keeps trailing empty cells', () => {
    expect(parseCsv('a,,\r\n')[0]?.cells).toEqual(['a', '', '']);
  });

  it('names the line of an unclosed quote', () => {
    expect(() => parseCsv('a,b\r\n1,"open\r\n2,3\r\n')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a,b\r\n1,"open\r\n2,3\r\n');
    } catch (error) {
      expect((error as CsvSyntaxError).line).toBe(2);
    }
  });
});
