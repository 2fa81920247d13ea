import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS, isCategorySlug } from '@/lib/categories';
import {
  addCategory,
  APP_SETTINGS_KEY,
  CategoryChangeError,
  defaultAppSettings,
  DEFAULT_CATEGORIES,
  getAppSettings,
  LEGACY_MONITOR_NAME_KEY,
  migrateAppSettings,
  moveCategory,
  renameCategory,
  selectableCategories,
  setCategoryRetired,
  slugFromLabel,
  updateAppSettings,
  type CategoryDef,
} from '@/lib/settings/app-settings';
import { testDatabase } from './support/test-database';

function refusal(change: () => unknown): string {
  try {
    change();
  } catch (error) {
    if (error instanceof CategoryChangeError) return error.code;
    throw error;
  }
  return 'accepted';
}

describe('migrating stored settings', () => {
  it('a database from before version 1 (only a monitorName row) keeps its name, cleaned', async () => {
    const db = testDatabase();
    await db.settings.put({ key: LEGACY_MONITOR_NAME_KEY, value: ' Trần\u200B  Thị Biển ' });
    expect(await getAppSettings(db)).toEqual({ ...defaultAppSettings(), monitorName: 'Trần Thị Biển' });
  });

  it('the first save carries the legacy name over and removes its row, so there is one place for it', async () => {
    const db = testDatabase();
    await db.settings.put({ key: LEGACY_MONITOR_NAME_KEY, value: 'Lan' });
    await updateAppSettings(db, { unitName: 'Sở TT&TT Kiên Giang' });
    expect(await db.settings.get(LEGACY_MONITOR_NAME_KEY)).toBeUndefined();
    expect(await getAppSettings(db)).toMatchObject({ monitorName: 'Lan', unitName: 'Sở TT&TT Kiên Giang' });
    // A name cleared later stays cleared even if an old row reappears (e.g. restored from an old file).
    await updateAppSettings(db, { monitorName: '' });
    await db.settings.put({ key: LEGACY_MONITOR_NAME_KEY, value: 'Lan' });
    expect((await getAppSettings(db)).monitorName).toBe('');
  });

  it.each([
    ['no row at all', undefined],
    ['null', null],
    ['a string', 'Lan'],
    ['a number', 42],
    ['an array', [1, 2]],
    ['an object without version', { monitorName: 'Lan' }],
    ['version 0', { version: 0, monitorName: 'Lan' }],
    ['a non-numeric version', { version: '1', monitorName: 'Lan' }],
  ])('garbage (%s) gives the defaults', (_case, stored) => {
    expect(migrateAppSettings(stored)).toEqual(defaultAppSettings());
  });

  it('a damaged field loses only itself', () => {
    const stored = {
      version: 1,
      monitorName: 'Minh',
      unitName: 17,
      csvHeadings: 'fr',
      categories: [
        { id: 'border', label: 'Biên giới', retired: false },
        { id: 'Bad Id!', label: 'x', retired: false },
        { id: 'border', label: 'again', retired: true },
        'garbage',
        { id: 'ton-giao', label: ' Tôn\ngiáo ', retired: 'yes' },
      ],
    };
    expect(migrateAppSettings(stored)).toEqual({
      version: 1,
      monitorName: 'Minh',
      unitName: '',
      csvHeadings: 'en',
      categories: [
        { id: 'border', label: 'Biên giới', retired: false },
        { id: 'ton-giao', label: 'Tôn giáo', retired: false },
      ],
    });
  });

  it('an empty or unusable category list falls back to the built-in one', () => {
    expect(migrateAppSettings({ version: 1, categories: [] }).categories).toEqual(DEFAULT_CATEGORIES);
    expect(migrateAppSettings({ version: 1, categories: 'all' }).categories).toEqual(DEFAULT_CATEGORIES);
  });

  it('a row written by a newer version keeps the fields this one knows', () => {
    const settings = migrateAppSettings({ version: 2, monitorName: 'Hùng', csvHeadings: 'vi', theme: 'dark', categories: [{ id: 'other', label: '', retired: false }] });
    expect(settings).toEqual({ version: 1, monitorName: 'Hùng', unitName: '', csvHeadings: 'vi', categories: [{ id: 'other', label: '', retired: false }] });
  });

  it('names are cleaned and capped when saved', async () => {
    const db = testDatabase();
    const saved = await updateAppSettings(db, { monitorName: `  Lan\u202E ${'x'.repeat(300)}`, unitName: 'Sở\tTT&TT' });
    expect(saved.monitorName).toHaveLength(120);
    expect(saved.monitorName.startsWith('Lan x')).toBe(true);
    expect(saved.unitName).toBe('Sở TT&TT');
    expect((await db.settings.get(APP_SETTINGS_KEY))?.value).toEqual(saved);
  });
});

describe('category ids', () => {
  it.each([
    ['Tôn giáo – Dân tộc', 'ton-giao-dan-toc'],
    ['Đường lưỡi bò', 'duong-luoi-bo'],
    ['  COVID-19 / Y tế ', 'covid-19-y-te'],
    ['南海', 'category'],
    ['!!!', 'category'],
    ['a'.repeat(100), 'a'.repeat(56)],
  ])('%s → %s', (label, slug) => {
    expect(slugFromLabel(label)).toBe(slug);
    expect(isCategorySlug(slugFromLabel(label))).toBe(true);
  });
});

describe('editing the category list', () => {
  const base: CategoryDef[] = DEFAULT_CATEGORIES.map((c) => ({ ...c }));

  it('adds a category at the end with an id made from its label', () => {
    const { categories, id } = addCategory(base, 'Tôn giáo');
    expect(id).toBe('ton-giao');
    expect(categories.at(-1)).toEqual({ id: 'ton-giao', label: 'Tôn giáo', retired: false });
    expect(categories.slice(0, -1)).toEqual(base);
  });

  it('never reuses an id: not a listed one (retired too), not a built-in one, not one found on records', () => {
    let categories = setCategoryRetired(addCategory(base, 'Tôn giáo').categories, 'ton-giao', true);
    const second = addCategory(categories, 'Tôn-giáo mới');
    expect(second.id).toBe('ton-giao-moi');
    categories = renameCategory(categories, 'ton-giao', 'Tín ngưỡng');
    expect(addCategory(categories, 'Tôn giáo').id).toBe('ton-giao-2');
    // "Other" folds to the built-in id "other" even when the built-in entry is not in this list.
    expect(addCategory([{ id: 'x', label: 'X', retired: false }], 'Other').id).toBe('other-2');
    expect(addCategory(base, 'Thời tiết', ['thoi-tiet', 'thoi-tiet-2']).id).toBe('thoi-tiet-3');
  });

  it('refuses an empty label and one that reads like another category', () => {
    const { categories } = addCategory(base, 'Tôn giáo');
    expect(refusal(() => addCategory(categories, '  \u200B '))).toBe('empty-label');
    expect(refusal(() => addCategory(categories, 'TON GIAO'))).toBe('duplicate-label');
    expect(refusal(() => renameCategory(renameCategory(categories, 'border', 'Biên giới'), 'other', 'bien gioi'))).toBe('duplicate-label');
  });

  it('renaming changes the label only; a built-in one renamed to nothing gets its built-in name back', () => {
    const renamed = renameCategory(base, 'border', ' Biên giới Tây Nam ');
    expect(renamed.find((c) => c.id === 'border')).toEqual({ id: 'border', label: 'Biên giới Tây Nam', retired: false });
    expect(renamed.map((c) => c.id)).toEqual(base.map((c) => c.id));
    expect(renameCategory(renamed, 'border', '').find((c) => c.id === 'border')?.label).toBe('');
    const { categories } = addCategory(base, 'Tôn giáo');
    expect(refusal(() => renameCategory(categories, 'ton-giao', ''))).toBe('empty-label');
    // Renaming to its own label (another case) is not a duplicate of itself.
    expect(renameCategory(categories, 'ton-giao', 'TÔN GIÁO').at(-1)?.label).toBe('TÔN GIÁO');
    expect(refusal(() => renameCategory(base, 'weather', 'Thời tiết'))).toBe('unknown-category');
  });

  it('moves a category up or down, and not past either end', () => {
    expect(moveCategory(base, 'border', -1).map((c) => c.id)).toEqual(['border', 'sovereignty-sea-islands', 'provincial-image', 'policy-distortion', 'other']);
    expect(moveCategory(base, 'border', 1).map((c) => c.id)).toEqual(['sovereignty-sea-islands', 'provincial-image', 'border', 'policy-distortion', 'other']);
    expect(moveCategory(base, 'sovereignty-sea-islands', -1)).toEqual(base);
    expect(moveCategory(base, 'other', 1)).toEqual(base);
  });

  it('retires and brings back, but always leaves one category to choose', () => {
    const retired = setCategoryRetired(base, 'border', true);
    expect(retired.find((c) => c.id === 'border')?.retired).toBe(true);
    expect(setCategoryRetired(retired, 'border', false)).toEqual(base);
    let one = base;
    for (const id of CATEGORY_IDS.slice(1)) one = setCategoryRetired(one, id, true);
    expect(refusal(() => setCategoryRetired(one, CATEGORY_IDS[0], true))).toBe('last-active');
  });

  it('pickers offer active categories, plus the current one when it is retired or unknown', () => {
    const retired = setCategoryRetired(base, 'border', true);
    expect(selectableCategories(retired).map((c) => c.id)).not.toContain('border');
    expect(selectableCategories(retired, 'border').at(-1)).toEqual({ id: 'border', label: '', retired: true });
    expect(selectableCategories(retired, 'thoi-tiet').at(-1)).toEqual({ id: 'thoi-tiet', label: 'thoi-tiet', retired: true });
  });

  it('whatever the monitor does, no id is ever lost or duplicated, and every id is slug-like (property)', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), label: fc.string({ maxLength: 20 }) }),
      fc.record({ kind: fc.constant('rename' as const), at: fc.nat(), label: fc.string({ maxLength: 20 }) }),
      fc.record({ kind: fc.constant('move' as const), at: fc.nat(), step: fc.constantFrom(-1 as const, 1 as const) }),
      fc.record({ kind: fc.constant('retire' as const), at: fc.nat(), retired: fc.boolean() }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        let categories: CategoryDef[] = base;
        const ever = new Set(categories.map((c) => c.id));
        for (const s of steps) {
          const target = s.kind === 'add' ? undefined : categories[s.at % categories.length]!.id;
          try {
            if (s.kind === 'add') categories = addCategory(categories, s.label).categories;
            else if (s.kind === 'rename') categories = renameCategory(categories, target!, s.label);
            else if (s.kind === 'move') categories = moveCategory(categories, target!, s.step);
            else categories = setCategoryRetired(categories, target!, s.retired);
          } catch (error) {
            if (!(error instanceof CategoryChangeError)) throw error;
          }
          const ids = categories.map((c) => c.id);
          for (const id of ever) expect(ids).toContain(id);
          for (const id of ids) ever.add(id);
          expect(new Set(ids).size).toBe(ids.length);
          expect(ids.every(isCategorySlug)).toBe(true);
          expect(categories.some((c) => !c.retired)).toBe(true);
          // What the list holds survives a save: migration keeps it as it is.
          expect(migrateAppSettings({ ...defaultAppSettings(), categories }).categories).toEqual(categories);
        }
      }),
      { numRuns: 200 },
    );
  });
});
