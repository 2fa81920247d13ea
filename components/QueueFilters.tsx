/**
 * The queue's filters (status, category, severity, flag dates in Vietnam
 * time, monitor, language) and sort. Controlled: the queue owns the state.
 */
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { appDatabase } from '@/lib/db/app-database';
import { FLAG_STATUSES, isSeverity, SEVERITIES, type FlagStatus } from '@/lib/flag-record';
import { filterChoices, isFilterEmpty, QUEUE_SORTS, type QueueFilter } from '@/lib/queue/queue-query';
import { categoryLabel } from './category-label';
import { t } from './i18n';
import { severityLabel } from './SeveritySelect';
import { statusLabel } from './StatusSelect';
import { useAppSettings } from './use-app-settings';
import { DEFAULT_VIEW, withDates, type QueueView } from './queue-view';

const only = <T,>(value: string, accept: (value: string) => T | undefined): T[] => {
  const item = value === '*' ? undefined : accept(value);
  return item === undefined ? [] : [item];
};

export function QueueFilters(props: { view: QueueView; onChange(view: QueueView): void }) {
  const { view } = props;
  const settings = useAppSettings();
  // The monitor and language lists walk two indexes: only once the monitor opens the filters.
  const [open, setOpen] = useState(false);
  const choices = useLiveQuery(() => (open ? filterChoices(appDatabase()) : undefined), [open]) ?? { monitors: [], langs: [] };
  const set = (change: Partial<QueueFilter>) => props.onChange({ ...view, filter: { ...view.filter, ...change } });
  const active = !isFilterEmpty(view.filter);

  return (
    <details className="filters" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        {t('filtersHeading')}
        {active && <span className="badge"> · {t('filterActive')}</span>}
      </summary>
      {/* The menus exist only while the filters are open: none of them is built for the popup's first paint. */}
      {open && (
        <div className="filter-grid">
          <label>
            {t('filterStatus')}
            <select aria-label={t('filterStatus')}
              value={view.filter.statuses[0] ?? '*'}
              onChange={(e) => set({ statuses: only(e.target.value, (v) => FLAG_STATUSES.find((s) => s === v) as FlagStatus | undefined) })}
            >
              <option value="*">{t('filterAny')}</option>
              {FLAG_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {statusLabel(status)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('filterCategory')}
            <select aria-label={t('filterCategory')} value={view.filter.categories[0] ?? '*'} onChange={(e) => set({ categories: only(e.target.value, (v) => v) })}>
              <option value="*">{t('filterAny')}</option>
              <option value="">{t('categoryNone')}</option>
              {settings.categories.map((category) => (
                <option key={category.id} value={category.id}>
                  {categoryLabel(category.id, settings.categories)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('filterSeverity')}
            <select aria-label={t('filterSeverity')}
              value={view.filter.severities[0] ?? '*'}
              onChange={(e) => set({ severities: only(e.target.value, (v) => (isSeverity(Number(v)) ? (Number(v) as 0 | 1 | 2 | 3) : undefined)) })}
            >
              <option value="*">{t('filterAny')}</option>
              {SEVERITIES.map((severity) => (
                <option key={severity} value={severity}>
                  {severityLabel(severity)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('filterMonitor')}
            <select aria-label={t('filterMonitor')} value={view.filter.monitor} onChange={(e) => set({ monitor: e.target.value })}>
              <option value="">{t('filterAny')}</option>
              {choices.monitors.map((monitor) => (
                <option key={monitor} value={monitor}>
                  {monitor}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('filterLang')}
            <select aria-label={t('filterLang')} value={view.filter.lang} onChange={(e) => set({ lang: e.target.value })}>
              <option value="">{t('filterAny')}</option>
              {choices.langs.map((lang) => (
                <option key={lang} value={lang}>
                  {lang}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('sortLabel')}
            <select aria-label={t('sortLabel')} value={view.sort} onChange={(e) => props.onChange({ ...view, sort: QUEUE_SORTS.find((s) => s === e.target.value) ?? 'captured' })}>
              {QUEUE_SORTS.map((sort) => (
                <option key={sort} value={sort}>
                  {t(`sort_${sort}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('filterFrom')}
            <input aria-label={t('filterFrom')} type="date" value={view.fromDate} onChange={(e) => props.onChange(withDates(view, e.target.value, view.toDate))} />
          </label>
          <label>
            {t('filterTo')}
            <input aria-label={t('filterTo')} type="date" value={view.toDate} onChange={(e) => props.onChange(withDates(view, view.fromDate, e.target.value))} />
          </label>
        </div>
      )}
      {active && (
        <button type="button" className="link" onClick={() => props.onChange({ ...DEFAULT_VIEW, sort: view.sort })}>
          {t('filterClear')}
        </button>
      )}
    </details>
  );
}
