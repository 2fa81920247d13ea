import { createRoot } from 'react-dom/client';
import { uiLocale } from '@/components/i18n';
import { PopupApp } from './PopupApp';
import '@/components/page.css';
import './popup.css';

document.documentElement.lang = uiLocale();
createRoot(document.getElementById('root')!).render(<PopupApp />);
