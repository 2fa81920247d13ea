import { describe, expect, it } from 'vitest';
import { csvRow, neutraliseFormula, UTF8_BOM, writeCsv } from '@/lib/csv/write-csv';
import { parseCsv } from '@/lib/csv/parse-csv';

describe('csvRow quotes and neutralises cells', () => {
  it.each([
    ['plain text stays bare', ['abc'], 'abc\r\n'],
    ['a comma forces quotes', ['Hà Tiên, Kiên Giang'], '"Hà Tiên, Kiên Giang"\r\n'],
    ['quotes are doubled', ['say "hi"'], '"say ""hi"""\r\n'],
    ['a newline inside a cell is kept, quoted', ['line 1\nline 2'], '"line 1\nline 2"\r\n'],
    ['a CR inside a cell is quoted', ['a\rb'], '"a\rb"\r\n'],
    ['Vietnamese diacritics pass through untouched', ['Quần đảo Trường Sa'], 'Quần đảo Trường Sa\r\n'],
    ['emoji and CJK pass through', ['🇻🇳 南沙'], '🇻🇳 南沙\r\n'],
    ['empty cells stay empty', ['', 'x', ''], ',x,\r\n'],
    ['=HYPERLINK is shown as text', ['=HYPERLINK("http://a.example/","x")'], `"'=HYPERLINK(""http://a.example/"",""x"")"\r\n`],
    ['+ at the start is neutralised', ['+84 912'], "'+84 912\r\n"],
    ['- at the start is neutralised (site "-TinSoc-")', ['-TinSoc-'], "'-TinSoc-\r\n"],
    ['@ at the start is neutralised (author "@bando_vn")', ['@bando_vn'], "'@bando_vn\r\n"],
    ['a leading tab is neutralised', ['\t=1+1'], "'\t=1+1\r\n"],
    ['a leading CR is neutralised and quoted', ['\r=1'], `"'\r=1"\r\n`],
    ['= later in the cell is harmless', ['a=b'], 'a=b\r\n'],
  ])('%s', (_name, cells, expected) => {
    expect(csvRow(cells)).toBe(expected);
  });
});

describe('writeCsv', () => {
  it('starts with a UTF-8 BOM so Excel reads Vietnamese, then the header', () => {
    const csv = writeCsv(['id', 'title'], [['1', 'Hoàng Sa']]);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    const bytes = new TextEncoder().encode(csv);
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv).toBe(`${UTF8_BOM}id,title\r\n1,Hoàng Sa\r\n`);
  });

  it('round-trips through the parser, hostile cells included', () => {
    const rows = [
      ['Tàu cá "KG-95211" gặp nạn, 7 ngư dân', 'multi\nline\r\ntext', '', '<script>alert("x")</script>'],
      ['南沙群岛', '🇻🇳', ' leading space', 'trailing,comma,'],
    ];
    const parsed = parseCsv(writeCsv(['a', 'b', 'c', 'd'], rows));
    expect(parsed.map((row) => row.cells)).toEqual([['a', 'b', 'c', 'd'], ...rows]);
  });

  it('neutraliseFormula leaves ordinary text alone', () => {
    expect(neutraliseFormula('Báo Đảo Xanh')).toBe('Báo Đảo Xanh');
  });
});
