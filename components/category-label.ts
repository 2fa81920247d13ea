import type { CategoryId } from '@/lib/categories';
import { t, type MessageKey } from './i18n';

const CATEGORY_KEYS: Record<CategoryId, MessageKey> = {
  'sovereignty-sea-islands': 'category_sovereignty_sea_islands',
  border: 'category_border',
  'provincial-image': 'category_provincial_image',
  'policy-distortion': 'category_policy_distortion',
  other: 'category_other',
};

export function categoryLabel(category: CategoryId): string {
  return t(CATEGORY_KEYS[category]);
}
