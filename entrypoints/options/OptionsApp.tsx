import { Fragment, useState } from 'react';
import { BackupPanel } from '@/components/BackupPanel';
import { CategoryEditor } from '@/components/CategoryEditor';
import { CsvHeadingsSetting } from '@/components/CsvHeadingsSetting';
import { DangerZone } from '@/components/DangerZone';
import { EvidenceSettings } from '@/components/EvidenceSettings';
import { MonitorNameForm } from '@/components/MonitorNameForm';
import { StorageStatus } from '@/components/StorageStatus';
import { WatchlistEditor } from '@/components/WatchlistEditor';
import { t } from '@/components/i18n';

export function OptionsApp() {
  // A restore or "delete everything" replaces the data under every section: remounting
  // them reloads what each shows (some read their setting once), without reloading the page.
  const [generation, setGeneration] = useState(0);
  const replaced = () => setGeneration((n) => n + 1);
  return (
    <main className="options">
      <h1>{t('optionsTitle')}</h1>
      <Fragment key={generation}>
        <MonitorNameForm />
        <CategoryEditor />
        <CsvHeadingsSetting />
        <WatchlistEditor />
        <EvidenceSettings />
        <section aria-labelledby="storage-heading">
          <h2 id="storage-heading">{t('options_storageHeading')}</h2>
          <StorageStatus />
        </section>
      </Fragment>
      <BackupPanel onReplaced={replaced} />
      <DangerZone onReplaced={replaced} />
    </main>
  );
}
