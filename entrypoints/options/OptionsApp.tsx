import { EvidenceSettings } from '@/components/EvidenceSettings';
import { MonitorNameForm } from '@/components/MonitorNameForm';
import { StorageStatus } from '@/components/StorageStatus';
import { WatchlistEditor } from '@/components/WatchlistEditor';
import { t } from '@/components/i18n';

export function OptionsApp() {
  return (
    <main className="options">
      <h1>{t('optionsTitle')}</h1>
      <MonitorNameForm />
      <WatchlistEditor />
      <EvidenceSettings />
      <StorageStatus />
    </main>
  );
}
