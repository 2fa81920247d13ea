/**
 * Options: the watchlist — term groups with a colour and a category, the
 * global switch, import/export as text or JSON, and a reset to the default list.
 * Saved to storage.local on every change; open pages re-highlight at once.
 */
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { readTextFile } from '@/lib/csv/decode-text-file';
import { parseWatchlistFile, watchlistToText } from '@/lib/settings/watchlist-file';
import {
  defaultWatchlistSettings,
  loadWatchlistSettings,
  saveWatchlistSettings,
  type WatchGroupSetting,
  type WatchlistSettings,
} from '@/lib/settings/watchlist-settings';
import { CategorySelect } from './CategorySelect';
import { downloadText } from './download-file';
import { t } from './i18n';
import { saveFailedMessage } from './save-failed-message';

/** "Hoàng Sa | Hoang Sa | Paracel" per line ↔ terms with variants. */
function termsToLines(group: WatchGroupSetting): string {
  return group.terms.map((term) => [term.term, ...(term.variants ?? [])].join(' | ')).join('\n');
}

function linesToTerms(text: string): WatchGroupSetting['terms'] {
  return text
    .split('\n')
    .map((line) => line.split('|').map((cell) => cell.trim()).filter(Boolean))
    .filter((cells) => cells.length > 0)
    .map(([term, ...variants]) => ({ term: term!, ...(variants.length ? { variants } : {}) }));
}

function GroupEditor(props: { group: WatchGroupSetting; onChange(group: WatchGroupSetting): void; onRemove(): void }) {
  const { group } = props;
  // Edited as free text, parsed on every keystroke: the draft keeps blank lines while typing.
  const [draft, setDraft] = useState(() => termsToLines(group));
  const nameLabel = `${t('watchGroupName')}: ${group.name}`;
  return (
    <fieldset className="watch-group" style={{ borderLeft: `6px solid ${group.color}` }}>
      <div className="row">
        <input aria-label={nameLabel} value={group.name} onChange={(e) => props.onChange({ ...group, name: e.target.value })} />
        <input
          type="color"
          aria-label={`${t('watchGroupColor')}: ${group.name}`}
          value={group.color}
          onChange={(e) => props.onChange({ ...group, color: e.target.value })}
        />
        <CategorySelect value={group.category} onChange={(category) => props.onChange({ ...group, category })} label={`${t('categoryLabel')}: ${group.name}`} />
        <button type="button" onClick={props.onRemove}>
          {t('watchRemoveGroup', group.name)}
        </button>
      </div>
      <label>
        {t('watchGroupTerms')}
        <textarea
          rows={Math.min(12, Math.max(3, group.terms.length + 1))}
          value={draft}
          onChange={(e) => {
            setDraft(e.target.value);
            props.onChange({ ...group, terms: linesToTerms(e.target.value) });
          }}
        />
      </label>
    </fieldset>
  );
}

export function WatchlistEditor() {
  const [settings, setSettings] = useState<WatchlistSettings | null>(null);
  const [message, setMessage] = useState('');
  // Bumped when the whole list is replaced, so group editors drop their drafts.
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    loadWatchlistSettings(browser.storage.local).then(setSettings, (error: unknown) => setMessage(String(error)));
  }, []);

  // Typing saves after a pause: every open tab re-highlights on each save.
  const pendingSave = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef<WatchlistSettings | null>(null);

  function save(next: WatchlistSettings, doneMessage: string) {
    clearTimeout(pendingSave.current);
    pendingSave.current = undefined;
    saveWatchlistSettings(browser.storage.local, next).then(
      () => setMessage(doneMessage),
      (error: unknown) => setMessage(saveFailedMessage(error)),
    );
  }

  function commit(next: WatchlistSettings, replaced = false, doneMessage = '') {
    setSettings(next);
    latest.current = next;
    if (replaced) setGeneration((g) => g + 1);
    save(next, doneMessage);
  }

  function commitTyping(next: WatchlistSettings) {
    setSettings(next);
    latest.current = next;
    clearTimeout(pendingSave.current);
    pendingSave.current = setTimeout(() => save(next, ''), 500);
  }

  // Closing the page mid-edit still saves what was typed.
  useEffect(() => {
    const flush = () => {
      if (pendingSave.current !== undefined && latest.current) save(latest.current, '');
    };
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, []);

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file || !settings) return;
    try {
      // A watchlist kept in Notepad or Excel may be UTF-16 or Windows-1258, like an imported CSV.
      const groups = parseWatchlistFile((await readTextFile(file)).text);
      commit({ ...settings, groups }, true, t('watchImported', String(groups.length)));
    } catch (error) {
      setMessage(t('watchImportError', error instanceof Error ? error.message : String(error)));
    }
  }

  if (!settings) return message ? <p role="alert">{message}</p> : null;
  const updateGroup = (index: number, group: WatchGroupSetting) =>
    commitTyping({ ...settings, groups: settings.groups.map((g, i) => (i === index ? group : g)) });

  return (
    <section aria-labelledby="watchlist-heading" className="watchlist-editor">
      <h2 id="watchlist-heading">{t('watchlistHeading')}</h2>
      <p className="hint">{t('watchlistIntro')}</p>
      <label className="toggle">
        <input type="checkbox" checked={settings.enabled} onChange={(e) => commit({ ...settings, enabled: e.target.checked })} />
        {t('watchGlobalToggle')}
      </label>
      {settings.groups.map((group, index) => (
        <GroupEditor
          key={`${generation}-${group.id}`}
          group={group}
          onChange={(next) => updateGroup(index, next)}
          onRemove={() => commit({ ...settings, groups: settings.groups.filter((_, i) => i !== index) }, true)}
        />
      ))}
      <div className="row">
        <button
          type="button"
          onClick={() =>
            commit({ ...settings, groups: [...settings.groups, { id: `group-${Date.now()}`, name: '', color: '#ffd54f', category: '', terms: [] }] })
          }
        >
          {t('watchAddGroup')}
        </button>
        <label className="button-like">
          {t('watchImport')}
          <input type="file" accept=".txt,.json,text/plain,application/json" onChange={importFile} />
        </label>
        <button type="button" onClick={() => downloadText(watchlistToText(settings.groups), 'canh-tin-watchlist.txt', 'text/plain;charset=utf-8')}>
          {t('watchExportText')}
        </button>
        <button
          type="button"
          onClick={() => downloadText(JSON.stringify(settings.groups, null, 2), 'canh-tin-watchlist.json', 'application/json')}
        >
          {t('watchExportJson')}
        </button>
        <button type="button" onClick={() => commit(defaultWatchlistSettings(), true)}>
          {t('watchReset')}
        </button>
      </div>
      {message && (
        <p role="status" className="message">
          {message}
        </p>
      )}
    </section>
  );
}
