import { MonitorNameForm } from '@/components/MonitorNameForm';
import { t } from '@/components/i18n';

export function OptionsApp() {
  return (
    <main style={{ maxWidth: 640, margin: '24px auto', padding: '0 16px' }}>
      <h1>{t('optionsTitle')}</h1>
      <MonitorNameForm />
    </main>
  );
}
