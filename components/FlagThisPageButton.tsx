/**
 * "Gắn cờ trang này": asks the background to flag the tab the popup was opened on,
 * through the same `flag-tab` message outside tools use.
 */
import { useState } from 'react';
import type { FlagTabRequest, FlagTabResponse } from '@/lib/messages';
import { appDatabase } from '@/lib/db/app-database';
import { articleTabId } from './article-tab';
import { flagErrorMessage } from './flag-error-message';
import { screenshotProblemText } from './screenshot-problem';
import { t } from './i18n';

type Outcome = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; text: string; isError: boolean };

async function describeResponse(response: FlagTabResponse): Promise<{ text: string; isError: boolean }> {
  if (!response.ok) return { text: flagErrorMessage(response.error), isError: true };
  let text = t('flagSaved');
  if (response.duplicateOf) {
    const earlier = await appDatabase().flags.get(response.duplicateOf);
    text = t('flagDuplicate', String(earlier?.timesFlagged ?? 2));
  }
  if (!response.screenshotProblem) return { text, isError: false };
  // A full disk is said loudly; a missing screenshot of a hidden tab is only noted.
  return { text: `${text} ${screenshotProblemText(response.screenshotProblem)}`, isError: response.screenshotProblem === 'quota-exceeded' };
}

export function FlagThisPageButton() {
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  async function flag() {
    setOutcome({ kind: 'busy' });
    try {
      const tabId = await articleTabId();
      if (tabId === undefined) throw new Error('no active tab');
      const request: FlagTabRequest = { type: 'flag-tab', tabId, via: 'popup' };
      const response = (await browser.runtime.sendMessage(request)) as FlagTabResponse;
      setOutcome({ kind: 'done', ...(await describeResponse(response)) });
    } catch (error) {
      setOutcome({ kind: 'done', text: t('errorUnknown', String(error)), isError: true });
    }
  }

  return (
    <div className="flag-this-page">
      <button type="button" className="primary" onClick={flag} disabled={outcome.kind === 'busy'}>
        {outcome.kind === 'busy' ? t('flagging') : t('flagThisPage')}
      </button>
      {outcome.kind === 'done' && (
        <p role="status" className={outcome.isError ? 'message error' : 'message'}>
          {outcome.text}
        </p>
      )}
    </div>
  );
}
