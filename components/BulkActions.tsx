/** Status and category for every selected story at once (only categories still in use are offered). */
import { FLAG_STATUSES, type FlagStatus } from '@/lib/flag-record';
import { selectableCategories } from '@/lib/settings/app-settings';
import { categoryLabel } from './category-label';
import { t } from './i18n';
import { statusLabel } from './StatusSelect';
import { useAppSettings } from './use-app-settings';

export function BulkActions(props: { count: number; onStatus(status: FlagStatus): void; onCategory(category: string): void }) {
  const count = String(props.count);
  const { categories } = useAppSettings();
  return (
    <div className="bulk-actions">
      <select aria-label={t('bulkStatusLabel', count)} value="" onChange={(event) => props.onStatus(event.target.value as FlagStatus)}>
        <option value="" disabled>
          {t('bulkStatusLabel', count)}
        </option>
        {FLAG_STATUSES.map((status) => (
          <option key={status} value={status}>
            {statusLabel(status)}
          </option>
        ))}
      </select>
      <select aria-label={t('bulkCategoryLabel', count)} value="" onChange={(event) => props.onCategory(event.target.value)}>
        <option value="" disabled>
          {t('bulkCategoryLabel', count)}
        </option>
        {selectableCategories(categories).map((category) => (
          <option key={category.id} value={category.id}>
            {categoryLabel(category.id, categories)}
          </option>
        ))}
      </select>
    </div>
  );
}
