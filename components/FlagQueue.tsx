/**
 * The flagged queue, newest first, live: flags made by the background appear
 * without reopening the popup. Deleting moves a flag to the trash, with undo.
 */
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { appDatabase } from '@/lib/db/app-database';
import { listQueue, moveToTrash, restoreFromTrash, setCategory, setStatus } from '@/lib/db/flag-repository';
import type { FlagStatus, TrashedFlag } from '@/lib/flag-record';
import { t } from './i18n';
import { QueueItem } from './QueueItem';
import { UndoBar } from './UndoBar';

export function FlagQueue() {
  const db = appDatabase();
  const records = useLiveQuery(() => listQueue(db), [db]);
  const [lastDeleted, setLastDeleted] = useState<TrashedFlag | null>(null);
  const [error, setError] = useState('');

  const report = (reason: unknown) => setError(t('saveFailed', String(reason)));

  function changeStatus(id: string, status: FlagStatus) {
    setStatus(db, id, status).catch(report);
  }

  function remove(id: string) {
    moveToTrash(db, id, Date.now()).then(setLastDeleted, report);
  }

  function undoDelete() {
    if (!lastDeleted) return;
    restoreFromTrash(db, lastDeleted.id).then(() => setLastDeleted(null), report);
  }

  return (
    <section className="queue" aria-labelledby="queue-heading">
      <h2 id="queue-heading">
        {t('queueHeading')}
        {records && <span className="count"> · {t('queueCount', String(records.length))}</span>}
      </h2>
      {error && (
        <p role="alert" className="message error">
          {error}
        </p>
      )}
      {lastDeleted && (
        <UndoBar message={t('deletedNotice', lastDeleted.title || t('untitled'))} onUndo={undoDelete} />
      )}
      {records === undefined ? (
        <p>{t('queueLoading')}</p>
      ) : records.length === 0 ? (
        <p className="empty">{t('queueEmpty')}</p>
      ) : (
        <ul className="queue-list">
          {records.map((record) => (
            <QueueItem
              key={record.id}
              record={record}
              onStatusChange={(status) => changeStatus(record.id, status)}
              onCategoryChange={(category) => setCategory(db, record.id, category).catch(report)}
              onDelete={() => remove(record.id)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
