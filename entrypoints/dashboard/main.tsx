import { createRoot } from 'react-dom/client';
import { t, uiLocale } from '@/components/i18n';
import { startFirstRead } from '@/components/dashboard/use-dashboard-data';
import { periodFromLocation } from '@/lib/dashboard/period-param';
import { DashboardApp } from './DashboardApp';
import '@/components/page.css';
import './dashboard.css';

// The database works on the opening period while React renders the page's frame.
startFirstRead(periodFromLocation(window.location, Date.now()).period);
document.documentElement.lang = uiLocale();
document.title = t('dashboard_title');
createRoot(document.getElementById('root')!).render(<DashboardApp />);
