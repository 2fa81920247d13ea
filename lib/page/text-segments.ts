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

/**
 * A superset of the skipped elements, as a selector: the browser finds them all
 * in one native pass. Both cases of each tag: selectors ignore case only for
 * HTML elements in HTML documents.
 */
const SKIPPED_SELECTOR = [...SKIPPED_TAGS].flatMap((tag) => [tag.toLowerCase(), tag]).concat('[hidden]', '[contenteditable]').join(', ');

/** The skipped elements under `root` (isSkippedElement decides, the selector only gathers the candidates). */
function skippedElementsUnder(root: ParentNode): Set<Element> {
  const skipped = new Set<Element>();
  for (const element of root.querySelectorAll(SKIPPED_SELECTOR)) if (isSkippedElement(element)) skipped.add(element);
  return skipped;
}

const NON_BLANK = /\S/;

/** Text nodes under `root` worth scanning, in document order. */
export function collectTextNodes(root: Node): Text[] {
  return collectTextSegments(root).nodes;
}

/** collectTextNodes, with each node's text as read during the walk (reading it again costs a DOM call per node). */
export function collectTextSegments(root: Node): { nodes: Text[]; texts: string[] } {
  const nodes: Text[] = [];
  const texts: string[] = [];
  // An element root that is itself skipped (an added <script>) yields nothing; so does text inside an editor.
  if (root.nodeType === 1 && isSkippedElement(root as Element)) return { nodes, texts };
  if (root.parentElement && root.parentElement.closest('[contenteditable]:not([contenteditable="false"]), textarea, script, style')) {
    return { nodes, texts };
  }
  if (root.nodeType === 3) {
    const data = (root as Text).data;
    if (NON_BLANK.test(data) && !(root.parentElement && isSkippedElement(root.parentElement))) {
      nodes.push(root as Text);
      texts.push(data);
    }
    return { nodes, texts };
  }
  // A plain firstChild/nextSibling walk: it runs on every page, in cold code,
  // where each DOM call counts. The skipped elements are found first, natively,
  // so an element costs a set lookup instead of three DOM calls. (Measured in
  // Chromium: a TreeWalker showing only text, or one with a JS filter called
  // back per node, cost more on a 100 KB article.)
  if (!('querySelectorAll' in root)) return { nodes, texts };
  const skipped = skippedElementsUnder(root as ParentNode);
  let node: Node | null = root.firstChild;
  while (node) {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (NON_BLANK.test(data)) {
        nodes.push(node as Text);
        texts.push(data);
      }
    } else if (node.nodeType === 1 && !skipped.has(node as Element) && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    // Next in document order outside this node's subtree, without leaving `root`.
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    if (!node || node === root) break;
    node = node.nextSibling;
  }
  return { nodes, texts };
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
