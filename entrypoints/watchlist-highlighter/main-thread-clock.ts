/**
 * Adds up the time the watchlist content script keeps the page's main thread
 * busy. The work of a page's first scan is cut in slices by waits (the stored
 * settings, the background's matching); each slice runs inside time(), so the
 * total covers all of it and none of the waiting. What it cannot see: the
 * browser parsing and compiling the script before the script runs.
 */
export class MainThreadClock {
  private spentMs = 0;
  private depth = 0;

  /** Runs `work` and adds its duration; a slice inside another is not counted twice. */
  time<T>(work: () => T): T {
    if (this.depth > 0) return work();
    const started = performance.now();
    this.depth = 1;
    try {
      return work();
    } finally {
      this.depth = 0;
      this.spentMs += performance.now() - started;
    }
  }

  /** Adds a slice timed by hand (the script's own loading, before the clock existed). */
  add(ms: number): void {
    this.spentMs += ms;
  }

  get totalMs(): number {
    return this.spentMs;
  }
}
