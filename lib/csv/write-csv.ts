/**
 * RFC 4180 CSV writing for spreadsheets: CRLF line ends, quotes doubled,
 * a UTF-8 byte-order mark so Excel reads Vietnamese diacritics, and cells that
 * a spreadsheet would run as a formula neutralised.
 */

export const UTF8_BOM = '\uFEFF';

// A spreadsheet treats a cell starting with one of these as a formula (OWASP CSV injection).
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/** "=HYPERLINK(…)" → "'=HYPERLINK(…)": shown as text, never evaluated. */
export function neutraliseFormula(value: string): string {
  return FORMULA_TRIGGER.test(value) ? `'${value}` : value;
}

export function quoteCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvRow(cells: readonly string[]): string {
  return cells.map((cell) => quoteCell(neutraliseFormula(cell))).join(',') + '\r\n';
}

/**
 * The whole file: BOM, header row, one row per record. Appended to one string (V8 keeps it as a rope until
 * it is read) rather than joined from an array of rows: `npm run bench` measured 0.97–1.17 s against
 * 1.0–1.33 s for the array at 100k rows.
 */
export function writeCsv(header: readonly string[], rows: Iterable<readonly string[]>): string {
  let text = UTF8_BOM + csvRow(header);
  for (const row of rows) text += csvRow(row);
  return text;
}
