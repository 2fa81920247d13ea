/**
 * Search-as-you-type over flags with fuse.js, insensitive to case and to
 * Vietnamese diacritics ("hoang sa" finds "Hoàng Sa"), over the fields a
 * monitor remembers: title, outlet, quote, watchlist terms, author, excerpt.
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import type { FlagRecord } from '../flag-record';

/** "Hoàng Sa", "HOANG SA", "Hoang Sa" → "hoang sa". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

const FIELDS = ['title', 'siteName', 'quote', 'watchTerms', 'author', 'excerpt'] as const;

const OPTIONS: IFuseOptions<FlagRecord> = {
  keys: [
    { name: 'title', weight: 3 },
    { name: 'siteName', weight: 2 },
    { name: 'quote', weight: 1 },
    { name: 'watchTerms', weight: 1 },
    { name: 'author', weight: 1 },
    { name: 'excerpt', weight: 0.5 },
  ],
  // Every field is folded the same way as the query.
  getFn: (record, path) => {
    const key = (Array.isArray(path) ? path[0] : path) as (typeof FIELDS)[number];
    const value = record[key];
    return Array.isArray(value) ? value.map(foldForSearch) : foldForSearch(String(value ?? ''));
  },
  ignoreLocation: true,
  threshold: 0.3,
  minMatchCharLength: 2,
};

export function searchFlags(records: readonly FlagRecord[], query: string): FlagRecord[] {
  const folded = foldForSearch(query).trim();
  if (!folded) return [...records];
  return new Fuse(records, OPTIONS).search(folded).map((result) => result.item);
}
