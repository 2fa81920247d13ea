/**
 * A <details> whose body is rendered only once it has been opened (and kept
 * after, so text typed in it survives closing). A queue row has several
 * closed sections; rendering them, and the live queries some of them run,
 * only on demand keeps the first rows quick to paint.
 */
import { useState, type ReactNode } from 'react';

export function LazyDetails(props: { className: string; summary: ReactNode; open?: boolean; children: ReactNode }) {
  const [opened, setOpened] = useState(false);
  return (
    <details
      className={props.className}
      open={props.open || undefined}
      onToggle={(event) => {
        if (event.currentTarget.open) setOpened(true);
      }}
    >
      <summary>{props.summary}</summary>
      {(opened || props.open) && props.children}
    </details>
  );
}
