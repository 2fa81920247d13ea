/** Puts the briefing's short plain-text summary on the clipboard, for messaging apps. */
import { useState } from 'react';
import { t } from '@/components/i18n';

export function CopySummaryButton(props: { summary(): string }) {
  const [message, setMessage] = useState('');

  async function copy() {
    try {
      await navigator.clipboard.writeText(props.summary());
      setMessage(t('dashboard_copied'));
    } catch (error) {
      setMessage(t('dashboard_copyFailed', String(error)));
    }
  }

  return (
    <>
      <button type="button" onClick={copy}>
        {t('dashboard_copySummary')}
      </button>
      {message && (
        <span role="status" className="message">
          {message}
        </span>
      )}
    </>
  );
}
