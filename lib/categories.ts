/**
 * The kinds of distortion a flag is filed under. Ids are stable (CSV, imports,
 * other monitors); labels come from the locale catalogues, or from the
 * monitor's own list in options (lib/settings/app-settings.ts), which adds ids
 * of its own.
 */

export const CATEGORY_IDS = ['sovereignty-sea-islands', 'border', 'provincial-image', 'policy-distortion', 'other'] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

export function isCategoryId(value: string): value is CategoryId {
  return (CATEGORY_IDS as readonly string[]).includes(value);
}

/**
 * The shape of every category id, built-in or added in options: lower-case
 * ASCII letters, digits and dashes, so it is safe in CSV cells, URLs and
 * attribute values, and the same on every monitor's machine.
 */
export const CATEGORY_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,59}$/;
export const MAX_CATEGORY_ID = 60;

/** A category id another monitor may have made (their list is not ours): any slug-like id. */
export function isCategorySlug(value: string): boolean {
  return CATEGORY_ID_PATTERN.test(value);
}
