/**
 * Options: "delete everything", behind a typed confirmation — the monitor
 * types the word shown (XOÁ, or DELETE in English) before the button works.
 */
import { useState, type FormEvent } from 'react';
import { eraseEverything } from '@/lib/backup/erase-everything';
import { confirmationMatches } from '@/lib/backup/typed-confirmation';
import { appDatabase } from '@/lib/db/app-database';
import { t } from './i18n';

export function DangerZone(props: { onReplaced(): void }) {
  const word = t('options_eraseConfirmWord');
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const confirmed = confirmationMatches(typed, word);

  async function erase(event: FormEvent) {
    event.preventDefault();
    if (!confirmed) return;
    setBusy(true);
    try {
      await eraseEverything(appDatabase());
      setTyped('');
      setMessage({ text: t('options_erased'), isError: false });
      props.onReplaced();
    } catch (error) {
      setMessage({ text: t('options_eraseFailed', String(error)), isError: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="erase-heading" className="danger-zone">
      <h2 id="erase-heading">{t('options_eraseHeading')}</h2>
      <p className="hint">{t('options_eraseIntro')}</p>
      <form onSubmit={erase} className="row">
        <label htmlFor="erase-confirm">{t('options_eraseConfirmLabel', word)}</label>
        <input id="erase-confirm" value={typed} autoComplete="off" spellCheck={false} onChange={(event) => setTyped(event.target.value)} />
        <button type="submit" className="primary" disabled={!confirmed || busy}>
          {t('options_eraseButton')}
        </button>
      </form>
      {message && (
        <p role="status" className={message.isError ? 'message error' : 'message'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
