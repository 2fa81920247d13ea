/**
 * Cleaning of untrusted, page-derived text before it is stored.
 * Single-line fields (title, site name, …) lose control, zero-width and bidi
 * override characters and collapse whitespace; multi-line fields keep their
 * line breaks. Both are capped so a hostile page cannot bloat the database.
 */

// C0/C1 controls except TAB/LF/CR, zero-width and invisible formatting characters,
// bidi embeddings/overrides/isolates, and the BOM.
const INVISIBLE_OR_CONTROL =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

export const MAX_SINGLE_LINE = 1000;
export const MAX_MULTI_LINE = 10_000;

/** Truncates without splitting a UTF-16 surrogate pair. */
export function capLength(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

/** For titles, names, URLs: one line, no invisible characters, capped. */
export function cleanSingleLine(value: unknown, max = MAX_SINGLE_LINE): string {
  if (typeof value !== 'string') return '';
  const text = value.normalize('NFC').replace(INVISIBLE_OR_CONTROL, '').replace(/\s+/g, ' ').trim();
  return capLength(text, max);
}

/** For quotes and excerpts: line breaks kept (at most one blank line), capped. */
export function cleanMultiLine(value: unknown, max = MAX_MULTI_LINE): string {
  if (typeof value !== 'string') return '';
  const text = value
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE_OR_CONTROL, '')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return capLength(text, max);
}
