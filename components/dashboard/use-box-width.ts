/**
 * The width of a box in whole CSS pixels, known before the first paint and
 * followed afterwards (window resized, zoom), and set for paper just before
 * printing. 0 until measured.
 */
import { useLayoutEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/**
 * @param printWidth the width the box will have on paper. The print layout comes after
 * `beforeprint` with no observer running in between, so it is given, not measured.
 */
export function useBoxWidth(box: RefObject<HTMLElement | null>, printWidth?: (element: HTMLElement) => number): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => Math.floor(element.getBoundingClientRect().width);
    // Read in a layout effect: the update renders again before the browser paints, so no frame
    // shows an empty box. Several boxes read one after another share one layout.
    setWidth(measure());
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    // Synchronous, for the dialog and "Save as PDF" alike: the print layout follows at once.
    const forPrint = () => printWidth && flushSync(() => setWidth(printWidth(element)));
    const forScreen = () => setWidth(measure());
    window.addEventListener('beforeprint', forPrint);
    window.addEventListener('afterprint', forScreen);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', forPrint);
      window.removeEventListener('afterprint', forScreen);
    };
  }, [box, printWidth]);
  return width;
}
