/**
 * The background's single flagging function: every trigger calls flagTab.
 * It wires the browser into the pure flagging path and confirms the result.
 */
import { appDatabase } from '@/lib/db/app-database';
import { flagPage, type FlagRequest } from '@/lib/flagging/flag-page';
import type { FlagTabResponse } from '@/lib/messages';
import { showFlagResult } from './badge';
import { captureMhtml, captureScreenshot, readLinkText, readPage, readWatchHits } from './read-page';

export async function flagTab(request: FlagRequest): Promise<FlagTabResponse> {
  const response = await flagPage(
    {
      db: appDatabase(),
      readPage,
      readLinkText,
      readWatchHits,
      captureScreenshot,
      captureMhtml,
      userAgent: navigator.userAgent,
      now: Date.now,
      newId: () => crypto.randomUUID(),
    },
    request,
  );
  await showFlagResult(request.tabId, response);
  return response;
}
