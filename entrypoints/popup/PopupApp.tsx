import { useEffect, useState } from 'react';
import { ExportEvidenceButton } from '@/components/ExportEvidenceButton';
import { ExportPresets } from '@/components/ExportPresets';
import { StorageStatus } from '@/components/StorageStatus';
import { FlagQueue } from '@/components/FlagQueue';
import { FlagThisPageButton } from '@/components/FlagThisPageButton';
import { ImportCsvButton } from '@/components/ImportCsvButton';
import { MonitorNameNotice } from '@/components/MonitorNameNotice';
import { DEFAULT_VIEW, type QueueView } from '@/components/QueueFilters';
import { TrashView } from '@/components/TrashView';
import { WatchHitsPanel } from '@/components/WatchHitsPanel';
import { t } from '@/components/i18n';
import { appDatabase } from '@/lib/db/app-database';
import { purgeExpiredTrash } from '@/lib/db/trash';

export function PopupApp() {
  const [highlightId, setHighlightId] = useState<string | undefined>();
  const [view, setView] = useState<QueueView>(DEFAULT_VIEW);
  const [showTrash, setShowTrash] = useState(false);

  // The 30-day trash rule also runs here: the background may not have started for days.
  useEffect(() => {
    purgeExpiredTrash(appDatabase(), Date.now()).catch(() => undefined);
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
      <MonitorNameNotice />
      <WatchHitsPanel />
      <div className="toolbar">
        <ExportPresets filter={view.filter} />
        <ExportEvidenceButton />
        <ImportCsvButton />
      </div>
      {showTrash ? (
        <TrashView onClose={() => setShowTrash(false)} />
      ) : (
        <FlagQueue {...(highlightId ? { highlightId } : {})} view={view} onViewChange={setView} />
      )}
      <footer>
        <StorageStatus />
      </footer>
    </main>
  );
}
