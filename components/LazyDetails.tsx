/**
 * A <details> whose body is rendered only once it has been opened (and kept
 * after, so text typed in it survives closing). A queue row has several
 * closed sections; rendering them, and the live queries some of them run,
 * only on demand keeps the first rows quick to paint.
 */
import { useState, type ReactNode } from 'react';

export function LazyDetails(props: { className: string; summary: ReactNode; initiallyOpen?: boolean; children: ReactNode }) {
  // Only the first render decides whether it starts open (a story with a note shows it). After that the
  // monitor alone opens and closes it: following the data would snap it shut under a note being retyped.
  const [initiallyOpen] = useState(props.initiallyOpen ?? false);
  const [opened, setOpened] = useState(initiallyOpen);
  return (
    <details
      className={props.className}
      open={initiallyOpen || undefined}
      onToggle={(event) => {
        if (event.currentTarget.open) setOpened(true);
      }}
    >
      <summary>{props.summary}</summary>
      {opened && props.children}
    </details>
  );
}
