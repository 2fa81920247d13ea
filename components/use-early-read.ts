/** The UI's view of an early read (early-read.ts). */
import { useEffect, useState } from 'react';
import type { EarlyRead } from './early-read';

/**
 * The early read's value once it is back (at once, if it already is when the
 * component first renders), and whether it is still on its way, so that the
 * component's own live query can wait for it rather than make the same read
 * alongside. Neither for no early read.
 */
export function useEarlyRead<T>(read: EarlyRead<T> | undefined): { value?: T; pending: boolean } {
  // State only to re-render when the read settles; what it brought is read from `read` itself.
  const [, setSettled] = useState<EarlyRead<T>['settled']>(read?.settled);
  useEffect(() => {
    if (!read || read.settled) return;
    let current = true;
    const settle = () => current && setSettled(read.settled);
    read.promise.then(settle, settle);
    return () => {
      current = false;
    };
  }, [read]);
  if (!read) return { pending: false };
  if (!read.settled) return { pending: true };
  return { ...(read.settled.value !== undefined ? { value: read.settled.value } : {}), pending: false };
}
