/**
 * The monitor's settings that records, exports and the briefing use: who
 * flags (monitor and unit), which categories exist, which CSV heading language
 * is the default. Stored in the database's settings table (so a backup holds
 * them) as one versioned row; an older row migrates like the database does.
 */
import { CATEGORY_IDS } from '../categories';
import type { HeadingLanguage } from '../csv/flag-columns';
import type { CanhTinDatabase } from '../db/schema';
import { z } from '../schema';
import { cleanSingleLine } from '../text/clean-text';

export const APP_SETTINGS_KEY = 'app';
export const APP_SETTINGS_VERSION = 1;
export const MAX_NAME = 120;

/** A category flags are filed under. Built-in ids have locale labels; `label` overrides them. */
export interface CategoryDef {
  /** Stable id, written to records and CSV; never changes once used. */
  id: string;
  /** The monitor's own name for it; '' = the built-in locale label (built-in ids only). */
  label: string;
  /** Retired: no longer offered for new flags, still shown on old ones. */
  retired: boolean;
}

export interface AppSettings {
  version: typeof APP_SETTINGS_VERSION;
  monitorName: string;
  /** The monitor's unit ("Sở Thông tin và Truyền thông …"), printed on the briefing. */
  unitName: string;
  /** Heading language of exported CSV files ('en': the stable keys the README documents). */
  csvHeadings: HeadingLanguage;
  /** In display order. */
  categories: CategoryDef[];
}

export const DEFAULT_CATEGORIES: readonly CategoryDef[] = CATEGORY_IDS.map((id) => ({ id, label: '', retired: false }));

export function defaultAppSettings(): AppSettings {
  return { version: APP_SETTINGS_VERSION, monitorName: '', unitName: '', csvHeadings: 'en', categories: DEFAULT_CATEGORIES.map((c) => ({ ...c })) };
}

const categorySchema = z.object({
  id: z.string().min(1).max(60),
  label: z.string().max(MAX_NAME),
  retired: z.boolean(),
});

const storedSchema = z.object({
  version: z.literal(APP_SETTINGS_VERSION),
  monitorName: z.string().max(MAX_NAME).catch(''),
  unitName: z.string().max(MAX_NAME * 2).catch(''),
  csvHeadings: z.enum(['en', 'vi']).catch('en'),
  categories: z.array(categorySchema).min(1).catch(DEFAULT_CATEGORIES.map((c) => ({ ...c }))),
});

/**
 * Any stored value (or none) to current settings. Before version 1 the
 * monitor's name was its own row (`monitorName`); it is carried over.
 */
export function migrateAppSettings(stored: unknown, legacy: { monitorName?: unknown } = {}): AppSettings {
  const parsed = storedSchema.safeParse(stored);
  if (parsed.success) return parsed.data as AppSettings;
  const settings = defaultAppSettings();
  if (typeof legacy.monitorName === 'string') settings.monitorName = cleanSingleLine(legacy.monitorName, MAX_NAME);
  return settings;
}

export async function getAppSettings(db: CanhTinDatabase): Promise<AppSettings> {
  const [row, legacyName] = await Promise.all([db.settings.get(APP_SETTINGS_KEY), db.settings.get('monitorName')]);
  return migrateAppSettings(row?.value, { monitorName: legacyName?.value });
}

/** Saves a change, cleaned; returns what was stored. */
export async function updateAppSettings(db: CanhTinDatabase, change: Partial<Omit<AppSettings, 'version'>>): Promise<AppSettings> {
  return db.transaction('rw', db.settings, async () => {
    const next = { ...(await getAppSettings(db)), ...change };
    next.monitorName = cleanSingleLine(next.monitorName, MAX_NAME);
    next.unitName = cleanSingleLine(next.unitName, MAX_NAME * 2);
    const stored = migrateAppSettings(next);
    await db.settings.put({ key: APP_SETTINGS_KEY, value: stored });
    return stored;
  });
}

/** Categories offered for a new choice: the active ones, plus `current` if it is retired or unknown (so it still shows). */
export function selectableCategories(categories: readonly CategoryDef[], current = ''): CategoryDef[] {
  const active = categories.filter((c) => !c.retired);
  if (!current || active.some((c) => c.id === current)) return active;
  return [...active, categories.find((c) => c.id === current) ?? { id: current, label: current, retired: true }];
}
