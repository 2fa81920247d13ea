/**
 * The watchlist's message contract as the content script reads it, without
 * zod. The content script runs on every page the monitor opens, and
 * evaluating zod and the schemas built with it took 20–30 ms of each page's
 * main thread before any of our code ran, several times the whole scan.
 *
 * The schemas in lib/settings/watchlist-settings.ts and lib/watchlist-messages.ts
 * remain the contract; these checks accept exactly what they accept and give
 * the same values, which tests/unit/watchlist-content-script-contract.test.ts
 * holds them to (constants included). Everything here comes from Canh Tin
 * itself (its background, its popup), so a failed check means a
 * bug or an old version, not an attack; the page's own data never gets here.
 */
import type { TermHit } from './match-terms';

/** Extension → content script: what did you find? */
export const WATCH_GET_HITS = 'watch-get-hits';
/** Extension → content script: scroll to the next occurrence of `term`. */
export const WATCH_JUMP = 'watch-jump';
/** Background → content script: the watchlist or its switches changed; ask again. */
export const WATCH_RESTART = 'watch-restart';
/** Content script → background: the number of hits, for the badge. */
export const WATCH_HIT_COUNT = 'watch-hit-count';
/** Content script → background: find the watchlist's terms in this text. */
export const WATCH_MATCH = 'watch-match';
/** Content script → background: is the watchlist on here, and could its terms be in this text (the page body's textContent)? */
export const WATCH_PROBE = 'watch-probe';
/** The most text one message to the background may carry (watchProbeRequestSchema). */
export const WATCH_TEXT_LIMIT = 8_000_000;

/** A group as the background's answer gives it (watchHitGroupSchema). */
export interface HitGroup {
  id: string;
  color: string;
  /** Category id, '' for none. */
  category: string;
  /** The answer's hit terms that this group paints. */
  terms: string[];
}

/** The background's answer to WATCH_MATCH (watchMatchResponseSchema). */
export interface MatchResponse {
  hits: TermHit[];
  /** Only with hits. */
  groups?: HitGroup[];
}

/** A request from the extension (watchRequestSchema), or undefined. */
export function readWatchRequest(
  message: unknown,
): { type: typeof WATCH_GET_HITS } | { type: typeof WATCH_JUMP; term: string } | { type: typeof WATCH_RESTART } | undefined {
  if (!isObject(message)) return undefined;
  if (message.type === WATCH_GET_HITS) return { type: WATCH_GET_HITS };
  if (message.type === WATCH_RESTART) return { type: WATCH_RESTART };
  if (message.type === WATCH_JUMP && isString(message.term, 0, 200)) return { type: WATCH_JUMP, term: message.term };
  return undefined;
}

/** The background's answer to WATCH_MATCH (watchMatchResponseSchema), or undefined. */
export function readMatchResponse(response: unknown): MatchResponse | undefined {
  if (!isObject(response) || !Array.isArray(response.hits) || response.hits.length > 1_000_000) return undefined;
  const hits: TermHit[] = [];
  for (const hit of response.hits as unknown[]) {
    if (!isObject(hit) || !isString(hit.term, 0, 200) || !isOffset(hit.start) || !isOffset(hit.end)) return undefined;
    hits.push({ term: hit.term, start: hit.start, end: hit.end });
  }
  if (response.groups === undefined) return { hits };
  const groups = readHitGroups(response.groups);
  return groups && { hits, groups };
}

/** The background's answer to WATCH_PROBE (watchProbeResponseSchema). */
export interface ProbeResponse {
  /** The watchlist is on for this page's site. */
  watching: boolean;
  /** A term may be in the page's text: look closer. */
  maybe: boolean;
}

/**
 * Reads the answer to WATCH_PROBE. Anything the schema would not accept counts
 * as watching and maybe, so a bad answer costs a closer look, never a missed term.
 */
export function readProbeResponse(response: unknown): ProbeResponse {
  if (isObject(response) && typeof response.watching === 'boolean' && typeof response.maybe === 'boolean') {
    return { watching: response.watching, maybe: response.maybe };
  }
  return { watching: true, maybe: true };
}

function readHitGroups(value: unknown): HitGroup[] | undefined {
  if (!Array.isArray(value) || value.length > 200) return undefined;
  const groups: HitGroup[] = [];
  for (const group of value as unknown[]) {
    if (!isObject(group)) return undefined;
    const { id, color, category, terms } = group;
    if (!isString(id, 1, 80) || !isColor(color) || !isString(category, 0, 60)) return undefined;
    if (!Array.isArray(terms) || terms.length > 2000 || !allOf(terms, (term) => isString(term, 0, 200))) return undefined;
    groups.push({ id, color, category, terms: [...(terms as string[])] });
  }
  return groups;
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

/** Every item passes; unlike Array#every, holes in a sparse array are checked too (as undefined), as zod does. */
function allOf(values: readonly unknown[], check: (value: unknown) => boolean): boolean {
  for (const value of values) if (!check(value)) return false;
  return true;
}

const COLOR = /^#[0-9a-fA-F]{6}$/;

function isColor(value: unknown): value is string {
  return typeof value === 'string' && COLOR.test(value);
}
