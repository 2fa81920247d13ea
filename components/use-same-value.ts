import { useMemo } from 'react';

/**
 * `value`, or the one from the previous render while their content is the
 * same. A live query answers every read with a new object; components and
 * effects that depend on it (the briefing's charts are rebuilt when their data
 * change) then see no change unless there is one. For small, plain data: the
 * comparison is by JSON.
 */
export function useSameValue<T>(value: T): T {
  const content = JSON.stringify(value);
  // The content is the dependency, on purpose: the value is kept while it does not change.
  return useMemo(() => value, [content]);
}
