/**
 * A read a page starts in its first stage, before React and the UI code have
 * loaded (entrypoints/popup/main.tsx, entrypoints/dashboard/main.tsx). Opening
 * the database and reading take several round trips to the browser; started
 * early, they overlap the loading of the UI instead of following its first
 * render. The UI takes the result over with useEarlyRead; if the read is
 * already back by then, the very first render shows it (no loading state, no
 * second render). Free of React on purpose: the first stage does not load it.
 */
export interface EarlyRead<T> {
  readonly promise: Promise<T>;
  /** Set once the read is back: its value, or none if it failed (the UI's own query reads again and reports). */
  settled?: { value?: T };
}

export function startEarlyRead<T>(read: Promise<T>): EarlyRead<T> {
  const early: EarlyRead<T> = { promise: read };
  read.then(
    (value) => void (early.settled = { value }),
    () => void (early.settled = {}),
  );
  return early;
}
