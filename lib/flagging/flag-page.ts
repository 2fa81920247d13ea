/**
 * The one path every trigger takes to flag a page: the popup button, the three
 * context-menu items, the keyboard shortcut and the automation message.
 * Browser access comes in as functions, so this runs against fake-indexeddb in Node.
 */
import type { FlagTrigger } from '../flag-record';
import type { FlagTabResponse } from '../messages';
import { pageMetadataSchema } from '../messages';
import { saveFlag } from '../db/flag-repository';
import { getMonitorName } from '../db/settings-repository';
import type { CanhTinDatabase } from '../db/schema';
import { withoutFragment, type PageMetadata } from '../page/page-metadata';
import { buildFlagRecord, hostnameOutlet, isHttpUrl } from './build-flag-record';
import { summariseWatchHits } from './watch-hits';

export interface FlagPageDeps {
  db: CanhTinDatabase;
  /** Runs the extractor in the tab and returns its (untrusted) result. */
  readPage(tabId: number): Promise<unknown>;
  /** Returns the visible text of the first link to `linkUrl` in the tab (untrusted). */
  readLinkText(tabId: number, linkUrl: string): Promise<unknown>;
  /** Asks the tab's watchlist highlighter what it found (untrusted); may reject when it is not running. */
  readWatchHits?(tabId: number): Promise<unknown>;
  now(): number;
  newId(): string;
}

export interface FlagRequest {
  tabId: number;
  trigger: FlagTrigger;
  /** "Flag this link": the link's target is flagged, not the page it is on. */
  linkUrl?: string;
  /** The browser's copy of the selection (context menu), used when the page's own is gone. */
  selectionText?: string;
}

/** Stable error codes of `{ ok: false, error }`; the UI translates them. */
export const FLAG_ERRORS = {
  unsupportedPage: 'unsupported-page',
  unreadablePage: 'unreadable-page',
  storageFailed: 'storage-failed',
} as const;

async function readPageSafely(deps: FlagPageDeps, tabId: number): Promise<PageMetadata | null> {
  let raw: unknown;
  try {
    raw = await deps.readPage(tabId);
  } catch {
    return null;
  }
  const parsed = pageMetadataSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

async function readWatchSafely(deps: FlagPageDeps, tabId: number) {
  if (!deps.readWatchHits) return undefined;
  try {
    return summariseWatchHits(await deps.readWatchHits(tabId));
  } catch {
    return undefined; // No highlighter in this tab (turned off, or the page predates the extension).
  }
}

async function linkAsPage(deps: FlagPageDeps, request: FlagRequest, linkUrl: string): Promise<PageMetadata> {
  let linkText: unknown = '';
  try {
    linkText = await deps.readLinkText(request.tabId, linkUrl);
  } catch {
    // The link text is a convenience; the URL alone is a valid flag.
  }
  return {
    url: linkUrl,
    canonicalUrl: withoutFragment(linkUrl),
    title: typeof linkText === 'string' ? linkText : '',
    siteName: hostnameOutlet(linkUrl),
    description: '',
    lang: '',
    selection: '',
  };
}

export async function flagPage(deps: FlagPageDeps, request: FlagRequest): Promise<FlagTabResponse> {
  const page = await readPageSafely(deps, request.tabId);
  if (!page) return { ok: false, error: FLAG_ERRORS.unreadablePage };
  if (!isHttpUrl(page.url)) return { ok: false, error: FLAG_ERRORS.unsupportedPage };

  let target = page;
  let foundOnUrl = '';
  if (request.linkUrl !== undefined) {
    if (!isHttpUrl(request.linkUrl)) return { ok: false, error: FLAG_ERRORS.unsupportedPage };
    target = await linkAsPage(deps, request, request.linkUrl);
    foundOnUrl = page.url;
  } else if (!page.selection && request.selectionText) {
    target = { ...page, selection: request.selectionText };
  }

  // A flagged link is another article: the hits on this page say nothing about it.
  const watch = request.linkUrl === undefined ? await readWatchSafely(deps, request.tabId) : undefined;

  try {
    const monitor = await getMonitorName(deps.db);
    const context = { id: deps.newId(), now: deps.now(), monitor, trigger: request.trigger, ...(watch ? { watch } : {}) };
    const record = buildFlagRecord(target, context, foundOnUrl);
    return { ok: true, ...(await saveFlag(deps.db, record)) };
  } catch {
    return { ok: false, error: FLAG_ERRORS.storageFailed };
  }
}
