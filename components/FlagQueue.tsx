/**
 * The flagged queue, live: flags made by the background appear without
 * reopening the popup. Rows come a page at a time through the flags' indexes
 * (lib/queue/queue-query.ts) and only the visible ones are in the DOM, so a
 * year of flags opens as fast as a day's. Every destructive action — delete,
 * merge, split, bulk change — can be undone from the bar it leaves behind.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { appDatabase } from '@/lib/db/app-database';
import { listAllFlags, moveToTrash, restoreFromTrash } from '@/lib/db/flag-repository';
import { isFilterEmpty, matchesFilter, readQueue } from '@/lib/queue/queue-query';
import type { SearchIndex } from '@/lib/queue/search-index';
import { mergeStories, splitCopy, unmergeStories, unsplitCopy } from '@/lib/db/story-edits';
import { FLAG_STATUSES, type FlagStatus } from '@/lib/flag-record';
import { afterNextPaint } from './after-next-paint';
import { BulkActions } from './BulkActions';
import { t } from './i18n';
import { saveFailedMessage } from './save-failed-message';
import { QueueFilters } from './QueueFilters';
import type { QueueView } from './queue-view';
import { QueueItem } from './QueueItem';
import { setFieldsViaBackground } from './save-fields';
import { UndoBar } from './UndoBar';
import { earlyReadFor, QUEUE_PAGE, retireEarlyRead } from './queue-early-read';
import { useEarlyRead } from './use-early-read';
import { useLastAction } from './use-last-action';

export function FlagQueue(props: {
  highlightId?: string;
  view: QueueView;
  onViewChange(view: QueueView): void;
  /** Called once, after the first rows (or the empty queue's message) have reached the screen. */
  onFirstRowsPainted?(): void;
}) {
  const db = appDatabase();
  const { view } = props;
  const [query, setQuery] = useState('');
  const [error, setError] = useState('');
  const report = (reason: unknown) => setError(saveFailedMessage(reason));
  const [limit, setLimit] = useState(QUEUE_PAGE);
  const searchBox = useRef<HTMLInputElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const searching = query.trim() !== '';
  // Without a query: the first `limit` rows of the filtered, sorted queue, straight from the indexes.
  // Until the live query's first answer, the page the popup read before rendering (queue-early-read.ts);
  // the live query starts once that read is back, so the two never compete for the first rows.
  const early = useEarlyRead(earlyReadFor(db, view, limit));
  const livePage = useLiveQuery(
    () => (searching || early.pending ? undefined : readQueue(db, view.filter, view.sort, limit)),
    [db, searching, early.pending, view, limit],
  );
  const liveAnswered = useRef(false);
  if (livePage !== undefined) liveAnswered.current = true;
  useEffect(() => {
    if (livePage !== undefined) retireEarlyRead();
  }, [livePage]);
  const page = livePage ?? (liveAnswered.current || searching ? undefined : early.value);
  // With one: every flag once (not on each keystroke), ranked by fuse.js, then filtered.
  // The search index is built once the monitor heads for the search box (focus or "/"), not on
  // first paint; later changes to the queue update it in place instead of rebuilding it.
  const [searchWanted, setSearchWanted] = useState(false);
  const everything = useLiveQuery(() => (searchWanted || searching ? listAllFlags(db) : undefined), [db, searchWanted, searching]);
  // The index code (with fuse.js) is loaded only then too, keeping it out of the popup's first paint.
  const [searchModule, setSearchModule] = useState<typeof import('@/lib/queue/search-index') | null>(null);
  useEffect(() => {
    if (searchWanted || searching) void import('@/lib/queue/search-index').then(setSearchModule, report);
  }, [searchWanted, searching]);
  const searchIndex = useRef<SearchIndex | null>(null);
  const indexed = useMemo(() => {
    if (!everything || !searchModule) return undefined;
    searchIndex.current ??= new searchModule.SearchIndex();
    searchIndex.current.sync(everything);
    return searchIndex.current;
  }, [everything, searchModule]);
  const found = useMemo(
    () => (searching && indexed ? indexed.search(query, { keep: matchesFilter(view.filter) }) : undefined),
    [searching, indexed, everything, query, view.filter],
  );
  const records = searching ? found : page;
  const mayHaveMore = !searching && page !== undefined && page.length >= limit;

  const rows = records ?? [];
  // When the first rows reach the screen: a mark for the popup bench (scripts/bench-popup.ts),
  // then what waited for them (rows beyond the visible ones, the popup's deferred parts).
  const painted = useRef(false);
  const [firstRowsPainted, setFirstRowsPainted] = useState(false);
  useEffect(() => {
    if (painted.current || records === undefined) return;
    painted.current = true;
    performance.mark('canh-tin-queue-rows');
    afterNextPaint(() => {
      // After the frame that shows them has been painted, not at its start.
      performance.mark('canh-tin-queue-painted');
      setFirstRowsPainted(true);
      props.onFirstRowsPainted?.();
    });
  }, [records]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 110,
    // Rows beyond the visible ones are there for smooth scrolling; the first frame needs
    // only what fits (plus two), each row being costly to lay out the first time.
    overscan: firstRowsPainted ? 6 : 2,
    // The scroller's size in popup.css (.queue-scroll), so the first render already holds the
    // rows that fit instead of a guess the virtualizer corrects with a second render.
    initialRect: { width: 396, height: 360 },
    getItemKey: (index) => rows[index]?.id ?? index,
  });
  const visible = virtualizer.getVirtualItems();
  const lastVisible = visible[visible.length - 1]?.index ?? 0;
  // Evidence counts of the rows on screen only: one keys-only query, never the whole evidence table.
  const loadedIds = visible.map((item) => rows[item.index]?.id ?? '').join(' ');
  const evidenceCounts = useLiveQuery(async () => {
    const counts = new Map<string, number>();
    const ids = loadedIds ? loadedIds.split(' ') : [];
    for (const flagId of (await db.evidence.where('flagId').anyOf(ids).keys()) as string[]) counts.set(flagId, (counts.get(flagId) ?? 0) + 1);
    return counts;
  }, [db, loadedIds]);
  useEffect(() => {
    if (mayHaveMore && lastVisible >= rows.length - 10) setLimit((current) => current + QUEUE_PAGE);
  }, [mayHaveMore, lastVisible, rows.length]);
  // A new filter or sort starts from the top with one page.
  useEffect(() => {
    setLimit(QUEUE_PAGE);
    scroller.current?.scrollTo({ top: 0 });
  }, [view]);

  const { lastAction, setLastAction, undoLast } = useLastAction(report);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // Only stories in the list stay selected: one a filter, a search or a delete takes out of it is
  // unselected, so that no bulk action ever reaches a story the monitor can no longer see.
  useEffect(() => {
    if (records === undefined) return;
    setSelected((current) => {
      const shown = new Set(records.map((record) => record.id));
      const kept = [...current].filter((id) => shown.has(id));
      return kept.length === current.size ? current : new Set(kept);
    });
  }, [records]);
  /** The selected stories in the list's order (never one the list does not show, even before the effect above). */
  const selectedIds = rows.filter((record) => selected.has(record.id)).map((record) => record.id);

  // "/" jumps to the search box, as in most web apps (not while typing elsewhere).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key !== '/' || target?.closest('input, textarea, select, [contenteditable]')) return;
      event.preventDefault();
      searchBox.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const highlightIndex = props.highlightId ? rows.findIndex((record) => record.id === props.highlightId) : -1;
  useEffect(() => {
    if (highlightIndex >= 0) virtualizer.scrollToIndex(highlightIndex, { align: 'center' });
  }, [highlightIndex, virtualizer]);

  // The story last given a status from the keyboard, where it was, and the ones after it (keys pressed
  // faster than the list updates may take several of those out too).
  const keyboardTriage = useRef<{ id: string; status: FlagStatus; index: number; nextIds: string[] } | null>(null);
  useEffect(() => {
    const triaged = keyboardTriage.current;
    if (!triaged || records === undefined) return;
    const listed = records.find((record) => record.id === triaged.id);
    if (listed) {
      // Still listed with its new status: its row keeps the focus. (Not yet written: wait for the next answer.)
      if (listed.status === triaged.status) keyboardTriage.current = null;
      return;
    }
    keyboardTriage.current = null;
    const focused = document.activeElement;
    if (focused && focused !== document.body) return; // the monitor has moved on already
    const nextId = triaged.nextIds.find((id) => records.some((record) => record.id === id));
    const next = nextId === undefined ? -1 : records.findIndex((record) => record.id === nextId);
    if (records.length > 0) focusRow(next >= 0 ? next : Math.min(triaged.index, records.length - 1));
  }, [records]);

  /** Focuses row `index`, scrolling it into the rendered window first. */
  function focusRow(index: number) {
    if (index < 0 || index >= rows.length) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    const focus = (tries: number) => {
      const row = scroller.current?.querySelector<HTMLElement>(`.queue-item[data-index="${index}"]`);
      if (row) row.focus();
      else if (tries > 0) requestAnimationFrame(() => focus(tries - 1));
    };
    focus(5);
  }

  function remove(id: string) {
    moveToTrash(db, id, Date.now()).then(
      (trashed) => setLastAction({ message: t('deletedNotice', trashed.title || t('untitled')), undo: () => restoreFromTrash(db, id) }),
      report,
    );
  }

  /** Moves every selected story to the trash; one undo brings them all back. */
  async function removeSelection() {
    const ids = selectedIds;
    const done: string[] = [];
    try {
      for (const id of ids) {
        await moveToTrash(db, id, Date.now());
        done.push(id);
      }
    } catch (reason) {
      report(reason);
    }
    setSelected(new Set());
    if (done.length > 0) {
      setLastAction({
        message: t('bulkDeleted', String(done.length)),
        undo: async () => {
          for (const id of done) await restoreFromTrash(db, id);
        },
      });
    }
  }

  /** Merges the selected stories into the one flagged first. */
  async function mergeSelection() {
    const chosen = rows.filter((record) => selected.has(record.id)).sort((a, b) => a.capturedAt - b.capturedAt);
    const [target, ...sources] = chosen;
    if (!target || sources.length === 0) return;
    const sourceIds = sources.map((source) => source.id);
    try {
      await mergeStories(db, target.id, sourceIds, Date.now());
      setSelected(new Set());
      setLastAction({
        message: t('mergeDone', String(sources.length), target.title || t('untitled')),
        undo: () => unmergeStories(db, sourceIds),
      });
    } catch (reason) {
      report(reason);
    }
  }

  /**
   * Keyboard: ↑/↓ move between stories, Enter opens the article, Space selects,
   * 1–5 set the status (new, confirmed, sent to rebuttal, rebutted, dismissed).
   */
  function onQueueKey(event: ReactKeyboardEvent<HTMLUListElement>) {
    const item = (event.target as HTMLElement).closest<HTMLLIElement>('.queue-item');
    if (!item || event.target !== item) return; // keys typed into a control inside the item stay there
    const id = item.dataset.flagId ?? '';
    const status = FLAG_STATUSES[Number(event.key) - 1];
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      focusRow(Number(item.dataset.index) + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter') {
      item.querySelector<HTMLAnchorElement>('a.title')?.click();
    } else if (event.key === ' ') {
      toggle(id, !selected.has(id));
    } else if (status) {
      // In a list filtered by status the story then leaves it: the one taking its place gets the focus
      // (see the effect below), so that triage from the keyboard goes on without a click.
      const at = Number(item.dataset.index);
      keyboardTriage.current = { id, status, index: at, nextIds: rows.slice(at + 1, at + 20).map((record) => record.id) };
      setFieldsViaBackground([{ id, status }]).catch((reason: unknown) => {
        keyboardTriage.current = null;
        report(reason);
      });
    } else return;
    event.preventDefault();
  }

  async function bulkChange(changes: { status?: FlagStatus; category?: string }) {
    try {
      const before = await setFieldsViaBackground(selectedIds.map((id) => ({ id, ...changes })));
      setLastAction({
        message: t('bulkDone', String(before.length)),
        // Undo puts back only what still holds the bulk value (checked in the same transaction as the
        // write): a story changed by hand since keeps that change.
        undo: () => setFieldsViaBackground(before.map((edit) => ({ ...edit, ifStill: changes }))),
      });
    } catch (reason) {
      report(reason);
    }
  }

  async function split(copyId: string) {
    try {
      const { undo } = await splitCopy(db, copyId);
      setLastAction({ message: t('splitDone'), undo: () => unsplitCopy(db, undo) });
    } catch (reason) {
      report(reason);
    }
  }

  const lastToggled = useRef<string | null>(null);

  /** Selects or unselects one story; with `range`, every story between the last one toggled and this one. */
  function toggle(id: string, on: boolean, range = false) {
    const next = new Set(selected);
    const from = range && lastToggled.current ? rows.findIndex((record) => record.id === lastToggled.current) : -1;
    const to = rows.findIndex((record) => record.id === id);
    const ids = from >= 0 && to >= 0 ? rows.slice(Math.min(from, to), Math.max(from, to) + 1).map((record) => record.id) : [id];
    for (const each of ids) {
      if (on) next.add(each);
      else next.delete(each);
    }
    lastToggled.current = id;
    setSelected(next);
  }


  return (
    <section className="queue" aria-labelledby="queue-heading">
      <h2 id="queue-heading">
        {t('queueHeading')}
        {records && <span className="count"> · {mayHaveMore ? t('queueShown', `${records.length}+`) : t('queueCount', String(records.length))}</span>}
      </h2>
      <QueueFilters view={view} onChange={props.onViewChange} />
      <input
        ref={searchBox}
        type="search"
        className="search"
        aria-label={t('searchLabel')}
        placeholder={t('searchLabel')}
        value={query}
        onFocus={() => setSearchWanted(true)}
        onChange={(event) => setQuery(event.target.value)}
      />
      {selectedIds.length >= 1 && (
        <BulkActions
          count={selectedIds.length}
          onStatus={(status) => void bulkChange({ status })}
          onCategory={(category) => void bulkChange({ category })}
        />
      )}
      {selectedIds.length >= 2 && (
        <button type="button" onClick={() => void mergeSelection()}>
          {t('mergeSelected', String(selectedIds.length))}
        </button>
      )}
      {selectedIds.length >= 1 && (
        <button type="button" className="danger" onClick={() => void removeSelection()}>
          {t('bulkDelete', String(selectedIds.length))}
        </button>
      )}
      {error && (
        <p role="alert" className="message error">
          {error}
        </p>
      )}
      {lastAction && (
        <UndoBar
          message={lastAction.message}
          onUndo={undoLast}
        />
      )}
      {records === undefined ? (
        <p>{t('queueLoading')}</p>
      ) : records.length === 0 ? (
        <p className="empty">{searching ? t('searchNoResults', query.trim()) : isFilterEmpty(view.filter) ? t('queueEmpty') : t('filterNoResults')}</p>
      ) : (
        <div className="queue-scroll" ref={scroller}>
          <ul
            className="queue-list"
            onKeyDown={onQueueKey}
            aria-keyshortcuts="ArrowUp ArrowDown Enter Space 1 2 3 4 5"
            style={{ height: virtualizer.getTotalSize() }}
          >
            {visible.map((item) => {
              const record = rows[item.index];
              if (!record) return null;
              return (
                <QueueItem
                  key={record.id}
                  index={item.index}
                  measureRef={virtualizer.measureElement}
                  style={{ transform: `translateY(${item.start}px)` }}
                  record={record}
                  evidenceCount={evidenceCounts?.get(record.id) ?? 0}
                  selected={selected.has(record.id)}
                  highlighted={record.id === props.highlightId}
                  onSelect={(on, range) => toggle(record.id, on, range)}
                  onSplit={(copyId) => void split(copyId)}
                  onStatusChange={(status: FlagStatus) => setFieldsViaBackground([{ id: record.id, status }]).catch(report)}
                  onCategoryChange={(category) => setFieldsViaBackground([{ id: record.id, category }]).catch(report)}
                  onDelete={() => remove(record.id)}
                />
              );
            })}
          </ul>
        </div>
      )}
    </section>
  );
}
