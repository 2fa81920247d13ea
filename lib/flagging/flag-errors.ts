/**
 * The stable error codes of a failed flag (the Automation contract in the
 * README). Apart from the flag path so the popup can map them to text without
 * bundling the page extractor.
 */
export const FLAG_ERRORS = {
  unsupportedPage: 'unsupported-page',
  unreadablePage: 'unreadable-page',
  storageFailed: 'storage-failed',
} as const;

/** Any message the background could not carry out for an unexpected reason (also in the README's contract). */
export const INTERNAL_ERROR = 'internal-error';
