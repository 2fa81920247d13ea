/** The copy-summary's wording in the UI language (lib/dashboard/briefing-summary.ts stays locale-free). */
import { t } from '@/components/i18n';
import type { SummaryWords } from '@/lib/dashboard/briefing-summary';
import type { CategoryDef } from '@/lib/settings/app-settings';
import { categoryName, formatNumber, formatVietnamDay, severityName, statusName } from './labels';

export function summaryWords(categories: readonly CategoryDef[]): SummaryWords {
  return {
    title: (period) => t('dashboard_summaryTitle', period),
    unit: (name) => t('dashboard_unit', name),
    monitor: (name) => t('dashboard_monitor', name),
    stories: (count, change) => t('dashboard_summaryStories', count, change),
    copies: (count, change) => t('dashboard_summaryCopies', count, change),
    status: statusName,
    topHeading: t('dashboard_summaryTop'),
    storyCopies: (count) => t('dashboard_summaryStoryCopies', count),
    severity: (level) => t('dashboard_summarySeverity', severityName(Number(level))),
    category: (id) => categoryName(id, categories),
    date: formatVietnamDay,
    number: formatNumber,
    empty: t('dashboard_empty'),
  };
}
