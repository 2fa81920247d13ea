/**
 * What a page says about itself at the moment it is flagged, read from a
 * Document passed in, so the same code runs in the page (injected by the
 * background) and in Node tests. Everything returned is untrusted text:
 * callers validate and clean it again before storing.
 */
import { extractArticle } from './extract-article';

export interface PageMetadata {
  /** The address exactly as visited. */
  url: string;
  canonicalUrl: string;
  title: string;
  siteName: string;
  description: string;
  /** ISO 639-1 of the article text (decided by the text, not only html[lang]); '' when unknown. */
  lang: string;
  /** The text the monitor selected. */
  selection: string;
  author: string;
  /** ISO 8601 with offset; '' when the page gives none. */
  publishedAt: string;
  /** True when the page gave no time zone and one was assumed. */
  publishedAtZoneAssumed: boolean;
  modifiedAt: string;
  /** Readable article text (the evidence snapshot), with paragraph breaks. */
  text: string;
  excerpt: string;
  wordCount: number;
}

/** Resolves a possibly relative URL against the page URL; only http(s) results count. */
export function resolveHttpUrl(value: string, base: string): string {
  if (!value) return '';
  try {
    const resolved = new URL(value, base);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : '';
  } catch {
    return '';
  }
}

/** The URL without its fragment: `#comments` or `#:~:text=` never name another article. */
export function withoutFragment(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url;
  }
}

/**
 * The longest page address kept (what a record stores). A page can make its own address as long as it
 * likes (history.replaceState); cut here, it is still flagged under the address's beginning.
 */
export const MAX_PAGE_URL = 4000;

export function capturePage(doc: Document, fullPageUrl: string, selection = ''): PageMetadata {
  const pageUrl = fullPageUrl.slice(0, MAX_PAGE_URL);
  const article = extractArticle(doc, pageUrl);
  return {
    url: pageUrl,
    canonicalUrl: article.canonicalUrl || withoutFragment(pageUrl),
    title: article.title ?? '',
    siteName: article.siteName ?? '',
    description: article.description ?? '',
    lang: article.lang ?? '',
    selection,
    author: article.author ?? '',
    publishedAt: article.publishedAt ?? '',
    publishedAtZoneAssumed: article.publishedAtZoneAssumed,
    modifiedAt: article.modifiedAt ?? '',
    text: article.text,
    excerpt: article.excerpt,
    wordCount: article.wordCount,
  };
}
