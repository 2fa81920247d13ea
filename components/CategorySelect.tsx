/**
 * Category picker; '' means not chosen yet. Offers the monitor's categories
 * from options (renamed, added, in their order); a retired or unknown
 * category still shows when it is the current one, so old flags read right.
 */
import { selectableCategories } from '@/lib/settings/app-settings';
import { categoryLabel } from './category-label';
import { t } from './i18n';
import { useAppSettings } from './use-app-settings';

export function CategorySelect(props: { value: string; onChange(category: string): void; label: string }) {
  const { categories } = useAppSettings();
  return (
    <select aria-label={props.label} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
      <option value="">{t('categoryNone')}</option>
      {selectableCategories(categories, props.value).map((category) => (
        <option key={category.id} value={category.id}>
          {category.retired ? `${categoryLabel(category.id, categories)} ${t('category_retiredMark')}` : categoryLabel(category.id, categories)}
        </option>
      ))}
    </select>
  );
}
