/**
 * Turns what a page said about itself (untrusted) into a clean FlagRecord.
 */
import { MAX_EXCERPT, type FlagRecord, type FlagTrigger } from '../flag-record';
import { cleanMultiLine, cleanSingleLine } from '../text/clean-text';
import { MAX_PAGE_URL, resolveHttpUrl, withoutFragment, type PageMetadata } from '../page/page-metadata';

export interface RecordContext {
  id: string;
  now: number;
  monitor: string;
  trigger: FlagTrigger;
  /** What the watchlist saw on the page: pre-fills the category and lists the terms. */
  watch?: { category: string; terms: string[] };
}

/** "https://www.baodaoxanh.example/a" → "baodaoxanh.example": the outlet when the page names none. */
export function hostnameOutlet(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** Only http(s) pages can be flagged; anything else is not a news article. */
export function isHttpUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** Keeps a date only if it is a real ISO 8601 instant with an offset, as the extractor writes them. */
function isoOrEmpty(value: string): string {
  const text = cleanSingleLine(value, 40);
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text) && !Number.isNaN(Date.parse(text)) ? text : '';
}

export function buildFlagRecord(page: PageMetadata, context: RecordContext, foundOnUrl = ''): FlagRecord {
  const url = cleanSingleLine(page.url, MAX_PAGE_URL);
  const canonicalUrl = cleanSingleLine(resolveHttpUrl(page.canonicalUrl, url), MAX_PAGE_URL) || withoutFragment(url);
  return {
    id: context.id,
    url,
    canonicalUrl,
    title: cleanSingleLine(page.title),
    siteName: cleanSingleLine(page.siteName) || hostnameOutlet(canonicalUrl),
    description: cleanMultiLine(page.description, 2000),
    lang: cleanSingleLine(page.lang, 35).toLowerCase(),
    quote: cleanMultiLine(page.selection),
    foundOnUrl: cleanSingleLine(foundOnUrl, MAX_PAGE_URL),
    capturedAt: context.now,
    lastFlaggedAt: context.now,
    timesFlagged: 1,
    monitor: cleanSingleLine(context.monitor, 120),
    trigger: context.trigger,
    status: 'new',
    category: context.watch?.category ?? '',
    watchTerms: (context.watch?.terms ?? []).map((term) => cleanSingleLine(term, 200)).filter(Boolean).slice(0, 100),
    author: cleanSingleLine(page.author, 200),
    publishedAt: isoOrEmpty(page.publishedAt),
    publishedAtZoneAssumed: page.publishedAt !== '' && page.publishedAtZoneAssumed,
    modifiedAt: isoOrEmpty(page.modifiedAt),
    excerpt: cleanMultiLine(page.excerpt, MAX_EXCERPT),
    wordCount: Number.isFinite(page.wordCount) ? Math.max(0, Math.floor(page.wordCount)) : 0,
    copyCount: 1,
    severity: 0,
    tags: [],
    note: '',
    exportedAt: 0,
  };
}
