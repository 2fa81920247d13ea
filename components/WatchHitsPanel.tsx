/**
 * Watchlist hits on the page the monitor is reading, grouped by term, with
 * "jump to", plus the per-site and global highlight switches.
 */
import { useEffect, useRef, useState } from 'react';
import {
  loadWatchlistSettings,
  saveWatchlistSettings,
  normaliseHost,
  setHostWatching,
  type WatchlistSettings,
} from '@/lib/settings/watchlist-settings';
import { WATCH_GET_HITS, WATCH_JUMP, watchPageHitsSchema, type WatchPageHits } from '@/lib/watchlist-messages';
import { articleTabId } from './article-tab';
import { t } from './i18n';

type State =
  | { kind: 'loading' }
  | { kind: 'not-running' }
  | { kind: 'ready'; tabId: number; hits: WatchPageHits; globalOn: boolean; siteOn: boolean };

async function readHits(): Promise<State> {
  const tabId = await articleTabId();
  if (tabId === undefined) return { kind: 'not-running' };
  try {
    const hits = watchPageHitsSchema.parse(await browser.tabs.sendMessage(tabId, { type: WATCH_GET_HITS }, { frameId: 0 }));
    const settings = await loadWatchlistSettings(browser.storage.local);
    return { kind: 'ready', tabId, hits, globalOn: settings.enabled, siteOn: !settings.disabledHosts.includes(normaliseHost(hits.host)) };
  } catch {
    return { kind: 'not-running' };
  }
}

export function WatchHitsPanel() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  // Switches flipped in quick succession: each change is saved after the one before (read, change,
  // write), so none overwrites another; and a read begun before the latest flip is not shown, so a
  // switch never jumps back to where it was.
  const flips = useRef(0);
  const saving = useRef<Promise<void>>(Promise.resolve());

  const refresh = () => {
    const asked = flips.current;
    void readHits().then((next) => {
      if (asked === flips.current) setState(next);
    });
  };
  useEffect(refresh, []);

  async function update(change: (settings: WatchlistSettings) => WatchlistSettings, shown: { globalOn?: boolean; siteOn?: boolean }) {
    const flip = ++flips.current;
    // Show the switch in its new position at once; the page catches up when the background tells it of the change.
    setState((current) => (current.kind === 'ready' ? { ...current, ...shown } : current));
    const saved = saving.current.then(async () => {
      const settings = await loadWatchlistSettings(browser.storage.local);
      await saveWatchlistSettings(browser.storage.local, change(settings));
    });
    // A failed save is not the next one's problem; the read below shows what was stored.
    saving.current = saved.catch(() => undefined);
    await saving.current;
    // The page rescans when told (entrypoints/background/watchlist-restarts.ts); read its new state a moment later.
    if (flip === flips.current) setTimeout(refresh, 150);
  }

  if (state.kind === 'loading') return null;
  if (state.kind === 'not-running') return <p className="watch-hits message">{t('watchNotRunning')}</p>;

  const { hits, tabId, globalOn, siteOn } = state;
  const sorted = [...hits.terms].sort((a, b) => b.count - a.count);
  return (
    <section className="watch-hits" aria-labelledby="watch-heading">
      <h2 id="watch-heading">{t('watchHeading')}</h2>
      {hits.active && sorted.length === 0 && <p className="empty">{t('watchNoHits')}</p>}
      {hits.active && sorted.length > 0 && (
        <ul className="watch-terms">
          {sorted.map((hit) => (
            <li key={hit.term}>
              <span className="swatch" style={{ backgroundColor: hit.color || undefined }} aria-hidden="true" />
              <span className="term">{hit.term}</span> <span className="count">×{hit.count}</span>
              <button
                type="button"
                className="link"
                aria-label={t('watchJumpNamed', hit.term)}
                onClick={() => void browser.tabs.sendMessage(tabId, { type: WATCH_JUMP, term: hit.term }, { frameId: 0 })}
              >
                {t('watchJump')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <label className="toggle">
        <input
          type="checkbox"
          checked={siteOn}
          disabled={!globalOn}
          onChange={(event) => {
            const on = event.target.checked;
            void update((s) => setHostWatching(s, hits.host, on), { siteOn: on });
          }}
        />
        {t('watchSiteToggle', hits.host)}
      </label>
      <label className="toggle">
        <input
          type="checkbox"
          checked={globalOn}
          onChange={(event) => {
            const on = event.target.checked;
            void update((s) => ({ ...s, enabled: on }), { globalOn: on });
          }}
        />
        {t('watchGlobalToggle')}
      </label>
    </section>
  );
}
