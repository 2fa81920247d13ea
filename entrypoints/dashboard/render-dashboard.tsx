/** The briefing's UI (see main.tsx for when it is rendered). */
import { createRoot } from 'react-dom/client';
import { t, uiLocale } from '@/components/i18n';
import { DashboardApp } from './DashboardApp';

export function renderDashboard(): void {
  document.documentElement.lang = uiLocale();
  document.title = t('dashboard_title');
  createRoot(document.getElementById('root')!).render(<DashboardApp />);
}
