/**
 * The one path every trigger takes to flag a page: the popup button, the three
 * context-menu items, the keyboard shortcut and the automation message.
 * Browser access comes in as functions, so this runs against fake-indexeddb in Node.
 */
import type { FlagTrigger } from '../flag-record';
import { FLAG_ERRORS } from './flag-errors';
import { isQuotaError } from '../db/quota-error';
import type { FlagTabResponse } from '../messages';
import { pageMetadataSchema } from '../messages';
import { saveFlag } from '../db/flag-repository';
import { getCaptureMhtml, getMonitorName } from '../db/settings-repository';
import type { CanhTinDatabase } from '../db/schema';
import { withoutFragment, type PageMetadata } from '../page/page-metadata';
import { buildFlagRecord, hostnameOutlet, isHttpUrl } from './build-flag-record';
import { summariseWatchHits } from './watch-hits';
import type { EvidenceRecord, ScreenshotProblem } from '../evidence/evidence-record';
import { dataUrlToBytes, sha256Hex } from '../evidence/sha256';

export interface FlagPageDeps {
  db: CanhTinDatabase;
  /** Runs the extractor in the tab and returns its (untrusted) result. */
  readPage(tabId: number): Promise<unknown>;
  /** Returns the visible text of the first link to `linkUrl` in the tab (untrusted). */
  readLinkText(tabId: number, linkUrl: string): Promise<unknown>;
  /** Asks the tab's watchlist highlighter what it found (untrusted); may reject when it is not running. */
  readWatchHits?(tabId: number): Promise<unknown>;
  /** `{ dataUrl }` with a JPEG of the tab as visible now, or `{ problem }` saying why there is none. */
  captureScreenshot?(tabId: number): Promise<unknown>;
  /** The whole page as MHTML bytes (Chrome's pageCapture); only called when the setting is on. */
  captureMhtml?(tabId: number): Promise<Uint8Array | undefined>;
  /** Recorded with the evidence. */
  userAgent?: string;
  now(): number;
  newId(): string;
  /** How long each answer from the tab is waited for (tests shorten them); ANSWER_LIMITS_MS otherwise. */
  answerLimitsMs?: Partial<typeof ANSWER_LIMITS_MS>;
}

/**
 * How long the flag waits for each answer from the tab. A page whose main thread is stuck (an endless
 * script, an alert() left open) never answers a script injected into it: without a limit the flag would
 * hang there, the popup's button with it. The page's text is needed (past its limit the flag fails, and
 * says so); the rest is a convenience or evidence that is recorded as missing.
 */
export const ANSWER_LIMITS_MS = { page: 15_000, linkText: 3_000, watchHits: 3_000, screenshot: 10_000, mhtml: 20_000 };

/** `answer`, or a rejection once `ms` have passed. */
function within<T>(answer: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([answer, limit]).finally(() => clearTimeout(timer));
}

function limitOf(deps: FlagPageDeps, answer: keyof typeof ANSWER_LIMITS_MS): number {
  return deps.answerLimitsMs?.[answer] ?? ANSWER_LIMITS_MS[answer];
}

export interface FlagRequest {
  tabId: number;
  trigger: FlagTrigger;
  /** "Flag this link": the link's target is flagged, not the page it is on. */
  linkUrl?: string;
  /** The browser's copy of the selection (context menu), used when the page's own is gone. */
  selectionText?: string;
}

export { FLAG_ERRORS };

async function readPageSafely(deps: FlagPageDeps, tabId: number): Promise<PageMetadata | null> {
  let raw: unknown;
  try {
    raw = await within(deps.readPage(tabId), limitOf(deps, 'page'));
  } catch {
    return null;
  }
  const parsed = pageMetadataSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

async function readWatchSafely(deps: FlagPageDeps, tabId: number) {
  if (!deps.readWatchHits) return undefined;
  try {
    return summariseWatchHits(await within(deps.readWatchHits(tabId), limitOf(deps, 'watchHits')));
  } catch {
    return undefined; // No highlighter in this tab (turned off, or the page predates the extension).
  }
}

async function linkAsPage(deps: FlagPageDeps, request: FlagRequest, linkUrl: string): Promise<PageMetadata> {
  let linkText: unknown = '';
  try {
    linkText = await within(deps.readLinkText(request.tabId, linkUrl), limitOf(deps, 'linkText'));
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
    author: '',
    publishedAt: '',
    publishedAtZoneAssumed: false,
    modifiedAt: '',
    text: '',
    excerpt: '',
    wordCount: 0,
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

  // Evidence is of the page the monitor is on; a flagged link's target was never opened.
  const screenshot = request.linkUrl === undefined ? await captureScreenshotSafely(deps, request.tabId) : undefined;
  const mhtml = screenshot ? await captureMhtmlSafely(deps, request.tabId) : undefined;

  let record;
  let evidence;
  try {
    const monitor = await getMonitorName(deps.db);
    const context = { id: deps.newId(), now: deps.now(), monitor, trigger: request.trigger, ...(watch ? { watch } : {}) };
    record = buildFlagRecord(target, context, foundOnUrl);
    evidence = screenshot ? await buildEvidence(deps, page, record.capturedAt, screenshot, mhtml) : undefined;
    return { ok: true, ...(await saveFlag(deps.db, record, evidence)), ...problemOf(evidence) };
  } catch (error) {
    if (!record || !evidence?.screenshot || !isQuotaError(error)) return { ok: false, error: FLAG_ERRORS.storageFailed };
  }
  // Storage is full: keep the flag and its text, say loudly that the screenshot could not be kept.
  const { screenshot: _dropped, screenshotSha256: _hash, mhtml: _page, mhtmlSha256: _pageHash, ...withoutScreenshot } = evidence;
  const lighter = { ...withoutScreenshot, screenshotProblem: 'quota-exceeded' as const };
  try {
    return { ok: true, ...(await saveFlag(deps.db, record, lighter)), ...problemOf(lighter) };
  } catch {
    return { ok: false, error: FLAG_ERRORS.storageFailed };
  }
}

type Screenshot = { bytes: Uint8Array } | { problem: ScreenshotProblem };

async function captureScreenshotSafely(deps: FlagPageDeps, tabId: number): Promise<Screenshot> {
  if (!deps.captureScreenshot) return { problem: 'capture-failed' };
  try {
    const raw = await within(deps.captureScreenshot(tabId), limitOf(deps, 'screenshot'));
    if (raw && typeof raw === 'object' && 'dataUrl' in raw && typeof raw.dataUrl === 'string' && raw.dataUrl.startsWith('data:image/jpeg;base64,')) {
      return { bytes: dataUrlToBytes(raw.dataUrl) };
    }
    return { problem: raw && typeof raw === 'object' && 'problem' in raw && raw.problem === 'not-visible' ? 'not-visible' : 'capture-failed' };
  } catch {
    return { problem: 'capture-failed' };
  }
}

async function captureMhtmlSafely(deps: FlagPageDeps, tabId: number): Promise<Uint8Array | undefined> {
  if (!deps.captureMhtml || !(await getCaptureMhtml(deps.db))) return undefined;
  try {
    return await within(deps.captureMhtml(tabId), limitOf(deps, 'mhtml'));
  } catch {
    return undefined; // The screenshot and text still stand as evidence.
  }
}

async function buildEvidence(
  deps: FlagPageDeps,
  page: PageMetadata,
  capturedAt: number,
  screenshot: Screenshot,
  mhtml: Uint8Array | undefined,
): Promise<Omit<EvidenceRecord, 'flagId'>> {
  const text = page.text;
  return {
    id: deps.newId(),
    capturedAt,
    tabUrl: page.url,
    userAgent: deps.userAgent ?? '',
    text,
    textSha256: await sha256Hex(text),
    ...('bytes' in screenshot
      ? { screenshot: screenshot.bytes, screenshotSha256: await sha256Hex(screenshot.bytes) }
      : { screenshotProblem: screenshot.problem }),
    ...(mhtml ? { mhtml, mhtmlSha256: await sha256Hex(mhtml) } : {}),
  };
}

function problemOf(evidence: Omit<EvidenceRecord, 'flagId'> | undefined): { screenshotProblem?: ScreenshotProblem } {
  return evidence?.screenshotProblem ? { screenshotProblem: evidence.screenshotProblem } : {};
}
