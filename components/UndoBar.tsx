import { t } from './i18n';

/** The notice after a destructive action, with its undo button. */
export function UndoBar(props: { message: string; onUndo(): void }) {
  return (
    <div className="undo-bar" role="status">
      <span>{props.message}</span>
      <button type="button" onClick={props.onUndo}>
        {t('undo')}
      </button>
    </div>
  );
}
