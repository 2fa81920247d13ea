/**
 * How the dashboard names things on screen and on paper, in the UI language:
 * periods, days, categories, languages, outlets, severities and numbers.
 */
import { categoryLabel } from '@/components/category-label';
import { formatVietnamDateTime } from '@/components/format-time';
import { t, uiLocale } from '@/components/i18n';
import { statusLabel } from '@/components/StatusSelect';
import type { PeriodParts } from '@/lib/dashboard/period-param';
import type { FlagStatus } from '@/lib/flag-record';
import type { CategoryDef } from '@/lib/settings/app-settings';

const locale = uiLocale();
const numbers = new Intl.NumberFormat(locale);
const dayFormat = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' });
const shortDayFormat = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short', day: '2-digit', month: '2-digit' });
const vietnamDayFormat = new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });

export const formatNumber = (value: number) => numbers.format(value);

/** A calendar day "YYYY-MM-DD" (already a Vietnam date) as the UI writes dates. */
export const formatDay = (day: string) => dayFormat.format(Date.parse(`${day}T00:00:00Z`));
/** A chart's day tick: weekday and day ("T2, 23/11"). */
export const formatShortDay = (day: string) => shortDayFormat.format(Date.parse(`${day}T00:00:00Z`));
/** An instant's Vietnam date. */
export const formatVietnamDay = (epochMs: number) => vietnamDayFormat.format(epochMs);
export const formatVietnamTime = (epochMs: number) => formatVietnamDateTime(epochMs, locale);

/** "Tuần 48/2026", "Tháng 11/2026", or the range's days for a custom range. */
export function periodTitle(parts: PeriodParts): string {
  if (parts.kind === 'week') return t('dashboard_periodWeek', String(parts.number), String(parts.year));
  if (parts.kind === 'month') return t('dashboard_periodMonth', String(parts.number), String(parts.year));
  return periodDays(parts);
}

/** "23/11/2026 – 29/11/2026". */
export const periodDays = (parts: PeriodParts) => `${formatDay(parts.firstDay)} – ${formatDay(parts.lastDay)}`;

/** The title plus its days, as one line (summary text, document title). */
export const periodText = (parts: PeriodParts) => (parts.kind === 'range' ? periodDays(parts) : `${periodTitle(parts)} (${periodDays(parts)})`);

export function categoryName(id: string, categories: readonly CategoryDef[]): string {
  return id ? categoryLabel(id, categories) : t('dashboard_uncategorised');
}

let languageNames: Intl.DisplayNames | undefined;
export function languageName(code: string): string {
  if (!code) return t('dashboard_unknownLanguage');
  try {
    languageNames ??= new Intl.DisplayNames([locale], { type: 'language' });
    return languageNames.of(code) ?? code;
  } catch {
    // A page may declare a tag Intl does not know: show it as written.
    return code;
  }
}

export const outletName = (siteName: string) => siteName || t('dashboard_unknownOutlet');

export function severityName(level: number): string {
  switch (level) {
    case 1:
      return t('dashboard_severity_1');
    case 2:
      return t('dashboard_severity_2');
    case 3:
      return t('dashboard_severity_3');
    default:
      return t('dashboard_severity_0');
  }
}

export const statusName = (status: FlagStatus) => statusLabel(status);
