/**
 * The popup starts in two stages. This first one is small (Dexie and the
 * queue's query, no React): it starts reading the queue's first page at once,
 * then loads the UI (render-popup.tsx). The database round trips then run
 * while React and the components are fetched, compiled and evaluated, and
 * the first render can often show rows straight away.
 */
import { readFirstQueuePageEarly } from '@/components/queue-early-read';
import { DEFAULT_VIEW } from '@/components/queue-view';
import { appDatabase } from '@/lib/db/app-database';
import '@/components/page.css';
import './popup.css';

// For the popup bench's breakdown (scripts/bench-popup.ts): when the first stage runs.
performance.mark('canh-tin-popup-script');
readFirstQueuePageEarly(appDatabase(), DEFAULT_VIEW);
void import('./render-popup').then(({ renderPopup }) => renderPopup());
