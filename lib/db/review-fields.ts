/**
 * The monitor's own judgement on a story — severity, tags, note — saved as
 * the monitor types. Popup edits reach this through the background (an
 * `edit-review` message), so a popup closed mid-word still has its last
 * keystroke written: the service worker outlives the popup.
 */
import { isSeverity, type FlagRecord, type Severity } from '../flag-record';
import { cleanMultiLine, cleanSingleLine } from '../text/clean-text';
import type { CanhTinDatabase } from './schema';

export const MAX_NOTE = 4000;
export const MAX_TAG = 60;
export const MAX_TAGS = 30;

export interface ReviewChanges {
  severity?: Severity;
  tags?: readonly string[];
  note?: string;
}

/** "facebook, video;  Hoàng Sa" → ['facebook', 'video', 'Hoàng Sa']: cleaned, distinct, capped. */
export function parseTags(text: string): string[] {
  return cleanTags(text.split(/[,;\n]/));
}

export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const tag of tags) {
    const clean = cleanSingleLine(tag, MAX_TAG);
    if (clean && seen.size < MAX_TAGS) seen.add(clean);
  }
  return [...seen];
}

/** The changes as they will be stored; undefined fields stay as they are. */
export function cleanReviewChanges(changes: ReviewChanges): Partial<Pick<FlagRecord, 'severity' | 'tags' | 'note'>> {
  return {
    ...(changes.severity !== undefined && isSeverity(changes.severity) ? { severity: changes.severity } : {}),
    ...(changes.tags !== undefined ? { tags: cleanTags(changes.tags) } : {}),
    // The note keeps the monitor's line breaks; only the trailing space of a word being typed is trimmed.
    ...(changes.note !== undefined ? { note: cleanMultiLine(changes.note, MAX_NOTE) } : {}),
  };
}

/** Saves the monitor's judgement on one story; false when the story is gone (deleted meanwhile). */
export async function updateReview(db: CanhTinDatabase, id: string, changes: ReviewChanges): Promise<boolean> {
  return (await db.flags.update(id, cleanReviewChanges(changes))) > 0;
}
