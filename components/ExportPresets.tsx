/**
 * The weekly-briefing export: pick this week, last week (ISO weeks in Vietnam
 * time), this month, a custom range, the queue's current filters, or
 * everything; the file is named after the period (canh-tin_2026-W48.csv).
 */
import { useState } from 'react';
import { matchesFilter, type QueueFilter } from '@/lib/queue/queue-query';
import { dateRangePeriod, lastWeek, thisMonth, thisWeek, type Period } from '@/lib/time/periods';
import { ExportCsvButton } from './ExportCsvButton';
import { t } from './i18n';

const PRESETS = ['lastWeek', 'thisWeek', 'thisMonth', 'range', 'filtered', 'all'] as const;
type Preset = (typeof PRESETS)[number];

function presetPeriod(preset: Preset, now: number, from: string, to: string): Period | null | undefined {
  if (preset === 'thisWeek') return thisWeek(now);
  if (preset === 'lastWeek') return lastWeek(now);
  if (preset === 'thisMonth') return thisMonth(now);
  if (preset === 'range') return dateRangePeriod(from, to);
  return undefined;
}

export function ExportPresets(props: { filter: QueueFilter }) {
  // Monday's briefing covers last week: the usual choice comes first.
  const [preset, setPreset] = useState<Preset>('lastWeek');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const period = presetPeriod(preset, Date.now(), from, to);

  return (
    <div className="export-presets">
      <label>
        {t('exportPresetLabel')}{' '}
        <select value={preset} onChange={(event) => setPreset(PRESETS.find((p) => p === event.target.value) ?? 'lastWeek')}>
          {PRESETS.map((p) => (
            <option key={p} value={p}>
              {t(`exportPreset_${p}`)}
            </option>
          ))}
        </select>
      </label>
      {preset === 'range' && (
        <>
          <input type="date" aria-label={t('filterFrom')} value={from} onChange={(event) => setFrom(event.target.value)} />
          <input type="date" aria-label={t('filterTo')} value={to} onChange={(event) => setTo(event.target.value)} />
        </>
      )}
      {period === null ? (
        <span className="message">{t('exportRangeInvalid')}</span>
      ) : (
        <ExportCsvButton {...(period ? { period } : {})} {...(preset === 'filtered' ? { keep: matchesFilter(props.filter) } : {})} />
      )}
    </div>
  );
}
