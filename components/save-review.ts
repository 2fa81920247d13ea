/**
 * Sends the monitor's severity, tags or note to the background, which writes
 * them: a message already sent survives the popup closing, a pending write in
 * the popup does not (see README "Nothing lost").
 */
import type { ReviewChanges } from '@/lib/db/review-fields';
import type { EditReviewRequest, EditReviewResponse } from '@/lib/messages';
import { NO_ANSWER } from './save-failed-message';

export type SaveReview = (id: string, changes: ReviewChanges) => Promise<EditReviewResponse>;

export const saveReviewViaBackground: SaveReview = async (id, changes) => {
  const { tags, ...rest } = changes;
  const request: EditReviewRequest = { type: 'edit-review', id, changes: { ...rest, ...(tags ? { tags: [...tags] } : {}) } };
  const response = (await browser.runtime.sendMessage(request).catch(() => undefined)) as EditReviewResponse | undefined;
  return response ?? { ok: false, error: NO_ANSWER };
};
