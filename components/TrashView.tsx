/**
 * The trash: deleted stories, restorable for 30 days, and "empty the trash"
 * (which can itself be undone while the popup stays open).
 */
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { appDatabase } from '@/lib/db/app-database';
import { restoreStory, undoRestore } from '@/lib/db/story-edits';
import { emptyTrash, listTrash, unemptyTrash } from '@/lib/db/trash';
import { formatVietnamDateTime } from './format-time';
import { t, uiLocale } from './i18n';
import { saveFailedMessage } from './save-failed-message';
import { UndoBar } from './UndoBar';
import { useLastAction } from './use-last-action';

export function TrashView(props: { onClose(): void }) {
  const db = appDatabase();
  const trashed = useLiveQuery(() => listTrash(db), [db]);
  const [error, setError] = useState('');
  const report = (reason: unknown) => setError(saveFailedMessage(reason));
  const { lastAction, setLastAction, undoLast } = useLastAction(report);

  async function restore(id: string, title: string) {
    try {
      const restored = await restoreStory(db, id);
      setLastAction({ message: t('trashRestored', title), undo: () => undoRestore(db, restored) });
    } catch (reason) {
      report(reason);
    }
  }

  async function emptyAll() {
    try {
      const emptied = await emptyTrash(db);
      setLastAction({ message: t('trashEmptied', String(emptied.trash.length)), undo: () => unemptyTrash(db, emptied) });
    } catch (reason) {
      report(reason);
    }
  }

  return (
    <section className="trash" aria-labelledby="trash-heading">
      <button type="button" className="link" onClick={props.onClose}>
        {t('trashBack')}
      </button>
      <h2 id="trash-heading">{t('trashHeading')}</h2>
      {error && (
        <p role="alert" className="message error">
          {error}
        </p>
      )}
      {lastAction && (
        <UndoBar message={lastAction.message} onUndo={undoLast} />
      )}
      {trashed === undefined ? (
        <p>{t('queueLoading')}</p>
      ) : trashed.length === 0 ? (
        <p className="empty">{t('trashEmpty')}</p>
      ) : (
        <>
          <ul className="trash-list">
            {trashed.map((record) => {
              const title = record.title || t('untitled');
              return (
                <li key={record.id} className="trash-item">
                  <span className="title">{title}</span>
                  <span className="meta">
                    {record.siteName} · {t('trashDeletedOn', formatVietnamDateTime(record.deletedAt, uiLocale()))}
                  </span>
                  <button type="button" aria-label={t('trashRestoreNamed', title)} onClick={() => void restore(record.id, title)}>
                    {t('trashRestore')}
                  </button>
                </li>
              );
            })}
          </ul>
          <button type="button" className="danger" onClick={() => void emptyAll()}>
            {t('trashEmptyNow')}
          </button>
        </>
      )}
    </section>
  );
}
