import type { ScreenshotProblem } from '@/lib/evidence/evidence-record';
import { t } from './i18n';

export function screenshotProblemText(problem: ScreenshotProblem): string {
  switch (problem) {
    case 'not-visible':
      return t('screenshotProblem_not_visible');
    case 'capture-failed':
      return t('screenshotProblem_capture_failed');
    case 'quota-exceeded':
      return t('screenshotProblem_quota_exceeded');
  }
}
