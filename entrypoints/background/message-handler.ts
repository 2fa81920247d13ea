/**
 * Messages from Canh Tin's own pages (popup, options, automation tools).
 * Anything sent by a web page or a content script is refused; every payload
 * is validated against lib/messages.ts before it is acted on.
 */
import { appDatabase } from '@/lib/db/app-database';
import { setFlagFields, type FieldEdit } from '@/lib/db/flag-repository';
import { updateReview, type ReviewChanges } from '@/lib/db/review-fields';
import { isQuotaError } from '@/lib/db/quota-error';
import { FLAG_ERRORS, INTERNAL_ERROR } from '@/lib/flagging/flag-errors';
import type { FlagRequest } from '@/lib/flagging/flag-page';
import { parseBackgroundRequest, type EditReviewResponse, type FlagTabResponse, type SetFieldsResponse } from '@/lib/messages';
import { watchHitCountSchema, watchMatchRequestSchema, watchProbeRequestSchema } from '@/lib/watchlist-messages';
import { matchWatchTerms, probeWatchTerms } from './watch-matcher';
import { showHitCount } from './badge';
import { flagTab } from './flag-tab';

type Sender = { id?: string; url?: string; tab?: { id?: number }; frameId?: number };

export function isFromExtensionPage(sender: Sender): boolean {
  return sender.id === browser.runtime.id && (sender.url ?? '').startsWith(browser.runtime.getURL('/'));
}

/** A write the database refused: a full disk gets the code the UI turns into "check free space", as flagging does. */
function writeFailure(error: unknown): { ok: false; error: string } {
  console.error('Canh Tin: a change could not be written', error);
  return { ok: false, error: isQuotaError(error) ? FLAG_ERRORS.storageFailed : INTERNAL_ERROR };
}

async function editReview(id: string, changes: ReviewChanges): Promise<EditReviewResponse> {
  try {
    return (await updateReview(appDatabase(), id, changes)) ? { ok: true } : { ok: false, error: 'missing-flag' };
  } catch (error) {
    return writeFailure(error);
  }
}

async function setFields(edits: readonly FieldEdit[]): Promise<SetFieldsResponse> {
  try {
    return { ok: true, before: await setFlagFields(appDatabase(), edits) };
  } catch (error) {
    return writeFailure(error);
  }
}

export async function handleBackgroundMessage(
  message: unknown,
  sender: Sender,
  flag: (request: FlagRequest) => Promise<FlagTabResponse> = flagTab,
  edit: (id: string, changes: ReviewChanges) => Promise<EditReviewResponse> = editReview,
  set: (edits: readonly FieldEdit[]) => Promise<SetFieldsResponse> = setFields,
): Promise<FlagTabResponse | EditReviewResponse | SetFieldsResponse> {
  if (!isFromExtensionPage(sender)) return { ok: false, error: 'forbidden-sender' };
  const request = parseBackgroundRequest(message);
  if (!request) return { ok: false, error: 'invalid-message' };
  if (request.type === 'edit-review') return edit(request.id, request.changes);
  if (request.type === 'set-fields') return set(request.edits);
  return flag({ tabId: request.tabId, trigger: request.via ?? 'automation' });
}

/**
 * The watchlist highlighter's hit count, from our content script in a tab's top
 * frame. The count is untrusted but only ever becomes badge text.
 */
export function handleContentScriptMessage(message: unknown, sender: Sender): boolean {
  const count = watchHitCountSchema.safeParse(message);
  const tabId = sender.tab?.id;
  if (!count.success || sender.id !== browser.runtime.id || tabId === undefined || sender.frameId !== 0) return false;
  void showHitCount(tabId, count.data.total);
  return true;
}

/** The host of a sender's page ('' when it has none: no site switch then matches it). */
function hostOf(url: string | undefined): string {
  try {
    return new URL(url ?? '').hostname;
  } catch {
    return '';
  }
}

/** Our content script asking whether its page may hold a term, or for the hits in its text; null for any other message. */
export function handleWatchMatch(message: unknown, sender: Sender): Promise<unknown> | null {
  if (sender.id !== browser.runtime.id || sender.tab?.id === undefined) return null;
  const probe = watchProbeRequestSchema.safeParse(message);
  if (probe.success) return probeWatchTerms(probe.data.text, hostOf(sender.url), probe.data.complete);
  const request = watchMatchRequestSchema.safeParse(message);
  return request.success ? matchWatchTerms(request.data.text, hostOf(sender.url)) : null;
}

export function setupMessageHandler(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    if (handleContentScriptMessage(message, sender)) return false;
    const matching = handleWatchMatch(message, sender);
    if (matching) {
      // On failure (the settings could not be read): a probe is told to look closer, and the
      // match that follows, failing the same way, answers no hits. Nothing is painted.
      matching.then(sendResponse, () => sendResponse({ hits: [], watching: true, maybe: true }));
      return true;
    }
    // sendResponse + `return true` works in every Chrome and Firefox version.
    // Unexpected failures answer with a stable code, as the README's contract promises.
    handleBackgroundMessage(message, sender).then(sendResponse, () => sendResponse({ ok: false, error: INTERNAL_ERROR }));
    return true;
  });
}
