/** The briefing's title block, on screen and at the top of the printed page: unit, title, period, monitor, time. */
import { t } from '@/components/i18n';
import type { PeriodParts } from '@/lib/dashboard/period-param';
import { formatVietnamTime, periodDays, periodTitle } from './labels';

export function BriefingHeader(props: { parts: PeriodParts; unitName: string; monitorName: string; preparedAt: number }) {
  const { parts } = props;
  return (
    <header className="briefing-header">
      {props.unitName && <p className="unit">{props.unitName}</p>}
      <h1>{t('dashboard_heading')}</h1>
      <p className="period">
        <strong className="period-title">{periodTitle(parts)}</strong>
        {parts.kind !== 'range' && <span className="period-days"> · {periodDays(parts)}</span>}
      </p>
      <p className="byline">
        {props.monitorName && <span>{t('dashboard_monitor', props.monitorName)} · </span>}
        <span>{t('dashboard_prepared', formatVietnamTime(props.preparedAt))}</span>
      </p>
    </header>
  );
}
