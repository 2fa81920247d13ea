/**
 * Publication times as pages write them (ISO 8601, Vietnamese, Chinese and
 * English date text), normalised to ISO 8601 with an explicit offset, and
 * saying when the offset was assumed because the page gave none.
 */

/** Asia/Ho_Chi_Minh: UTC+7 all year, no daylight saving. */
export const VIETNAM_OFFSET_MINUTES = 7 * 60;
/** China, Taiwan, Hong Kong, Singapore: UTC+8 all year. */
export const CHINA_OFFSET_MINUTES = 8 * 60;

/** A wall-clock time read from a page, with the offset the page stated (null: none stated). */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Milliseconds, when the page states them ("…:40.112Z"). */
  millisecond?: number;
  offsetMinutes: number | null;
}

export interface ResolvedDate {
  /** ISO 8601 with offset, e.g. "2024-11-05T07:45:00+07:00". */
  iso: string;
  /** True when the page gave no zone and `fallbackOffsetMinutes` was used. */
  zoneAssumed: boolean;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};

// Longest text worth parsing: a date line is short, and a hostile 1 MB attribute must not reach the regexes.
const MAX_DATE_TEXT = 300;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function valid(t: WallTime): WallTime | null {
  const ok =
    t.year >= 1990 &&
    t.year <= 2100 &&
    t.month >= 1 &&
    t.month <= 12 &&
    t.day >= 1 &&
    t.day <= daysInMonth(t.year, t.month) &&
    t.hour >= 0 &&
    t.hour <= 23 &&
    t.minute >= 0 &&
    t.minute <= 59 &&
    t.second >= 0 &&
    t.second <= 60 &&
    (t.offsetMinutes === null || Math.abs(t.offsetMinutes) <= 14 * 60);
  return ok ? t : null;
}

/** "+07:00", "+0700", "+07", "-05:30" → minutes. */
function numericOffset(sign: string, hours: string, minutes: string | undefined): number {
  const value = Number(hours) * 60 + Number(minutes ?? 0);
  return sign === '-' || sign === '−' ? -value : value;
}

/**
 * Zone abbreviations that name one offset wherever they are printed ("12:05 PM SGT", "11:30 PM EST"),
 * minutes east of UTC. Ambiguous ones are left out: CST (China, Cuba, US Central), IST (India, Ireland,
 * Israel), BST (British Summer, Bangladesh), PST (US Pacific, Philippines), ET/PT (no season).
 */
const ZONE_ABBREVIATIONS: Record<string, number> = {
  SGT: 480, MYT: 480, HKT: 480, PHT: 480, AWST: 480, WIB: 420, JST: 540, KST: 540, AEST: 600, AEDT: 660,
  EST: -300, EDT: -240, PDT: -420, CET: 60, CEST: 120,
};
const ZONE_ABBREVIATION = new RegExp(`\\b(${Object.keys(ZONE_ABBREVIATIONS).join('|')})\\b`);

/**
 * A zone written next to a time: "Z", "+07:00", "GMT+7", "(GMT+07:00)", "UTC+8", "GMT", "ICT", "北京时间".
 * Returns minutes east of UTC, or null when the text names no zone.
 */
export function parseZone(text: string): number | null {
  const s = text.slice(0, MAX_DATE_TEXT);
  const named = /(?:GMT|UTC)\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?/i.exec(s);
  if (named) return numericOffset(named[1]!, named[2]!, named[3]);
  if (/北京时间|北京時間/.test(s)) return CHINA_OFFSET_MINUTES;
  if (/\b(?:ICT|giờ Hà Nội|giờ Việt Nam)\b/iu.test(s)) return VIETNAM_OFFSET_MINUTES;
  // Case-sensitive: "est" or "pst" in running text is not a zone.
  const abbreviation = ZONE_ABBREVIATION.exec(s)?.[1];
  if (abbreviation) return ZONE_ABBREVIATIONS[abbreviation] ?? null;
  if (/\b(?:GMT|UTC)\b/.test(s)) return 0;
  return null;
}

function hour12(hour: number, meridiem: string | undefined): number {
  if (!meridiem) return hour;
  const pm = /^p/i.test(meridiem) || meridiem === 'chiều' || meridiem === 'tối' || meridiem === '下午' || meridiem === '晚上';
  const am = /^a/i.test(meridiem) || meridiem === 'sáng' || meridiem === '上午' || meridiem === '早上';
  if (pm && hour < 12) return hour + 12;
  if (am && hour === 12) return 0;
  return hour;
}

// Times of day: "08:30", "8:30:15", "8h30", "8:30 AM".
const TIME = String.raw`(\d{1,2})\s*(?::|h|giờ)\s*(\d{2})(?::(\d{2}))?(?:\s*(AM|PM|am|pm|a\.m\.|p\.m\.|sáng|chiều|tối))?`;

/**
 * Reads one date (and time, when given) from an attribute value or a line of page text.
 * Day-first for numeric dates with slashes, as in Vietnamese; year-first for ISO and Chinese.
 */
export function parseWallTime(input: string): WallTime | null {
  const text = input.slice(0, MAX_DATE_TEXT).normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!text) return null;

  // ISO 8601 / RFC 3339 and "2025-02-14 09:00:00" (Chinese CMS metas), also with slashes.
  const iso =
    /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+\-−]\d{2}(?::?\d{2})?)?/.exec(text);
  if (iso) {
    const zone = iso[8];
    let offset: number | null = null;
    if (zone === 'Z') offset = 0;
    else if (zone) {
      const m = /([+\-−])(\d{2}):?(\d{2})?/.exec(zone);
      if (m) offset = numericOffset(m[1]!, m[2]!, m[3]);
    }
    const rest = text.slice(iso.index + iso[0].length);
    // ".112", ".5" (500 ms), ".1234567" (cut to 123 ms).
    const millisecond = Number((iso[7] ?? '').slice(0, 3).padEnd(3, '0'));
    return valid({
      year: Number(iso[1]),
      month: Number(iso[2]),
      day: Number(iso[3]),
      hour: Number(iso[4] ?? 0),
      minute: Number(iso[5] ?? 0),
      second: Number(iso[6] ?? 0),
      ...(millisecond > 0 ? { millisecond } : {}),
      offsetMinutes: offset ?? parseZone(rest),
    });
  }

  // Chinese: "2025年2月14日 09:00", "2025年02月14日09:00:00".
  const zh = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:\s*(上午|下午|早上|晚上)?\s*(\d{1,2})[:：时](\d{2})(?:[:：分](\d{2}))?)?/.exec(text);
  if (zh) {
    return valid({
      year: Number(zh[1]),
      month: Number(zh[2]),
      day: Number(zh[3]),
      hour: hour12(Number(zh[5] ?? 0), zh[4]),
      minute: Number(zh[6] ?? 0),
      second: Number(zh[7] ?? 0),
      offsetMinutes: parseZone(text),
    });
  }

  // Vietnamese long form: "ngày 5 tháng 11 năm 2024".
  const viLong = /(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:năm|,)\s*(\d{4})/iu.exec(text);
  // Day-first numeric: "5/11/2024", "05-11-2024", "5.11.2024".
  const dmy = viLong ?? /(?<![\d/])(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?!\d)/.exec(text);
  if (dmy) {
    const time = new RegExp(TIME).exec(text);
    return valid({
      year: Number(dmy[3]),
      month: Number(dmy[2]),
      day: Number(dmy[1]),
      hour: time ? hour12(Number(time[1]), time[4]) : 0,
      minute: time ? Number(time[2]) : 0,
      second: time ? Number(time[3] ?? 0) : 0,
      offsetMinutes: parseZone(text),
    });
  }

  // English: "December 2, 2024 10:00 AM GMT+7", "2 Dec 2024, 10:00 GMT+7", "Oct. 8, 2024".
  const monthFirst = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(text);
  const dayFirst = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(text);
  const english =
    monthFirst && MONTHS[monthFirst[1]!.toLowerCase()]
      ? { month: MONTHS[monthFirst[1]!.toLowerCase()]!, day: Number(monthFirst[2]), year: Number(monthFirst[3]) }
      : dayFirst && MONTHS[dayFirst[2]!.toLowerCase()]
        ? { month: MONTHS[dayFirst[2]!.toLowerCase()]!, day: Number(dayFirst[1]), year: Number(dayFirst[3]) }
        : null;
  if (english) {
    const time = new RegExp(TIME).exec(text);
    return valid({
      ...english,
      hour: time ? hour12(Number(time[1]), time[4]) : 0,
      minute: time ? Number(time[2]) : 0,
      second: time ? Number(time[3] ?? 0) : 0,
      offsetMinutes: parseZone(text),
    });
  }
  return null;
}

function pad(n: number, width = 2): string {
  return String(Math.abs(n)).padStart(width, '0');
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.trunc(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** The wall time as ISO 8601, using its own offset or, when it has none, the fallback one. */
export function resolveWallTime(time: WallTime, fallbackOffsetMinutes: number): ResolvedDate {
  const offset = time.offsetMinutes ?? fallbackOffsetMinutes;
  const second = Math.min(time.second, 59);
  const iso =
    `${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}` +
    `T${pad(time.hour)}:${pad(time.minute)}:${pad(second)}${time.millisecond ? `.${pad(time.millisecond, 3)}` : ''}${formatOffset(offset)}`;
  return { iso, zoneAssumed: time.offsetMinutes === null };
}

/** Parses and resolves in one step; null when the text holds no recognisable date. */
export function parseArticleDate(text: string, fallbackOffsetMinutes = VIETNAM_OFFSET_MINUTES): ResolvedDate | null {
  const time = parseWallTime(text);
  return time ? resolveWallTime(time, fallbackOffsetMinutes) : null;
}
