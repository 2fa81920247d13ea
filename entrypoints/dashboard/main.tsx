/**
 * The briefing starts in two stages. This first one is small (Dexie and the
 * dashboard's read, no React, no charts): it starts reading the period at
 * once, then loads the UI (render-dashboard.tsx), so the database opens and
 * reads while React, the charts and the components are fetched and compiled.
 */
import { startFirstRead } from '@/components/dashboard/first-read';
import { periodFromLocation } from '@/lib/dashboard/period-param';
import '@/components/page.css';
import './dashboard.css';

startFirstRead(periodFromLocation(window.location, Date.now()).period);
void import('./render-dashboard').then(({ renderDashboard }) => renderDashboard());
