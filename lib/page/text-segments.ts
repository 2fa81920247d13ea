/**
 * The page text the watchlist looks at, as segments that map back to DOM text
 * nodes: one string per text node, skipping what a highlight must never touch
 * (scripts, styles, form fields, editors, hidden subtrees). The root is passed
 * in, so this runs on a live page and on a Document in Node tests.
 */

/** Elements whose text is not reading text, or that must stay untouched. */
const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON',
  'IFRAME', 'OBJECT', 'CANVAS', 'SVG', 'MATH', 'HEAD', 'TITLE',
]);

function isSkippedElement(element: Element): boolean {
  if (SKIPPED_TAGS.has(element.tagName.toUpperCase())) return true;
  if (element.hasAttribute('hidden')) return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

/** Text nodes under `root` worth scanning, in document order. */
export function collectTextNodes(root: Node): Text[] {
  const doc = root.ownerDocument ?? (root as Document);
  const nodes: Text[] = [];
  // NodeFilter constants by value: this runs where NodeFilter is not a global (Node tests).
  const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT, {
    acceptNode(node) {
      if (node.nodeType === 1) return isSkippedElement(node as Element) ? 2 /* REJECT subtree */ : 3 /* SKIP */;
      return /\S/.test((node as Text).data) ? 1 /* ACCEPT */ : 3;
    },
  });
  // An element root that is itself skipped (an added <script>) yields nothing.
  if (root.nodeType === 1 && isSkippedElement(root as Element)) return nodes;
  if (root.parentElement && root.parentElement.closest('[contenteditable]:not([contenteditable="false"]), textarea, script, style')) {
    return nodes;
  }
  // A walker never yields its own root: a changed or added text node is its own segment.
  if (root.nodeType === 3) {
    if (/\S/.test((root as Text).data) && !(root.parentElement && isSkippedElement(root.parentElement))) nodes.push(root as Text);
    return nodes;
  }
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

export interface JoinedSegments {
  text: string;
  /** starts[i]: offset of segment i in `text`. */
  starts: number[];
}

/**
 * One string for one matcher call; segments are separated by a newline, which
 * is a word boundary, so no term is found across two text nodes.
 */
export function joinSegments(segments: readonly string[]): JoinedSegments {
  const starts: number[] = [];
  let offset = 0;
  for (const segment of segments) {
    starts.push(offset);
    offset += segment.length + 1;
  }
  return { text: segments.join('\n'), starts };
}

export interface SegmentHit<T> {
  segment: number;
  start: number;
  end: number;
  hit: T;
}

/** Maps hits in the joined text back to (segment, offsets within it); hits are sorted by start. */
export function hitsPerSegment<T extends { start: number; end: number }>(joined: JoinedSegments, hits: readonly T[]): SegmentHit<T>[] {
  const result: SegmentHit<T>[] = [];
  let segment = 0;
  for (const hit of hits) {
    while (segment + 1 < joined.starts.length && joined.starts[segment + 1]! <= hit.start) segment += 1;
    const base = joined.starts[segment]!;
    result.push({ segment, start: hit.start - base, end: hit.end - base, hit });
  }
  return result;
}
