/**
 * The monitor's settings that records, exports and the briefing use: who
 * flags (monitor and unit), which categories exist, which CSV heading language
 * is the default. Stored in the database's settings table (so a backup holds
 * them) as one versioned row; an older row migrates like the database does.
 *
 * Category ids are written into records, CSV files and other monitors'
 * queues, so the list only ever grows: a rename changes the label, a category
 * no longer wanted is retired (hidden from pickers, still shown on old flags).
 */
import { CATEGORY_IDS, isCategorySlug, MAX_CATEGORY_ID } from '../categories';
import type { HeadingLanguage } from '../csv/flag-columns';
import type { CanhTinDatabase } from '../db/schema';
import { foldText } from '../dedup/fold-text';
import { cleanSingleLine } from '../text/clean-text';

export const APP_SETTINGS_KEY = 'app';
/** Before version 1 the monitor's name was a row of its own. */
export const LEGACY_MONITOR_NAME_KEY = 'monitorName';
export const APP_SETTINGS_VERSION = 1;
export const MAX_NAME = 120;
export const MAX_UNIT_NAME = MAX_NAME * 2;
/** Enough for any real list; keeps a pasted or hostile settings row from bloating every picker. */
export const MAX_CATEGORIES = 100;

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

// Checked by hand rather than with zod: every extension page reads these settings on
// opening, and this row is the only thing the briefing would load zod for (≈100 KB of script).
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const textOr = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);

/** One stored category, or undefined when its id or label is unusable (a bad `retired` is just "not retired"). */
function readCategory(entry: unknown): CategoryDef | undefined {
  if (!isRecord(entry) || typeof entry.id !== 'string' || !isCategorySlug(entry.id) || typeof entry.label !== 'string') return undefined;
  return { id: entry.id, label: entry.label, retired: typeof entry.retired === 'boolean' ? entry.retired : false };
}

/** Valid entries in order, each id once, labels cleaned; the defaults when nothing usable is left. */
function cleanCategories(entries: readonly unknown[]): CategoryDef[] {
  const seen = new Set<string>();
  const categories: CategoryDef[] = [];
  for (const entry of entries) {
    const category = readCategory(entry);
    if (!category || seen.has(category.id) || categories.length >= MAX_CATEGORIES) continue;
    seen.add(category.id);
    categories.push({ ...category, label: cleanSingleLine(category.label, MAX_NAME) });
  }
  return categories.length > 0 ? categories : DEFAULT_CATEGORIES.map((c) => ({ ...c }));
}

/**
 * A stored settings row, every field read on its own, so one damaged field (or
 * a row written by a newer build, with fields this one does not know) loses
 * only itself. Undefined when it is not a settings row at all.
 */
function readStored(stored: unknown): Omit<AppSettings, 'version' | 'categories'> & { categories: readonly unknown[] } | undefined {
  if (!isRecord(stored) || typeof stored.version !== 'number' || !Number.isInteger(stored.version) || stored.version < 1) return undefined;
  return {
    monitorName: textOr(stored.monitorName, ''),
    unitName: textOr(stored.unitName, ''),
    csvHeadings: stored.csvHeadings === 'vi' || stored.csvHeadings === 'en' ? stored.csvHeadings : 'en',
    categories: Array.isArray(stored.categories) ? stored.categories : [],
  };
}

/**
 * Any stored value (or none) to current settings. Before version 1 the
 * monitor's name was its own row (`monitorName`); it is carried over only
 * when there is no settings row yet (a name cleared since must stay cleared).
 */
export function migrateAppSettings(stored: unknown, legacy: { monitorName?: unknown } = {}): AppSettings {
  const parsed = readStored(stored);
  if (!parsed) {
    const settings = defaultAppSettings();
    settings.monitorName = cleanSingleLine(legacy.monitorName, MAX_NAME);
    return settings;
  }
  return {
    version: APP_SETTINGS_VERSION,
    monitorName: cleanSingleLine(parsed.monitorName, MAX_NAME),
    unitName: cleanSingleLine(parsed.unitName, MAX_UNIT_NAME),
    csvHeadings: parsed.csvHeadings,
    categories: cleanCategories(parsed.categories),
  };
}

export async function getAppSettings(db: CanhTinDatabase): Promise<AppSettings> {
  const [row, legacyName] = await Promise.all([db.settings.get(APP_SETTINGS_KEY), db.settings.get(LEGACY_MONITOR_NAME_KEY)]);
  return migrateAppSettings(row?.value, { monitorName: legacyName?.value });
}

/** Saves a change, cleaned; returns what was stored. */
export async function updateAppSettings(db: CanhTinDatabase, change: Partial<Omit<AppSettings, 'version'>>): Promise<AppSettings> {
  return db.transaction('rw', db.settings, async () => {
    const stored = migrateAppSettings({ ...(await getAppSettings(db)), ...change });
    await db.settings.put({ key: APP_SETTINGS_KEY, value: stored });
    // The legacy row has been carried over: one place for the name from now on.
    await db.settings.delete(LEGACY_MONITOR_NAME_KEY);
    return stored;
  });
}

/**
 * Applies one of the list edits below to the stored list, read and written in
 * one transaction so two open options pages cannot undo each other's edit.
 */
export async function changeCategories(db: CanhTinDatabase, change: (categories: CategoryDef[]) => CategoryDef[]): Promise<AppSettings> {
  return db.transaction('rw', db.settings, async () => updateAppSettings(db, { categories: change((await getAppSettings(db)).categories) }));
}

/** Categories offered for a new choice: the active ones, plus `current` if it is retired or unknown (so it still shows). */
export function selectableCategories(categories: readonly CategoryDef[], current = ''): CategoryDef[] {
  const active = categories.filter((c) => !c.retired);
  if (!current || active.some((c) => c.id === current)) return active;
  return [...active, categories.find((c) => c.id === current) ?? { id: current, label: current, retired: true }];
}

// ---- Editing the category list: pure functions, each returns a new list ----

export type CategoryProblem = 'empty-label' | 'duplicate-label' | 'unknown-category' | 'last-active' | 'too-many';

/** A change the list refuses; `code` is stable so the UI can say it in the monitor's language. */
export class CategoryChangeError extends Error {
  constructor(readonly code: CategoryProblem) {
    super(`category change refused: ${code}`);
    this.name = 'CategoryChangeError';
  }
}

/**
 * The id a new category gets from its label: "Tôn giáo – Dân tộc" →
 * "ton-giao-dan-toc". Diacritics and đ fold to ASCII so the id reads the same
 * in any tool; a label with no Latin letters (Chinese, Khmer) gets "category".
 */
export function slugFromLabel(label: string): string {
  // Room for a "-NN" suffix when the slug is taken.
  const slug = foldText(label)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, MAX_CATEGORY_ID - 4)
    .replace(/-+$/, '');
  return slug || 'category';
}

function labelKey(label: string): string {
  return foldText(label).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function checkLabel(categories: readonly CategoryDef[], label: string, exceptId?: string): string {
  const cleaned = cleanSingleLine(label, MAX_NAME);
  if (!cleaned) throw new CategoryChangeError('empty-label');
  const key = labelKey(cleaned);
  // Two entries a picker shows alike would file flags under the wrong one.
  if (categories.some((c) => c.id !== exceptId && c.label !== '' && labelKey(c.label) === key)) throw new CategoryChangeError('duplicate-label');
  return cleaned;
}

function indexOf(categories: readonly CategoryDef[], id: string): number {
  const at = categories.findIndex((c) => c.id === id);
  if (at < 0) throw new CategoryChangeError('unknown-category');
  return at;
}

/**
 * Adds a category at the end; its id comes from the label and never collides
 * with an id in the list (retired ones too), a built-in id, or `idsInUse`
 * (ids found on records, e.g. from another monitor's file), so no old record
 * silently changes category.
 */
export function addCategory(categories: readonly CategoryDef[], label: string, idsInUse: Iterable<string> = []): { categories: CategoryDef[]; id: string } {
  if (categories.length >= MAX_CATEGORIES) throw new CategoryChangeError('too-many');
  const cleaned = checkLabel(categories, label);
  const taken = new Set<string>([...categories.map((c) => c.id), ...CATEGORY_IDS, ...idsInUse]);
  const base = slugFromLabel(cleaned);
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  return { categories: [...categories, { id, label: cleaned, retired: false }], id };
}

/**
 * A new label, same id: every flag filed under it shows the new name. For a
 * built-in category an empty label brings back the built-in (translated) name.
 */
export function renameCategory(categories: readonly CategoryDef[], id: string, label: string): CategoryDef[] {
  const at = indexOf(categories, id);
  const isBuiltIn = (CATEGORY_IDS as readonly string[]).includes(id);
  const cleaned = isBuiltIn && cleanSingleLine(label, MAX_NAME) === '' ? '' : checkLabel(categories, label, id);
  return categories.map((c, i) => (i === at ? { ...c, label: cleaned } : c));
}

/** Moves a category one place up (-1) or down (+1); at either end it stays put. */
export function moveCategory(categories: readonly CategoryDef[], id: string, step: -1 | 1): CategoryDef[] {
  const at = indexOf(categories, id);
  const to = at + step;
  if (to < 0 || to >= categories.length) return [...categories];
  const next = [...categories];
  [next[at], next[to]] = [next[to]!, next[at]!];
  return next;
}

/** Retires (or brings back) a category; at least one stays offered, or new flags could not be filed. */
export function setCategoryRetired(categories: readonly CategoryDef[], id: string, retired: boolean): CategoryDef[] {
  const at = indexOf(categories, id);
  if (retired && !categories[at]!.retired && categories.filter((c) => !c.retired).length <= 1) throw new CategoryChangeError('last-active');
  return categories.map((c, i) => (i === at ? { ...c, retired } : c));
}
