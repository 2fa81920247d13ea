/**
 * The weekly briefing: period, the figures at a glance, charts, the story
 * list, and the ways out (print/PDF, copy summary, CSV, evidence bundle).
 * The numbers come from pure functions in lib/dashboard over the period's
 * stories as the day digest has them.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { ExportCsvButton } from '@/components/ExportCsvButton';
import { ExportEvidenceButton } from '@/components/ExportEvidenceButton';
import { t } from '@/components/i18n';
import { useSameValue } from '@/components/use-same-value';
import { BriefingHeader } from '@/components/dashboard/BriefingHeader';
import { CopySummaryButton } from '@/components/dashboard/CopySummaryButton';
import { DashboardCharts } from '@/components/dashboard/DashboardCharts';
import { GlanceFigures } from '@/components/dashboard/GlanceFigures';
import { PeriodControls } from '@/components/dashboard/PeriodControls';
import { StoryList } from '@/components/dashboard/StoryList';
import { summaryWords } from '@/components/dashboard/summary-words';
import { settingsReadEarly } from '@/components/dashboard/first-read';
import { useDashboardData } from '@/components/dashboard/use-dashboard-data';
import { usePeriodLocation } from '@/components/dashboard/use-period-location';
import { periodText } from '@/components/dashboard/labels';
import { markFirstRender } from '@/components/dashboard/render-timing';
import { aggregateFlags } from '@/lib/dashboard/aggregate-flags';
import { briefingSummaryText } from '@/lib/dashboard/briefing-summary';
import { periodParts } from '@/lib/dashboard/period-param';
import { inCategoryOrder, topStories } from '@/lib/dashboard/story-groups';
import { appDatabase } from '@/lib/db/app-database';
import { getAppSettings } from '@/lib/settings/app-settings';

const TOP_IN_SUMMARY = 5;

export function DashboardApp() {
  const [selected, choose] = usePeriodLocation();
  const { period } = selected;
  const parts = useMemo(() => periodParts(selected), [selected]);
  // Read here rather than with useAppSettings(): the briefing waits for the real unit and
  // monitor names instead of printing the defaults for a moment.
  // The first stage's read of them, when back, is the first render's (no loading state for a round trip).
  // Kept by content: its live query answering with the same settings must not rebuild the charts.
  const settings = useSameValue(useLiveQuery(() => getAppSettings(appDatabase()), [], settingsReadEarly()));
  const data = useDashboardData(period);
  // The briefing says when its figures were read: a live query re-reads when flags change.
  const preparedAt = useMemo(() => Date.now(), [data]);
  const categoryOrder = useMemo(() => settings?.categories.map((c) => c.id) ?? [], [settings]);

  const view = useMemo(() => {
    if (!data) return undefined;
    const started = performance.now();
    const aggregate = aggregateFlags(data.flags, period, { categoryOrder });
    const groups = inCategoryOrder(data.groups, categoryOrder);
    performance.measure('canh-tin-dashboard-aggregate', { start: started, end: performance.now() });
    // Each group is already ranked: the top stories overall are among the first few of each.
    const top = topStories(
      groups.flatMap((group) => group.stories.slice(0, TOP_IN_SUMMARY)),
      TOP_IN_SUMMARY,
    );
    return { aggregate, groups, top, previous: data.previous };
  }, [data, period, categoryOrder]);

  useEffect(() => {
    document.title = `${t('dashboard_title')} · ${periodText(parts)}`;
  }, [parts]);

  const ready = Boolean(view && settings);
  const marked = useRef(false);
  const markOnce = useCallback(() => {
    if (marked.current) return;
    marked.current = true;
    markFirstRender();
  }, []);
  // A view without charts is complete once committed; one with charts when the last chart has its
  // bars (each measures its box in a layout effect and renders again, before the same paint).
  const hasCharts = Boolean(view && view.aggregate.totals.stories > 0);
  useLayoutEffect(() => {
    if (ready && !hasCharts) markOnce();
  }, [ready, hasCharts, markOnce]);

  const summary = () =>
    view && settings
      ? briefingSummaryText(
          {
            periodText: periodText(parts),
            unitName: settings.unitName,
            monitorName: settings.monitorName,
            totals: view.aggregate.totals,
            previous: view.previous,
            top: view.top,
          },
          summaryWords(settings.categories),
        )
      : '';

  return (
    <main className="dashboard" aria-busy={!ready}>
      <BriefingHeader parts={parts} unitName={settings?.unitName ?? ''} monitorName={settings?.monitorName ?? ''} preparedAt={preparedAt} />
      <PeriodControls key={period.label} selected={selected} onChoose={choose} />
      <div className="toolbar no-print">
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('dashboard_print')}
        </button>
        <CopySummaryButton summary={summary} />
        <ExportCsvButton period={period} label={t('dashboard_exportCsvPeriod')} />
        <ExportEvidenceButton period={period} />
      </div>
      {!view || !settings ? (
        <p className="loading">{t('dashboard_loading')}</p>
      ) : view.aggregate.totals.stories === 0 ? (
        <>
          <GlanceFigures totals={view.aggregate.totals} previous={view.previous} />
          <p className="empty">{t('dashboard_empty')}</p>
        </>
      ) : (
        <>
          <GlanceFigures totals={view.aggregate.totals} previous={view.previous} />
          <DashboardCharts aggregate={view.aggregate} categories={settings.categories} onDrawn={markOnce} />
          <StoryList groups={view.groups} dismissed={view.aggregate.totals.byStatus.dismissed} categories={settings.categories} />
        </>
      )}
    </main>
  );
}
