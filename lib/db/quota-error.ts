/**
 * Whether a write failed because the disk (or the browser's quota for the
 * extension) is full. Dexie wraps it as an AbortError with
 * `inner.name === 'QuotaExceededError'`; both are checked.
 */
export function isQuotaError(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth += 1) {
    const { name, inner } = current as { name?: unknown; inner?: unknown };
    if (name === 'QuotaExceededError') return true;
    current = inner;
  }
  return false;
}
