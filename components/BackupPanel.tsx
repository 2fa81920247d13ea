/**
 * Options: download a full backup (evidence optional), and restore one. A
 * restore replaces everything, so it takes two steps: choose the file (it is
 * checked and summarised), then confirm. `onReplaced` lets the page reload
 * what it shows once the data underneath has changed.
 */
import { useState, type ChangeEvent } from 'react';
import { backupFileName, parseBackup, serializeBackup, type Backup } from '@/lib/backup/backup-format';
import { createBackup } from '@/lib/backup/create-backup';
import { restoreBackup } from '@/lib/backup/restore-backup';
import { appDatabase } from '@/lib/db/app-database';
import { loadWatchlistSettings, saveWatchlistSettings } from '@/lib/settings/watchlist-settings';
import { errorText } from './backup-messages';
import { downloadText } from './download-file';
import { formatVietnamDateTime } from './format-time';
import { t, uiLocale } from './i18n';

type Message = { text: string; isError: boolean };

export function BackupPanel(props: { onReplaced(): void }) {
  const [includeEvidence, setIncludeEvidence] = useState(true);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<Backup | null>(null);
  const [message, setMessage] = useState<Message | null>(null);

  async function download() {
    setBusy(true);
    try {
      const now = Date.now();
      // The watchlist lives in extension storage, not the database: it is read here and goes into the file too.
      const watchlist = await loadWatchlistSettings(browser.storage.local);
      const backup = await createBackup(appDatabase(), { includeEvidence, now, watchlist });
      downloadText(serializeBackup(backup), backupFileName(now), 'application/json');
      setMessage({ text: t('backup_downloaded', String(backup.flags.length), String(backup.evidence?.length ?? 0)), isError: false });
    } catch (error) {
      setMessage({ text: t('backup_downloadFailed', String(error)), isError: true });
    } finally {
      setBusy(false);
    }
  }

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    setPending(null);
    if (!file) return;
    try {
      setPending(parseBackup(await file.text()));
      setMessage(null);
    } catch (error) {
      setMessage({ text: t('backup_restoreFailed', errorText(error)), isError: true });
    }
  }

  async function restore() {
    if (!pending) return;
    setBusy(true);
    try {
      const outcome = await restoreBackup(appDatabase(), pending);
      // After the database (one transaction, all or nothing): a file made before backups held the watchlist leaves it as it is.
      if (pending.watchlist) await saveWatchlistSettings(browser.storage.local, pending.watchlist);
      setPending(null);
      setMessage({ text: t('backup_restored', String(outcome.flags), String(outcome.trash), String(outcome.evidence)), isError: false });
      props.onReplaced();
    } catch (error) {
      setMessage({ text: t('backup_restoreFailed', errorText(error)), isError: true });
    } finally {
      setBusy(false);
    }
  }

  const createdAt = pending ? Date.parse(pending.createdAt) : Number.NaN;
  return (
    <section aria-labelledby="backup-heading">
      <h2 id="backup-heading">{t('backup_heading')}</h2>
      <p className="hint">{t('backup_intro')}</p>
      <label className="toggle">
        <input type="checkbox" checked={includeEvidence} onChange={(event) => setIncludeEvidence(event.target.checked)} />
        {t('backup_includeEvidence')}
      </label>
      <p className="row">
        <button type="button" onClick={download} disabled={busy}>
          {t('backup_download')}
        </button>
        <label className="button-like">
          {t('backup_restoreLabel')}
          <input type="file" accept=".json,application/json" onChange={choose} disabled={busy} />
        </label>
      </p>
      {pending && (
        <div className="restore-pending">
          <p>
            {t(
              'backup_restoreSummary',
              Number.isFinite(createdAt) ? formatVietnamDateTime(createdAt, uiLocale()) : pending.createdAt,
              String(pending.flags.length),
              String(pending.trash.length),
              String(pending.evidence?.length ?? 0),
            )}
          </p>
          {!pending.evidence && <p className="hint">{t('backup_restoreNoEvidence')}</p>}
          <p className="message notice">{t('backup_restoreWarning')}</p>
          <p className="row">
            <button type="button" className="primary" onClick={restore} disabled={busy}>
              {t('backup_restoreConfirm')}
            </button>
            <button type="button" onClick={() => setPending(null)} disabled={busy}>
              {t('backup_restoreCancel')}
            </button>
          </p>
        </div>
      )}
      {message && (
        <p role="status" className={message.isError ? 'message error' : 'message'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
