/**
 * Sends status and category choices (one story's, a bulk change's, or an
 * undo's) to the background, which writes them in one transaction: a message
 * already sent survives the popup closing, a write still pending in the popup
 * does not (see README "Nothing lost"). Answers with what the stories had
 * before, which is the undo.
 */
import type { FieldEdit } from '@/lib/db/flag-repository';
import type { SetFieldsRequest, SetFieldsResponse } from '@/lib/messages';
import { NO_ANSWER, SaveRefusedError } from './save-failed-message';

export async function setFieldsViaBackground(edits: readonly FieldEdit[]): Promise<FieldEdit[]> {
  const request: SetFieldsRequest = { type: 'set-fields', edits: edits.map((edit) => ({ ...edit })) };
  const response = (await browser.runtime.sendMessage(request).catch(() => undefined)) as SetFieldsResponse | undefined;
  // No answer, or no background to send to (the extension was reloaded under the popup).
  if (!response) throw new SaveRefusedError(NO_ANSWER);
  if (!response.ok) throw new SaveRefusedError(response.error);
  return response.before;
}
