import { lazy, Suspense, useEffect, useState } from 'react';
import { FlagQueue } from '@/components/FlagQueue';
import { FlagThisPageButton } from '@/components/FlagThisPageButton';
import { DEFAULT_VIEW, type QueueView } from '@/components/queue-view';
import { t } from '@/components/i18n';
import { appDatabase } from '@/lib/db/app-database';
import { purgeExpiredTrash } from '@/lib/db/trash';

// Everything the first rows do not need, loaded together after them (see deferred-parts.ts).
const deferredParts = () => import('./deferred-parts');
type DeferredParts = Awaited<ReturnType<typeof deferredParts>>;

function deferred<Name extends keyof DeferredParts>(name: Name) {
  return lazy(async () => ({ default: (await deferredParts())[name] }));
}

const ExportEvidenceButton = deferred('ExportEvidenceButton');
const ExportPresets = deferred('ExportPresets');
const ImportCsvButton = deferred('ImportCsvButton');
const MonitorNameNotice = deferred('MonitorNameNotice');
const StorageStatus = deferred('StorageStatus');
const TrashView = deferred('TrashView');
const WatchHitsPanel = deferred('WatchHitsPanel');

export function PopupApp() {
  const [highlightId, setHighlightId] = useState<string | undefined>();
  const [view, setView] = useState<QueueView>(DEFAULT_VIEW);
  const [showTrash, setShowTrash] = useState(false);
  // The deferred parts are loaded and rendered once the queue's first rows are on screen,
  // so that their code and their own reads (settings, the tab's watch hits, storage) never delay them.
  const [rowsShown, setRowsShown] = useState(false);
  // At the first idle moment after the rows, so that a click on them right away is not kept waiting.
  const showDeferredParts = () => requestIdleCallback(() => setRowsShown(true), { timeout: 300 });
  // Should the queue never answer (a database blocked by an upgrade elsewhere), the rest still comes.
  useEffect(() => {
    const timer = setTimeout(() => setRowsShown(true), 1000);
    return () => clearTimeout(timer);
  }, []);

  // The 30-day trash rule also runs here: the background may not have started for days.
  // Its writes wait until the popup is idle, so they never delay the queue's first read.
  useEffect(() => {
    const purge = () => void purgeExpiredTrash(appDatabase(), Date.now()).catch(() => undefined);
    const idle = requestIdleCallback(purge, { timeout: 2000 });
    return () => cancelIdleCallback(idle);
  }, []);

  return (
    <main className="popup">
      <header>
        <h1>{t('extName')}</h1>
        <nav className="links">
          <a href={browser.runtime.getURL('/dashboard.html')} target="_blank" rel="noopener">
            {t('openDashboard')}
          </a>
          <button type="button" className="link" onClick={() => setShowTrash(!showTrash)}>
            {t('trashShow')}
          </button>
          <button type="button" className="link" onClick={() => browser.runtime.openOptionsPage()}>
            {t('openSettings')}
          </button>
        </nav>
      </header>
      <FlagThisPageButton onShow={setHighlightId} />
      {/* Each deferred part shows nothing until its code has arrived (a few milliseconds). */}
      {rowsShown && (
        <Suspense fallback={null}>
          <MonitorNameNotice />
          <WatchHitsPanel />
        </Suspense>
      )}
      <div className="toolbar">
        {rowsShown && (
          <Suspense fallback={null}>
            <ExportPresets filter={view.filter} />
            <ExportEvidenceButton />
            <ImportCsvButton />
          </Suspense>
        )}
      </div>
      {showTrash ? (
        <Suspense fallback={<p>{t('queueLoading')}</p>}>
          <TrashView onClose={() => setShowTrash(false)} />
        </Suspense>
      ) : (
        <FlagQueue {...(highlightId ? { highlightId } : {})} view={view} onViewChange={setView} onFirstRowsPainted={showDeferredParts} />
      )}
      <footer>
        {rowsShown && (
          <Suspense fallback={null}>
            <StorageStatus />
          </Suspense>
        )}
      </footer>
    </main>
  );
}
