import { isCategoryId, type CategoryId } from '@/lib/categories';
import type { CategoryDef } from '@/lib/settings/app-settings';
import { t, type MessageKey } from './i18n';

const CATEGORY_KEYS: Record<CategoryId, MessageKey> = {
  'sovereignty-sea-islands': 'category_sovereignty_sea_islands',
  border: 'category_border',
  'provincial-image': 'category_provincial_image',
  'policy-distortion': 'category_policy_distortion',
  other: 'category_other',
};

/**
 * What a category is called on screen: the monitor's own label if set in
 * options, else the built-in locale label, else (an id from another monitor's
 * file that this one does not know) the id itself.
 */
export function categoryLabel(category: string, categories: readonly CategoryDef[] = []): string {
  const own = categories.find((c) => c.id === category)?.label;
  if (own) return own;
  return isCategoryId(category) ? t(CATEGORY_KEYS[category]) : category;
}
