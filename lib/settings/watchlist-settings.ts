/**
 * The monitor's watchlist settings as stored (browser.storage.local, which the
 * background reads for every page and whose changes each page follows): the term
 * groups with their colour and category, a global switch and per-site switches.
 * Everything read back is validated; anything malformed falls back to defaults.
 */
import { z } from '../schema';
import { DEFAULT_WATCHLIST } from '../watchlist/default-watchlist';
import type { WatchTerm } from '../watchlist/watchlist';

export const WATCHLIST_STORAGE_KEY = 'watchlist';
export const WATCHLIST_SETTINGS_VERSION = 1;

const termSchema = z.object({
  term: z.string().trim().min(1).max(200),
  variants: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
});

export const watchGroupSchema = z.object({
  id: z.string().min(1).max(80),
  name: z.string().max(120),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  /** Category a flag gets when this group's terms dominate the page; '' for none. */
  category: z.string().max(60),
  terms: z.array(termSchema).max(2000),
});
export type WatchGroupSetting = z.infer<typeof watchGroupSchema>;

export const watchlistSettingsSchema = z.object({
  version: z.literal(WATCHLIST_SETTINGS_VERSION),
  enabled: z.boolean(),
  /** Host names where highlighting is switched off ("per-site switch"). */
  disabledHosts: z.array(z.string().max(253)).max(5000),
  groups: z.array(watchGroupSchema).max(200),
});
export type WatchlistSettings = z.infer<typeof watchlistSettingsSchema>;

export function defaultWatchlistSettings(): WatchlistSettings {
  return {
    version: WATCHLIST_SETTINGS_VERSION,
    enabled: true,
    disabledHosts: [],
    groups: DEFAULT_WATCHLIST.map((group) => ({
      id: group.id,
      name: group.name,
      color: group.color,
      category: 'category' in group && typeof group.category === 'string' ? group.category : '',
      terms: group.terms.map((t) => ({ term: t.term, ...(t.variants?.length ? { variants: [...t.variants] } : {}) })),
    })),
  };
}

/** Stored value → settings; defaults when nothing (or something broken) is stored. */
export function parseWatchlistSettings(stored: unknown): WatchlistSettings {
  const parsed = watchlistSettingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : defaultWatchlistSettings();
}

export function normaliseHost(hostname: string): string {
  return hostname.toLowerCase().replace(/^www\./, '');
}

export function isWatchingHost(settings: WatchlistSettings, hostname: string): boolean {
  return settings.enabled && !settings.disabledHosts.includes(normaliseHost(hostname));
}

export function setHostWatching(settings: WatchlistSettings, hostname: string, watching: boolean): WatchlistSettings {
  const host = normaliseHost(hostname);
  const others = settings.disabledHosts.filter((h) => h !== host);
  return { ...settings, disabledHosts: watching ? others : [...others, host] };
}

/** The matcher's input: every term, tagged with its group id. */
export function watchTermsOf(settings: WatchlistSettings): WatchTerm[] {
  return settings.groups.flatMap((group) =>
    group.terms.map((t) => ({ term: t.term, ...(t.variants ? { variants: t.variants } : {}), group: group.id })),
  );
}

/** Minimal storage area the settings are kept in (browser.storage.local in the extension). */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export async function loadWatchlistSettings(area: KeyValueArea): Promise<WatchlistSettings> {
  return parseWatchlistSettings((await area.get(WATCHLIST_STORAGE_KEY))[WATCHLIST_STORAGE_KEY]);
}

export async function saveWatchlistSettings(area: KeyValueArea, settings: WatchlistSettings): Promise<void> {
  await area.set({ [WATCHLIST_STORAGE_KEY]: watchlistSettingsSchema.parse(settings) });
}
