/**
 * What the dedup decision knows about one record, computed once from its fields
 * and shared by the lookup (findDuplicate) and the index (StoryIndex.add).
 */
import { articleSlugKey, canonicalizeUrl, hostOf, isOwnCanonical } from './canonicalize-url';
import { TRUNCATION_MARK, titleParts } from './normalize-title';
import { type TextFeatures, type TitleTokens, textFeatures, titleNumbers, titleTokens } from './similarity';

/** The fields dedup reads; a FlagRecord, an imported CSV row and an eval record all map onto it. */
export interface DedupInput {
  id: string;
  /** The address as visited. */
  url: string;
  /** The page's declared canonical URL, when it declared one. */
  canonicalUrl?: string;
  title: string;
  siteName?: string;
  /** ISO 8601 with offset (or anything Date.parse reads); null/undefined when unknown. */
  publishedAt?: string | null;
  /** The lead of the article: standfirst, excerpt or description, or the article text (only its opening is used). */
  text?: string;
}

export interface RecordFeatures {
  readonly kind: 'dedup-features';
  id: string;
  /** Canonical forms of the visited and the declared URL (one or two distinct keys). */
  urlKeys: string[];
  /** Same-outlet same-slug key (print view ≡ section URL), or null. */
  slugKey: string | null;
  title: TitleTokens;
  titleNumbers: string[];
  /** Epoch ms, NaN when unknown. */
  publishedAt: number;
  text: TextFeatures;
}

function parseDate(value: string | null | undefined): number {
  if (!value) return Number.NaN;
  const time = Date.parse(value);
  return Number.isFinite(time) ? time : Number.NaN;
}

/** Normalises one record's fields into the features the index and the decision use. */
export function recordFeatures(input: DedupInput): RecordFeatures {
  const visited = canonicalizeUrl(input.url);
  const urlKeys = [visited];
  const stated = input.canonicalUrl ? canonicalizeUrl(input.canonicalUrl) : '';
  // A canonical on another site (or a home page) is no identity: see isOwnCanonical.
  const declared = stated && isOwnCanonical(visited, stated) ? stated : '';
  if (declared && declared !== visited) urlKeys.push(declared);
  const host = hostOf(visited);
  const siteNames = [input.siteName ?? '', host, hostOf(declared)].filter(Boolean);
  const parts = titleParts(input.title, siteNames);
  const title = titleTokens(parts.truncated && parts.text ? `${parts.text}${TRUNCATION_MARK}` : parts.text, parts.nameLikeTailWords);
  return {
    kind: 'dedup-features',
    id: input.id,
    urlKeys: urlKeys.filter(Boolean),
    slugKey: articleSlugKey(declared || visited),
    title,
    titleNumbers: titleNumbers(title),
    publishedAt: parseDate(input.publishedAt),
    text: textFeatures(input.text ?? ''),
  };
}

export function asFeatures(input: DedupInput | RecordFeatures): RecordFeatures {
  return 'kind' in input && input.kind === 'dedup-features' ? input : recordFeatures(input as DedupInput);
}

/** What dedup reads of a flag: its addresses, headline, outlet, date and lead text. */
export function dedupInputOfFlag(record: {
  id: string;
  url: string;
  canonicalUrl: string;
  title: string;
  siteName: string;
  publishedAt: string;
  excerpt: string;
  description?: string;
}): DedupInput {
  return {
    id: record.id,
    url: record.url,
    canonicalUrl: record.canonicalUrl,
    title: record.title,
    siteName: record.siteName,
    publishedAt: record.publishedAt || null,
    text: record.excerpt || record.description || '',
  };
}
