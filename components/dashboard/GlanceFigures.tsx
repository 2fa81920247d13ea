/** "At a glance": stories and copies, then each status, each with its change against the previous period. */
import { t } from '@/components/i18n';
import type { Totals } from '@/lib/dashboard/aggregate-flags';
import { changeBetween, changeFigures } from '@/lib/dashboard/period-change';
import { FLAG_STATUSES } from '@/lib/flag-record';
import { formatNumber, statusName } from './labels';

function Figure(props: { name: string; label: string; value: number; previous: number }) {
  const change = changeBetween(props.value, props.previous);
  const direction = change.delta > 0 ? 'up' : change.delta < 0 ? 'down' : 'same';
  return (
    <div className="figure" data-figure={props.name}>
      <dt>{props.label}</dt>
      <dd>
        <span className="value">{formatNumber(props.value)}</span>{' '}
        <span className={`change ${direction}`}>{t('dashboard_change', changeFigures(change, formatNumber))}</span>
      </dd>
    </div>
  );
}

export function GlanceFigures(props: { totals: Totals; previous: Totals }) {
  const { totals, previous } = props;
  return (
    <section className="glance" aria-labelledby="glance-heading">
      <h2 id="glance-heading">{t('dashboard_glance')}</h2>
      <dl className="figures main-figures">
        <Figure name="stories" label={t('dashboard_stories')} value={totals.stories} previous={previous.stories} />
        <Figure name="copies" label={t('dashboard_copies')} value={totals.copies} previous={previous.copies} />
      </dl>
      <h3>{t('dashboard_byStatus')}</h3>
      <dl className="figures status-figures">
        {FLAG_STATUSES.map((status) => (
          <Figure key={status} name={status} label={statusName(status)} value={totals.byStatus[status]} previous={previous.byStatus[status]} />
        ))}
      </dl>
    </section>
  );
}
