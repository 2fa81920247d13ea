/** Dates as monitors read them: Vietnam time, in the UI language's format. */
export function formatVietnamDateTime(epochMs: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Ho_Chi_Minh',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(epochMs);
}
