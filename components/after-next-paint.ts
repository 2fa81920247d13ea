/**
 * Runs `callback` once the next frame has been painted: work that must not
 * delay what is about to reach the screen. A page that is not visible gets
 * no frames, so after `fallbackMs` the callback runs anyway.
 */
export function afterNextPaint(callback: () => void, fallbackMs = 100): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    callback();
  };
  // A task queued from a frame callback runs after that frame's paint.
  requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, fallbackMs);
}
