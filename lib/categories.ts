/**
 * The kinds of distortion a flag is filed under. Ids are stable (CSV, imports,
 * other monitors); labels come from the locale catalogues.
 */

export const CATEGORY_IDS = ['sovereignty-sea-islands', 'border', 'provincial-image', 'policy-distortion', 'other'] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

export function isCategoryId(value: string): value is CategoryId {
  return (CATEGORY_IDS as readonly string[]).includes(value);
}
