/**
 * "Gắn cờ trang này": asks the background to flag the tab the popup was opened on,
 * through the same `flag-tab` message outside tools use.
 */
import { useState } from 'react';
import type { FlagTabRequest, FlagTabResponse } from '@/lib/messages';
import { appDatabase } from '@/lib/db/app-database';
import { articleTabId } from './article-tab';
import { FLAG_ERRORS } from '@/lib/flagging/flag-errors';
import { flagErrorMessage } from './flag-error-message';
import { screenshotProblemText } from './screenshot-problem';
import { vietnamDate } from '@/lib/time/periods';
import { t } from './i18n';

type Outcome = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; text: string; isError: boolean; storyId?: string };

async function describeResponse(response: FlagTabResponse): Promise<{ text: string; isError: boolean; storyId?: string }> {
  if (!response.ok) return { text: flagErrorMessage(response.error), isError: true };
  let text = t('flagSaved');
  if (response.duplicateOf) {
    const story = await appDatabase().flags.get(response.duplicateOf);
    if (story) {
      // "24/11": day/month in Vietnam time, as monitors write it in both languages.
      const [, month, day] = vietnamDate(story.capturedAt).split('-');
      const firstOn = `${day}/${month}`;
      text = t('flagDuplicateStory', String(story.copyCount), firstOn, story.monitor || t('monitorUnknown'));
    }
  }
  const storyId = response.id;
  if (!response.screenshotProblem) return { text, isError: false, storyId };
  // A full disk is said loudly; a missing screenshot of a hidden tab is only noted.
  return { text: `${text} ${screenshotProblemText(response.screenshotProblem)}`, isError: response.screenshotProblem === 'quota-exceeded', storyId };
}

export function FlagThisPageButton(props: { onShow(storyId: string): void }) {
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  async function flag() {
    setOutcome({ kind: 'busy' });
    try {
      const tabId = await articleTabId();
      if (tabId === undefined) {
        // No browser window with a tab to flag (e.g. only the popup's own window is open).
        setOutcome({ kind: 'done', text: flagErrorMessage(FLAG_ERRORS.unsupportedPage), isError: true });
        return;
      }
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
          {outcome.storyId && (
            <>
              {' '}
              <button type="button" className="link" onClick={() => props.onShow(outcome.storyId!)}>
                {t('showInQueue')}
              </button>
            </>
          )}
        </p>
      )}
    </div>
  );
}
