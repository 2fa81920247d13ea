/** The popup's UI (see main.tsx for when it is rendered). */
import { createRoot } from 'react-dom/client';
import { uiLocale } from '@/components/i18n';
import { PopupApp } from './PopupApp';

export function renderPopup(): void {
  document.documentElement.lang = uiLocale();
  createRoot(document.getElementById('root')!).render(<PopupApp />);
}
