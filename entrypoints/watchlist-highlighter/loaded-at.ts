/**
 * When this content script started running. index.ts imports this module
 * first, so it is evaluated before everything else in the bundle, and the
 * main-thread measure (watch-page.ts) can include evaluating the rest. (This is
 * the script's only top-level code; in Node, where WXT imports entrypoints at
 * build time, it only reads the clock.)
 */
export const loadStartedAt = performance.now();
