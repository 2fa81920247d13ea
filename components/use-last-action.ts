/**
 * The latest destructive action and its undo, for the bar that offers it
 * (UndoBar). Pressing Undo takes the bar away before the undo runs, so a
 * double click cannot run it twice (the second run would fail, and say so).
 * An undo that fails brings the bar back, unless a newer action took its
 * place, so that it can be tried again.
 */
import { useRef, useState } from 'react';

export interface UndoableAction {
  message: string;
  undo(): Promise<unknown>;
}

export function useLastAction(report: (reason: unknown) => void) {
  const [lastAction, setLastAction] = useState<UndoableAction | null>(null);
  const undone = useRef<UndoableAction | null>(null);
  function undoLast() {
    const action = lastAction;
    if (!action || undone.current === action) return;
    undone.current = action;
    setLastAction((current) => (current === action ? null : current));
    action.undo().catch((reason: unknown) => {
      undone.current = null;
      setLastAction((current) => current ?? action);
      report(reason);
    });
  }
  return { lastAction, setLastAction, undoLast };
}
