/**
 * Watchlist hits on the page the monitor is reading, grouped by term, with
 * "jump to", plus the per-site and global highlight switches.
 */
import { useEffect, useState } from 'react';
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

  const refresh = () => void readHits().then(setState);
  useEffect(refresh, []);

  async function update(change: (settings: WatchlistSettings) => WatchlistSettings, shown: { globalOn?: boolean; siteOn?: boolean }) {
    // Show the switch in its new position at once; the page catches up when the background tells it of the change.
    setState((current) => (current.kind === 'ready' ? { ...current, ...shown } : current));
    const settings = await loadWatchlistSettings(browser.storage.local);
    await saveWatchlistSettings(browser.storage.local, change(settings));
    // The page rescans when told (entrypoints/background/watchlist-restarts.ts); read its new state a moment later.
    setTimeout(refresh, 150);
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
