/**
 * Options: the monitor's category list — add, rename, reorder, retire and
 * bring back. Ids never change and are never removed (flags, CSV files and
 * other monitors' queues carry them); the pure edits live in
 * lib/settings/app-settings.ts, this component only wires them to the page.
 */
import { useState, type FormEvent } from 'react';
import { appDatabase } from '@/lib/db/app-database';
import {
  addCategory,
  CategoryChangeError,
  changeCategories,
  MAX_NAME,
  moveCategory,
  renameCategory,
  setCategoryRetired,
  type CategoryDef,
  type CategoryProblem,
} from '@/lib/settings/app-settings';
import { categoryLabel } from './category-label';
import { t, type MessageKey } from './i18n';
import { saveFailedMessage } from './save-failed-message';
import { useAppSettings } from './use-app-settings';

const PROBLEM_KEYS: Record<CategoryProblem, MessageKey> = {
  'empty-label': 'category_problem_empty_label',
  'duplicate-label': 'category_problem_duplicate_label',
  'unknown-category': 'category_problem_unknown_category',
  'last-active': 'category_problem_last_active',
  'too-many': 'category_problem_too_many',
};

/** Ids on stories in the queue: a new category must not take one (read through the category index). */
async function idsInUse(): Promise<string[]> {
  const keys = await appDatabase().flags.orderBy('category').uniqueKeys();
  return keys.filter((key): key is string => typeof key === 'string');
}

function CategoryRow(props: { category: CategoryDef; categories: readonly CategoryDef[]; first: boolean; last: boolean; apply(change: (list: CategoryDef[]) => CategoryDef[]): Promise<boolean> }) {
  const { category, categories } = props;
  const name = categoryLabel(category.id, categories);
  const [draft, setDraft] = useState(name);

  async function rename(event: FormEvent) {
    event.preventDefault();
    // Saving the built-in name unchanged keeps it translated (label '' follows the UI language).
    const label = category.label === '' && draft.trim() === name ? '' : draft;
    if (await props.apply((list) => renameCategory(list, category.id, label))) setDraft(categoryLabel(category.id, categories));
  }

  return (
    <li className={category.retired ? 'category-row retired' : 'category-row'} data-category-id={category.id}>
      <form onSubmit={rename} className="row">
        <input
          value={draft}
          maxLength={MAX_NAME}
          aria-label={t('category_renameLabel', name)}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" aria-label={t('category_renameNamed', name)} disabled={draft === name}>
          {t('category_rename')}
        </button>
        <button type="button" aria-label={t('category_moveUpNamed', name)} disabled={props.first} onClick={() => void props.apply((list) => moveCategory(list, category.id, -1))}>
          ↑
        </button>
        <button type="button" aria-label={t('category_moveDownNamed', name)} disabled={props.last} onClick={() => void props.apply((list) => moveCategory(list, category.id, 1))}>
          ↓
        </button>
        <button
          type="button"
          aria-label={t(category.retired ? 'category_unretireNamed' : 'category_retireNamed', name)}
          onClick={() => void props.apply((list) => setCategoryRetired(list, category.id, !category.retired))}
        >
          {t(category.retired ? 'category_unretire' : 'category_retire')}
        </button>
        {category.retired && <span className="hint">{t('category_retiredMark')}</span>}
        <span className="hint">{t('category_idNote', category.id)}</span>
      </form>
    </li>
  );
}

export function CategoryEditor() {
  const { categories } = useAppSettings();
  const [newLabel, setNewLabel] = useState('');
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);

  /** Stores one edit; says why when the list refuses it. True when it was stored. */
  async function apply(change: (list: CategoryDef[]) => CategoryDef[]): Promise<boolean> {
    try {
      await changeCategories(appDatabase(), change);
      setMessage({ text: t('saved'), isError: false });
      return true;
    } catch (error) {
      const text = error instanceof CategoryChangeError ? t(PROBLEM_KEYS[error.code]) : saveFailedMessage(error);
      setMessage({ text, isError: true });
      return false;
    }
  }

  async function add(event: FormEvent) {
    event.preventDefault();
    const inUse = await idsInUse();
    if (await apply((list) => addCategory(list, newLabel, inUse).categories)) setNewLabel('');
  }

  return (
    <section aria-labelledby="categories-heading">
      <h2 id="categories-heading">{t('category_editorHeading')}</h2>
      <p className="hint">{t('category_editorIntro')}</p>
      <ol className="category-list">
        {categories.map((category, at) => (
          // Keyed by id and label: a row's draft starts again from the stored name after a change.
          <CategoryRow
            key={`${category.id}\n${category.label}`}
            category={category}
            categories={categories}
            first={at === 0}
            last={at === categories.length - 1}
            apply={apply}
          />
        ))}
      </ol>
      <form onSubmit={add} className="row">
        <label htmlFor="new-category">{t('category_addLabel')}</label>
        <input id="new-category" value={newLabel} maxLength={MAX_NAME} onChange={(event) => setNewLabel(event.target.value)} />
        <button type="submit" disabled={newLabel.trim() === ''}>
          {t('category_add')}
        </button>
      </form>
      {message && (
        <p role="status" className={message.isError ? 'message error' : 'message'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
