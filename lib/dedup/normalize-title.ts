/**
 * Headline normalisation for duplicate detection: the outlet's name, "UPDATE:"
 * markers, case, diacritics, punctuation and entities removed, truncation marked.
 */
import { compactKey, foldText, splitWords } from './fold-text';

/** Appended to a normalised title that was cut short ("…", "..."), so it can match as a prefix. */
export const TRUNCATION_MARK = '…';

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', hellip: '…', ndash: '–', mdash: '—',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', middot: '·', bull: '•', shy: '',
};

/** Decodes the entities that titles carry when a CMS or feed double-escapes them. */
export function decodeHtmlEntities(text: string): string {
  let current = text;
  // Twice: "&amp;#8217;" is an escaped "&#8217;".
  for (let pass = 0; pass < 2; pass += 1) {
    const next = current.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
      if (body.startsWith('#')) {
        const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      }
      return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
    });
    if (next === current) break;
    current = next;
  }
  return current;
}

// "UPDATE:", "Updated -", "CẬP NHẬT:", "[Cập nhật]", "【更新】", "更新：", "BREAKING:", "VIDEO:" …
// Markers a republisher adds in front of the same headline.
const MARKER_WORDS =
  '(?:updated?|update\\s*\\d*|breaking(?:\\s+news)?|exclusive|live|video|photos?|cập\\s*nhật|cap\\s*nhat|nóng|nong|độc\\s*quyền|doc\\s*quyen|trực\\s*tiếp|truc\\s*tiep|clip|ảnh|anh|更新|最新|快讯|突发|独家|视频|速报)';
const BRACKETED_MARKER = new RegExp(`^[\\[【(（「]\\s*${MARKER_WORDS}\\s*[\\]】)）」]\\s*[:：\\-–—|]?\\s*`, 'iu');
const SEPARATED_MARKER = new RegExp(`^${MARKER_WORDS}\\s*[:：\\-–—|]\\s*`, 'iu');

// Separators between a headline and the outlet's name. "_" and the CJK bars are
// used without spaces ("…_沧海评论"); the others need spaces so "Hà-Tiên" survives.
const SEGMENT_SEPARATOR = /(\s+(?:[-–—|:·•»~]|::|\|\|)\s+|\s*[_｜丨]\s*)/u;

// Host labels that name nothing ("www", "news", TLDs) must not count as an outlet name.
const GENERIC_LABELS = new Set([
  'www', 'amp', 'mobile', 'com', 'net', 'org', 'info', 'edu', 'gov', 'example', 'test', 'news', 'online', 'today', 'daily', 'tin', 'bao',
]);

/** Outlet names to recognise in a title: the names as given, plus the labels of any hostname among them. */
function outletKeys(siteNames: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const name of siteNames) {
    const trimmed = name.trim();
    if (!trimmed) continue;
    const compact = compactKey(trimmed);
    if (compact.length >= 3) keys.add(compact);
    if (/^[\w-]+(?:\.[\w-]+)+$/.test(trimmed)) {
      for (const label of trimmed.toLowerCase().split('.')) {
        const key = compactKey(label);
        if (key.length >= 4 && !GENERIC_LABELS.has(key)) keys.add(key);
      }
    }
  }
  return [...keys];
}

function isOutletSegment(segment: string, keys: readonly string[]): boolean {
  const trimmed = segment.trim();
  const compact = compactKey(trimmed);
  if (!compact) return true; // only emoji or punctuation left after a separator
  if (/^[\w-]+(?:\.[\w-]+)+$/.test(trimmed) && /\.[a-z]{2,}$/i.test(trimmed)) return true; // "vnexpress.net"
  if (splitWords(foldText(trimmed)).length > 8) return false;
  return keys.some(
    (key) =>
      compact === key ||
      // "Báo Đảo Xanh" inside "baodaoxanhexample"; "Feedly-ish Reader" around "reader";
      // the length ratio keeps a headline clause that merely mentions the outlet.
      (key.length >= 4 && key.includes(compact) && compact.length >= 4) ||
      (key.length >= 4 && compact.includes(key) && compact.length <= key.length * 2.5),
  );
}

/** Removes outlet segments at either end ("X - Site", "Site | X", "X_站名"), never the whole title. */
function stripOutlet(title: string, keys: readonly string[]): string {
  const parts = title.split(SEGMENT_SEPARATOR);
  // parts alternate: segment, separator, segment, …
  let start = 0;
  let end = parts.length - 1;
  while (end - start >= 2 && isOutletSegment(parts[end] ?? '', keys)) end -= 2;
  while (end - start >= 2 && isOutletSegment(parts[start] ?? '', keys)) start += 2;
  return parts.slice(start, end + 1).join('');
}

export interface TitleParts {
  /** Folded words separated by single spaces; unspaced-script runs kept whole. */
  text: string;
  /** The headline as captured was cut short ("…", "...") and may match as a prefix. */
  truncated: boolean;
  /**
   * Words at the end of `text` that look like an outlet name nobody told us
   * about ("… - Báo Người Lao Động" on nld.example): a separated, short,
   * capitalised, number-free tail. Kept in `text`; similarity may ignore it.
   */
  nameLikeTailWords: number;
}

/** "Báo Người Lao Động", "VTV NEWS", "Feedly-ish Reader": every word capitalised, no digits, at most 5 words. */
function isNameLike(segment: string): boolean {
  const words = segment.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 5 || /\d/.test(segment)) return false;
  return words.every((word) => /^[^\p{L}]*\p{Lu}/u.test(word));
}

function nameLikeTail(title: string): number {
  const parts = title.split(SEGMENT_SEPARATOR);
  if (parts.length < 3) return 0;
  const tail = parts.at(-1) ?? '';
  const head = parts.slice(0, -2).join('');
  if (!isNameLike(tail) || splitWords(foldText(head)).length < 4) return 0;
  const words = splitWords(foldText(tail));
  // Unspaced scripts have no capitals to go by.
  return words.some((word) => /[^\p{Script=Latin}\d]/u.test(word)) ? 0 : words.length;
}

/**
 * Splits normalisation into its parts; `normalizeTitle` renders them as one string.
 * `siteNames`: the outlet's name and/or hostname, used to recognise the outlet
 * in a prefix or suffix. Without a match nothing is cut, because a " – " inside
 * a headline ("Quần đảo Nam Du – “Hạ Long phương Nam”…") is common.
 */
export function titleParts(title: string, siteNames: string | readonly string[] = []): TitleParts {
  const names = typeof siteNames === 'string' ? [siteNames] : siteNames;
  const keys = outletKeys(names);
  let text = decodeHtmlEntities(title)
    .normalize('NFKC')
    // Markup that arrived as text in a scraped title: keep the words, drop the tags.
    .replace(/<\/?[a-z][^<>]*>/gi, ' ')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  let truncated = false;
  for (let pass = 0; pass < 3; pass += 1) {
    const before = text;
    text = stripOutlet(text, keys).trim();
    if (/(?:\.{3,}|…)$/.test(text)) {
      truncated = true;
      text = text.replace(/\s*(?:\.{3,}|…)$/, '').trim();
    }
    text = text.replace(BRACKETED_MARKER, '').replace(SEPARATED_MARKER, '').trim();
    if (text === before) break;
  }
  return { text: splitWords(foldText(text)).join(' '), truncated, nameLikeTailWords: truncated ? 0 : nameLikeTail(text) };
}

/**
 * "CẬP NHẬT: Tàu cá Phú Quốc gặp nạn… - Báo Đảo Xanh" → "tau ca phu quoc gap nan…".
 * Case and Vietnamese diacritics folded, punctuation and emoji dropped, HTML
 * entities decoded, update markers and the outlet's name removed; a truncated
 * headline ends with TRUNCATION_MARK.
 */
export function normalizeTitle(title: string, siteNames?: string | readonly string[]): string {
  const parts = titleParts(title, siteNames);
  return parts.truncated && parts.text ? `${parts.text}${TRUNCATION_MARK}` : parts.text;
}
