import { createRoot } from 'react-dom/client';
import { t, uiLocale } from '@/components/i18n';
import { DashboardApp } from './DashboardApp';
import '@/components/page.css';
import './dashboard.css';

document.documentElement.lang = uiLocale();
document.title = t('dashboard_title');
createRoot(document.getElementById('root')!).render(<DashboardApp />);
