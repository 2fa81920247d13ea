/** Dates as monitors read them: Vietnam time, in the UI language's format. */

// Building an Intl.DateTimeFormat (locale data, time zone) costs far more than
// formatting with one; every queue row formats two dates, so keep one per locale.
const formats = new Map<string, Intl.DateTimeFormat>();

export function formatVietnamDateTime(epochMs: number, locale: string): string {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' });
    formats.set(locale, format);
  }
  return format.format(epochMs);
}
