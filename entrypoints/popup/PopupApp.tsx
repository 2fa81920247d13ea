import { useState } from 'react';
import { ExportCsvButton } from '@/components/ExportCsvButton';
import { ExportEvidenceButton } from '@/components/ExportEvidenceButton';
import { StorageStatus } from '@/components/StorageStatus';
import { FlagQueue } from '@/components/FlagQueue';
import { FlagThisPageButton } from '@/components/FlagThisPageButton';
import { ImportCsvButton } from '@/components/ImportCsvButton';
import { MonitorNameNotice } from '@/components/MonitorNameNotice';
import { WatchHitsPanel } from '@/components/WatchHitsPanel';
import { t } from '@/components/i18n';

export function PopupApp() {
  const [highlightId, setHighlightId] = useState<string | undefined>();
  return (
    <main className="popup">
      <header>
        <h1>{t('extName')}</h1>
        <button type="button" className="link" onClick={() => browser.runtime.openOptionsPage()}>
          {t('openSettings')}
        </button>
      </header>
      <FlagThisPageButton onShow={setHighlightId} />
      <MonitorNameNotice />
      <WatchHitsPanel />
      <div className="toolbar">
        <ExportCsvButton />
        <ExportEvidenceButton />
        <ImportCsvButton />
      </div>
      <FlagQueue {...(highlightId ? { highlightId } : {})} />
      <footer>
        <StorageStatus />
      </footer>
    </main>
  );
}
