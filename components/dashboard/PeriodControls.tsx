/**
 * Choosing the period: this week, last week, this month, a given ISO week or
 * month, a custom range, and stepping to the previous or next one. Each
 * choice becomes the page address (see use-period-location.ts).
 */
import { useState, type FormEvent } from 'react';
import { t } from '@/components/i18n';
import { parsePeriodLabel, shiftPeriod, type SelectedPeriod } from '@/lib/dashboard/period-param';
import { lastWeek, thisMonth, thisWeek, vietnamDate } from '@/lib/time/periods';

export function PeriodControls(props: { selected: SelectedPeriod; onChoose(next: SelectedPeriod): void }) {
  const { selected, onChoose } = props;
  const { kind, period } = selected;
  const [from, setFrom] = useState(vietnamDate(period.start));
  const [to, setTo] = useState(vietnamDate(period.end - 1));
  const [error, setError] = useState('');

  const chooseLabel = (label: string) => {
    const next = parsePeriodLabel(label);
    if (next) onChoose(next);
  };

  function applyRange(event: FormEvent) {
    event.preventDefault();
    const next = parsePeriodLabel(`${from}_${to}`);
    setError(next ? '' : t('dashboard_rangeInvalid'));
    if (next) onChoose(next);
  }

  const now = Date.now();
  return (
    <div className="period-controls no-print" role="group" aria-label={t('dashboard_periodLabel')}>
      <div className="row">
        <button type="button" onClick={() => onChoose(shiftPeriod(selected, -1))} aria-label={t('dashboard_previous')}>
          ◀
        </button>
        <button type="button" onClick={() => onChoose({ kind: 'week', period: thisWeek(now) })}>
          {t('dashboard_thisWeek')}
        </button>
        <button type="button" onClick={() => onChoose({ kind: 'week', period: lastWeek(now) })}>
          {t('dashboard_lastWeek')}
        </button>
        <button type="button" onClick={() => onChoose({ kind: 'month', period: thisMonth(now) })}>
          {t('dashboard_thisMonth')}
        </button>
        <button type="button" onClick={() => onChoose(shiftPeriod(selected, 1))} aria-label={t('dashboard_next')}>
          ▶
        </button>
        <label>
          {t('dashboard_chooseWeek')}{' '}
          <input type="week" value={kind === 'week' ? period.label : ''} onChange={(event) => chooseLabel(event.target.value)} />
        </label>
        <label>
          {t('dashboard_chooseMonth')}{' '}
          <input type="month" value={kind === 'month' ? period.label : ''} onChange={(event) => chooseLabel(event.target.value)} />
        </label>
      </div>
      <form className="row" onSubmit={applyRange}>
        <label>
          {t('dashboard_rangeFrom')} <input type="date" value={from} required onChange={(event) => setFrom(event.target.value)} />
        </label>
        <label>
          {t('dashboard_rangeTo')} <input type="date" value={to} required onChange={(event) => setTo(event.target.value)} />
        </label>
        <button type="submit">{t('dashboard_rangeApply')}</button>
        {error && (
          <span role="alert" className="message error">
            {error}
          </span>
        )}
      </form>
    </div>
  );
}
