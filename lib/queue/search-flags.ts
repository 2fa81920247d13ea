/**
 * Search-as-you-type over a list of flags, insensitive to case and to
 * Vietnamese diacritics ("hoang sa" finds "Hoàng Sa"), over the fields a
 * monitor remembers: title, outlet, tags, note, quote, watchlist terms,
 * author, excerpt. For callers that hold the whole list rather than a live
 * SearchIndex (lib/queue/search-index.ts does the work).
 */
import type { FlagRecord } from '../flag-record';
import { foldForSearch, SearchIndex, searchWords } from './search-index';

export { foldForSearch };

// Callers re-read the whole list on every keystroke (fresh objects each time),
// so the index of the previous call is brought up to date rather than rebuilt:
// syncing 10k records costs a few milliseconds, building their index ~400.
let cache: SearchIndex | undefined;

function indexFor(records: readonly FlagRecord[]): SearchIndex {
  if (cache) cache.sync(records);
  else cache = new SearchIndex(records);
  return cache;
}

/** The records matching the query, best first; an empty query returns them all, in order. */
export function searchFlags(records: readonly FlagRecord[], query: string): FlagRecord[] {
  if (searchWords(query).length === 0) return [...records];
  return indexFor(records).search(query);
}
