import { FLAG_ERRORS } from '@/lib/flagging/flag-errors';
import { t } from './i18n';

/** The monitor-facing sentence for an `{ ok: false, error }` answer. */
export function flagErrorMessage(error: string): string {
  switch (error) {
    case FLAG_ERRORS.unsupportedPage:
      return t('errorUnsupportedPage');
    case FLAG_ERRORS.unreadablePage:
      return t('errorUnreadablePage');
    case FLAG_ERRORS.storageFailed:
      return t('errorStorageFailed');
    default:
      return t('errorUnknown', error);
  }
}
