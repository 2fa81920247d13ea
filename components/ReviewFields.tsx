/**
 * Severity, tags and note of one story, saved as the monitor types: every
 * change is sent at once (no debounce to lose), and the outcome is shown.
 * While a field has focus, its text is the monitor's, not the database's.
 */
import { useEffect, useRef, useState } from 'react';
import { parseTags } from '@/lib/db/review-fields';
import type { FlagRecord } from '@/lib/flag-record';
import type { ReviewChanges } from '@/lib/db/review-fields';
import { t } from './i18n';
import { saveFailureReason, SaveRefusedError } from './save-failed-message';
import { saveReviewViaBackground, type SaveReview } from './save-review';
import { SeveritySelect } from './SeveritySelect';

type SaveState = { kind: 'idle' } | { kind: 'saved' } | { kind: 'failed'; message: string };

export function ReviewFields(props: { record: FlagRecord; title: string; save?: SaveReview }) {
  const { record } = props;
  const save = props.save ?? saveReviewViaBackground;
  const [note, setNote] = useState(record.note);
  const [tags, setTags] = useState(record.tags.join(', '));
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const editing = useRef<'note' | 'tags' | null>(null);
  // The latest change wins even if answers arrive out of order.
  const sequence = useRef(0);

  // Another context (bulk edit, import) changed the story: show it, unless the monitor is typing there.
  useEffect(() => {
    if (editing.current !== 'note') setNote(record.note);
  }, [record.note]);
  useEffect(() => {
    if (editing.current !== 'tags') setTags(record.tags.join(', '));
  }, [record.tags]);

  function send(changes: ReviewChanges) {
    const mine = (sequence.current += 1);
    save(record.id, changes).then(
      (response) => {
        if (mine !== sequence.current) return;
        if (response.ok) setState({ kind: 'saved' });
        else setState({ kind: 'failed', message: response.error === 'missing-flag' ? t('reviewGone') : t('reviewSaveFailed', saveFailureReason(new SaveRefusedError(response.error))) });
      },
      (error: unknown) => mine === sequence.current && setState({ kind: 'failed', message: t('reviewSaveFailed', saveFailureReason(error)) }),
    );
  }

  return (
    <div className="review">
      <SeveritySelect value={record.severity} onChange={(severity) => send({ severity })} label={`${t('severityLabel')}: ${props.title}`} />
      <label className="tags">
        <span>{t('tagsLabel')}</span>
        <input
          type="text"
          value={tags}
          onFocus={() => (editing.current = 'tags')}
          onBlur={() => (editing.current = null)}
          onChange={(event) => {
            setTags(event.target.value);
            send({ tags: parseTags(event.target.value) });
          }}
        />
      </label>
      <label className="note">
        <span>{t('noteLabel')}</span>
        <textarea
          rows={3}
          value={note}
          onFocus={() => (editing.current = 'note')}
          onBlur={() => (editing.current = null)}
          onChange={(event) => {
            setNote(event.target.value);
            send({ note: event.target.value });
          }}
        />
      </label>
      {state.kind === 'saved' && <span className="saved" role="status">{t('reviewSaved')}</span>}
      {state.kind === 'failed' && (
        <p className="message error" role="alert">
          {state.message}
        </p>
      )}
    </div>
  );
}
