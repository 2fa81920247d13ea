import { createRoot } from 'react-dom/client';
import { t, uiLocale } from '@/components/i18n';
import { OptionsApp } from './OptionsApp';
import '@/components/page.css';
import './options.css';

document.documentElement.lang = uiLocale();
document.title = t('optionsTitle');
createRoot(document.getElementById('root')!).render(<OptionsApp />);
