/**
 * The monitor's settings, live: every page re-renders when options change
 * them. One live query serves every component on the page (the popup shows a
 * category picker in each queue row; one query each would read and parse the
 * same row a dozen times while the first rows are painted).
 */
import { useSyncExternalStore } from 'react';
import { liveQuery, type Subscription } from 'dexie';
import { appDatabase } from '@/lib/db/app-database';
import { defaultAppSettings, getAppSettings, type AppSettings } from '@/lib/settings/app-settings';

const DEFAULTS = defaultAppSettings();

const listeners = new Set<() => void>();
let subscription: Subscription | undefined;
// Read by every subscribed component; undefined until the first answer.
let current: { settings?: AppSettings; error?: unknown } = {};

function notify(next: typeof current): void {
  current = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  subscription ??= liveQuery(() => getAppSettings(appDatabase())).subscribe({
    next: (settings) => notify({ settings }),
    error: (error: unknown) => notify({ ...current, error }),
  });
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    // Nobody shows settings any more: stop listening, and let the next reader start fresh.
    subscription?.unsubscribe();
    subscription = undefined;
    current = {};
  };
}

const snapshot = () => current;

export function useAppSettings(): AppSettings {
  const { settings, error } = useSyncExternalStore(subscribe, snapshot);
  // As useLiveQuery does: a failed read reaches the nearest error boundary.
  if (error !== undefined) throw error;
  return settings ?? DEFAULTS;
}
