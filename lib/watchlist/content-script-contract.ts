/**
 * The watchlist's storage and message contract as the content script reads it,
 * without zod. The content script runs on every page the monitor opens, and
 * evaluating zod and the schemas built with it took 20–30 ms of each page's
 * main thread before any of our code ran, several times the whole scan.
 *
 * The schemas in lib/settings/watchlist-settings.ts and lib/watchlist-messages.ts
 * remain the contract; these checks accept exactly what they accept and give
 * the same values, which tests/unit/watchlist-content-script-contract.test.ts
 * holds them to (constants included). Everything here comes from Canh Tin
 * itself (its storage, its background, its popup), so a failed check means a
 * bug or an old version, not an attack; the page's own data never gets here.
 */
import { DEFAULT_WATCHLIST } from './default-watchlist';
import type { TermHit } from './match-terms';
import type { WatchTerm } from './watchlist';

/** The key the watchlist settings are stored under in browser.storage.local. */
export const WATCHLIST_STORAGE_KEY = 'watchlist';
/** Extension → content script: what did you find? */
export const WATCH_GET_HITS = 'watch-get-hits';
/** Extension → content script: scroll to the next occurrence of `term`. */
export const WATCH_JUMP = 'watch-jump';
/** Content script → background: the number of hits, for the badge. */
export const WATCH_HIT_COUNT = 'watch-hit-count';
/** Content script → background: find the watchlist's terms in this text. */
export const WATCH_MATCH = 'watch-match';

/** The settings as the content script uses them: the switches and, for painting, the groups. */
export interface PageSettings {
  enabled: boolean;
  disabledHosts: string[];
  groups: PageGroup[];
}

export interface PageGroup {
  id: string;
  color: string;
  /** Category id, '' for none. */
  category: string;
  terms: { term: string; variants?: string[] }[];
}

export function normaliseHost(hostname: string): string {
  return hostname.toLowerCase().replace(/^www\./, '');
}

export function isWatchingHost(settings: PageSettings, hostname: string): boolean {
  return settings.enabled && !settings.disabledHosts.includes(normaliseHost(hostname));
}

/**
 * True when the stored value switches this host on however it is read:
 * settings that say so, or a value that is not settings at all (nothing stored
 * yet, a broken value), which falls back to the defaults, on everywhere. Then a
 * page can be scanned before (and most often without) checking the whole value.
 */
export function plainlyWatching(stored: unknown, hostname: string): boolean {
  if (!isObject(stored)) return true;
  const { enabled, disabledHosts } = stored;
  if (typeof enabled !== 'boolean' || !Array.isArray(disabledHosts)) return true;
  return enabled && !disabledHosts.includes(normaliseHost(hostname));
}

/** The default settings' switches and groups (defaultWatchlistSettings()). */
export function defaultPageSettings(): PageSettings {
  return {
    enabled: true,
    disabledHosts: [],
    groups: DEFAULT_WATCHLIST.map((group) => ({
      id: group.id,
      color: group.color,
      category: group.category ?? '',
      terms: group.terms.map((t) => ({ term: t.term, ...(t.variants?.length ? { variants: [...t.variants] } : {}) })),
    })),
  };
}

/** Stored value → settings, as parseWatchlistSettings reads it: defaults unless the whole value is valid. */
export function readPageSettings(stored: unknown): PageSettings {
  return validSettings(stored) ?? defaultPageSettings();
}

/** Every term, tagged with its group id (watchTermsOf). */
export function pageWatchTerms(settings: PageSettings): WatchTerm[] {
  return settings.groups.flatMap((group) =>
    group.terms.map((t) => ({ term: t.term, ...(t.variants ? { variants: t.variants } : {}), group: group.id })),
  );
}

/** A request from the extension (watchRequestSchema), or undefined. */
export function readWatchRequest(message: unknown): { type: typeof WATCH_GET_HITS } | { type: typeof WATCH_JUMP; term: string } | undefined {
  if (!isObject(message)) return undefined;
  if (message.type === WATCH_GET_HITS) return { type: WATCH_GET_HITS };
  if (message.type === WATCH_JUMP && isString(message.term, 0, 200)) return { type: WATCH_JUMP, term: message.term };
  return undefined;
}

/** The background's answer to WATCH_MATCH (watchMatchResponseSchema), or undefined. */
export function readMatchResponse(response: unknown): TermHit[] | undefined {
  if (!isObject(response) || !Array.isArray(response.hits) || response.hits.length > 1_000_000) return undefined;
  const hits: TermHit[] = [];
  for (const hit of response.hits as unknown[]) {
    if (!isObject(hit) || !isString(hit.term, 0, 200) || !isOffset(hit.start) || !isOffset(hit.end)) return undefined;
    hits.push({ term: hit.term, start: hit.start, end: hit.end });
  }
  return hits;
}

// --- the checks, as zod makes them -------------------------------------------

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isString(value: unknown, min: number, max: number): value is string {
  return typeof value === 'string' && value.length >= min && value.length <= max;
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

const COLOR = /^#[0-9a-fA-F]{6}$/;

/** watchlistSettingsSchema, for the fields the page uses; undefined when the value does not pass it. */
function validSettings(stored: unknown): PageSettings | undefined {
  if (!isObject(stored) || stored.version !== 1 || typeof stored.enabled !== 'boolean') return undefined;
  const { disabledHosts, groups } = stored;
  if (!Array.isArray(disabledHosts) || disabledHosts.length > 5000 || !disabledHosts.every((host) => isString(host, 0, 253))) return undefined;
  if (!Array.isArray(groups) || groups.length > 200) return undefined;
  const pageGroups: PageGroup[] = [];
  for (const group of groups as unknown[]) {
    const pageGroup = validGroup(group);
    if (!pageGroup) return undefined;
    pageGroups.push(pageGroup);
  }
  return { enabled: stored.enabled, disabledHosts: [...(disabledHosts as string[])], groups: pageGroups };
}

function validGroup(group: unknown): PageGroup | undefined {
  if (!isObject(group)) return undefined;
  const { id, name, color, category, terms } = group;
  if (!isString(id, 1, 80) || !isString(name, 0, 120) || !isString(color, 0, Infinity) || !COLOR.test(color)) return undefined;
  if (!isString(category, 0, 60) || !Array.isArray(terms) || terms.length > 2000) return undefined;
  const pageTerms: PageGroup['terms'] = [];
  for (const term of terms as unknown[]) {
    if (!isObject(term)) return undefined;
    const name = trimmedForm(term.term);
    if (name === undefined) return undefined;
    if (term.variants === undefined) {
      pageTerms.push({ term: name });
      continue;
    }
    if (!Array.isArray(term.variants) || term.variants.length > 50) return undefined;
    const variants = (term.variants as unknown[]).map(trimmedForm);
    if (variants.some((variant) => variant === undefined)) return undefined;
    pageTerms.push({ term: name, variants: variants as string[] });
  }
  return { id, color, category, terms: pageTerms };
}

/** z.string().trim().min(1).max(200): the trimmed form, or undefined. */
function trimmedForm(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed.length >= 1 && trimmed.length <= 200 ? trimmed : undefined;
}
