/**
 * Dates as monitors' spreadsheets hold them, read back to epoch ms: ISO 8601
 * (with or without offset, with or without seconds), "YYYY-MM-DD HH:mm" and the
 * Vietnamese "DD/MM/YYYY HH:mm". A time without a zone is Vietnam time (+07:00).
 */

const VIETNAM_OFFSET = '+07:00';

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function build(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, zone = VIETNAM_OFFSET): number | null {
  if (!isRealDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = Date.parse(`${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${zone}`);
  return Number.isNaN(time) ? null : time;
}

/** Epoch ms, or null when the text is not a date this reader understands. */
export function parseDateCell(text: string): number | null {
  const value = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(value);
  if (m) {
    const zone = m[7] ? (m[7].toUpperCase() === 'Z' ? 'Z' : m[7].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : VIETNAM_OFFSET;
    return build(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), zone);
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(value);
  if (m) return build(+m[3]!, +m[2]!, +m[1]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  return null;
}
