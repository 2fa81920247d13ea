/**
 * Evidence kept beside a flag so the record survives the article's deletion:
 * the readable text as captured, a screenshot of the visible tab, their
 * SHA-256, when and where they were taken. Stored in its own table so the
 * queue never loads screenshots.
 */

/** Why a screenshot is missing: the flag itself is always kept. */
export type ScreenshotProblem = 'not-visible' | 'capture-failed' | 'quota-exceeded';

export interface EvidenceRecord {
  id: string;
  /** The flag (story) this evidence belongs to. */
  flagId: string;
  capturedAt: number;
  /** The tab's address exactly as visited, tracking parameters and all. */
  tabUrl: string;
  userAgent: string;
  /** Readable article text at capture time. */
  text: string;
  textSha256: string;
  /** JPEG bytes of the visible tab; absent when `screenshotProblem` says why. */
  screenshot?: Uint8Array;
  screenshotSha256?: string;
  screenshotProblem?: ScreenshotProblem;
  /** The whole page as MHTML (Chrome, when the monitor turned it on in Settings). */
  mhtml?: Uint8Array;
  mhtmlSha256?: string;
}

