/**
 * The monitor-facing sentence for a save that failed, in the UI's language.
 * Errors reach the UI from three places: the background's `{ ok: false, error }`
 * answers (SaveRefusedError carries their code), a silent background (no
 * answer), and writes made in the page itself (Dexie errors, a full disk among
 * them). The known ones get a sentence; anything else keeps its own message as
 * the detail, for a bug report.
 */
import { FLAG_ERRORS, INTERNAL_ERROR } from '@/lib/flagging/flag-errors';
import { isQuotaError } from '@/lib/db/quota-error';
import { t } from './i18n';

/** The background answered a save with `{ ok: false, error }`, or could not be reached (`code` 'no-answer'). */
export class SaveRefusedError extends Error {
  constructor(readonly code: string) {
    super(`Canh Tin: the change was not saved (${code})`);
    this.name = 'SaveRefusedError';
  }
}

export const NO_ANSWER = 'no-answer';

/** Why a save failed, as a short phrase to put inside a sentence ("Not saved: …"). */
export function saveFailureReason(reason: unknown): string {
  const code = reason instanceof SaveRefusedError ? reason.code : undefined;
  if (code === FLAG_ERRORS.storageFailed || isQuotaError(reason)) return t('reasonStorage');
  if (code === NO_ANSWER) return t('reasonNoAnswer');
  if (code === INTERNAL_ERROR) return t('reasonInternal');
  if (code !== undefined) return code;
  return reason instanceof Error ? reason.message || reason.name : String(reason);
}

export function saveFailedMessage(reason: unknown): string {
  return t('saveFailed', saveFailureReason(reason));
}
