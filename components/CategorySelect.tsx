import { CATEGORY_IDS } from '@/lib/categories';
import { categoryLabel } from './category-label';
import { t } from './i18n';

/** Category picker; '' means not chosen yet. */
export function CategorySelect(props: { value: string; onChange(category: string): void; label: string }) {
  return (
    <select aria-label={props.label} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
      <option value="">{t('categoryNone')}</option>
      {CATEGORY_IDS.map((id) => (
        <option key={id} value={id}>
          {categoryLabel(id)}
        </option>
      ))}
    </select>
  );
}
