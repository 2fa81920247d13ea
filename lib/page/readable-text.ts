/**
 * The article's main text via @mozilla/readability, run on a bounded copy of
 * the document so the live page is never mutated and a forum thread with
 * thousands of replies costs no more than its first screens.
 */
import { Readability } from '@mozilla/readability';
import { MAX_EXCERPT } from '@/lib/flag-record';
import { capLength, cleanMultiLine } from '@/lib/text/clean-text';

export interface ReadableText {
  text: string;
  excerpt: string;
  wordCount: number;
  /** True when the copy given to Readability stopped at a budget (very long page). */
  truncated: boolean;
}

/** Elements copied for Readability at most: enough for any article, not for 4,000 replies. */
export const MAX_COPIED_ELEMENTS = 2500;
/**
 * Repeated containers (comments, replies, cards) kept per parent and per
 * tag+class: the article is never the 13th identical sibling box.
 */
export const MAX_REPEATED_SIBLINGS = 12;
/** Paragraph-like siblings kept per parent: long essays have a few hundred. */
export const MAX_TEXT_SIBLINGS = 600;
export const MAX_TEXT_CHARS = 200_000;
/**
 * Nesting kept in the copy; deeper elements are flattened into their ancestor at
 * this depth (text kept). Readability's cost grows steeply with depth: 500 nested
 * <div>s take it 19 s in happy-dom, 1,000 take minutes. Real articles nest < 40.
 */
export const MAX_COPY_DEPTH = 80;

// Never article text, and expensive to copy (inline SVG, scripts with 100 KB of JSON).
const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'LINK', 'META',
  'NAV', 'FOOTER', 'ASIDE', 'BUTTON', 'SELECT', 'INPUT', 'TEXTAREA', 'DIALOG',
]);
const TEXT_BLOCK_TAGS = new Set(['P', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'FIGURE', 'PRE', 'UL', 'OL', 'TABLE', 'BR', 'HR', 'IMG', 'PICTURE', 'SPAN', 'A', 'B', 'I', 'EM', 'STRONG']);
const BLOCK_TAGS = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'HEADER', 'MAIN', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'FIGURE',
  'FIGCAPTION', 'PRE', 'UL', 'OL', 'LI', 'TABLE', 'TR', 'DL', 'DT', 'DD', 'ADDRESS', 'HR',
]);

/**
 * A new document holding a pruned copy of `doc`: chrome tags dropped, long
 * runs of look-alike sibling boxes cut, and at most `maxElements` elements.
 */
export function boundedCopy(doc: Document, maxElements = MAX_COPIED_ELEMENTS): { copy: Document; truncated: boolean } {
  const copy = doc.implementation.createHTMLDocument('');
  // importNode copies the root's attributes as the parser made them: setAttribute would throw on
  // a name it allows but the DOM API refuses (`<html =x>` makes an attribute named "=x").
  const root = copy.importNode(doc.documentElement, false);
  copy.documentElement.remove();
  copy.appendChild(root);
  let copied = 0;
  let truncated = false;

  // Iterative depth-first copy: recursion on a deeply nested hostile page would overflow the stack.
  const stack: Array<{ source: Node; target: Node; depth: number }> = [{ source: doc.documentElement, target: root, depth: 0 }];
  while (stack.length > 0) {
    const { source, target, depth } = stack.pop()!;
    const seen = new Map<string, number>();
    const pending: Array<{ source: Node; target: Node; depth: number }> = [];
    let skippedInParent = 0;
    let lastSkipped = false;
    // Indexed access: in happy-dom, nextSibling searches the parent's list on every call.
    const nodes = source.childNodes;
    for (let k = 0; k < nodes.length; k += 1) {
      const child = nodes[k]!;
      if (child.nodeType === 3) {
        // The whitespace between 4,000 skipped replies would still be 4,000 nodes for Readability.
        if (!lastSkipped) target.appendChild(copy.importNode(child, false));
        continue;
      }
      if (child.nodeType !== 1) continue;
      const element = child as Element;
      const tag = element.tagName.toUpperCase();
      lastSkipped = true;
      if (SKIPPED_TAGS.has(tag)) continue;
      const signature = `${tag}.${element.getAttribute('class') ?? ''}`;
      const n = (seen.get(signature) ?? 0) + 1;
      seen.set(signature, n);
      if (n > (TEXT_BLOCK_TAGS.has(tag) ? MAX_TEXT_SIBLINGS : MAX_REPEATED_SIBLINGS)) {
        truncated = true;
        skippedInParent += 1;
        // Past a few hundred look-alikes the rest of this parent is the same list going on.
        if (skippedInParent > 200) break;
        continue;
      }
      if (copied >= maxElements) {
        truncated = true;
        break;
      }
      lastSkipped = false;
      copied += 1;
      if (depth >= MAX_COPY_DEPTH) {
        // Too deep: its children go into the current target instead of a new nested element.
        pending.push({ source: element, target, depth });
        continue;
      }
      const clone = copy.importNode(element, false);
      target.appendChild(clone);
      pending.push({ source: element, target: clone, depth: depth + 1 });
    }
    // Reverse so that the stack visits children in document order: the budget goes to the top of the page.
    for (let i = pending.length - 1; i >= 0; i -= 1) stack.push(pending[i]!);
  }
  return { copy, truncated };
}

/** Text of an element with a line break around every block, so paragraphs stay apart. */
export function blockText(element: Element, maxChars = MAX_TEXT_CHARS): string {
  const parts: string[] = [];
  let length = 0;
  // `null` marks the end of a block: its line break goes after its children.
  const stack: Array<Node | null> = [element];
  while (stack.length > 0 && length < maxChars) {
    const node = stack.pop();
    if (node === null || node === undefined) {
      parts.push('\n');
      continue;
    }
    if (node.nodeType === 3) {
      const data = node.nodeValue ?? '';
      parts.push(data);
      length += data.length;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const tag = (node as Element).tagName.toUpperCase();
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE') continue;
    if (tag === 'BR') {
      parts.push('\n');
      continue;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) {
      parts.push('\n');
      stack.push(null);
    }
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i]!);
  }
  return parts.join('');
}

/** Words: one per Han/kana character (no spaces in Chinese), else runs of letters and digits. */
export function countWords(text: string): number {
  const cjk = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
  const rest = text.replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu, ' ');
  const words = rest.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’.\-][\p{L}\p{N}\p{M}]+)*/gu)?.length ?? 0;
  return cjk + words;
}

/**
 * The article's opening: from its first paragraph of real length on (datelines, kickers and
 * captions before it are skipped), one paragraph per line, cut at a word boundary to `maxChars`
 * with its "…". Dedup compares copies on this lead, so it runs past the first paragraph: a repost
 * that opens with a paragraph of its own (a forum's "look at this"), or a page that puts a
 * standfirst above the article another outlet copied, still shares most of it.
 */
export function makeExcerpt(text: string, maxChars = MAX_EXCERPT): string {
  const paragraphs = text.split(/\n+/).map((p) => p.trim()).filter(Boolean);
  const start = Math.max(0, paragraphs.findIndex((p) => p.length >= 80));
  // Only as many paragraphs as the cut needs, not the whole article joined.
  let opening = paragraphs[start] ?? '';
  for (let next = start + 1; opening.length <= maxChars && next < paragraphs.length; next += 1) opening += `\n${paragraphs[next]}`;
  if (opening.length <= maxChars) return opening;
  const cut = capLength(opening, maxChars - 1);
  const space = cut.search(/\s\S*$/);
  return `${space > maxChars * 0.6 ? cut.slice(0, space) : cut}…`;
}

/** Readability on the bounded copy; the copy's body text when Readability finds no article. */
export function extractReadableText(doc: Document): ReadableText {
  const { copy, truncated } = boundedCopy(doc);
  let content: Element | null = null;
  try {
    const article = new Readability(copy, {
      charThreshold: 200,
      // Keep the content element itself: re-parsing serialised HTML would cost a second DOM.
      serializer: (el: Node) => el,
    }).parse();
    const node = article?.content as unknown;
    if (node && typeof node === 'object' && (node as Node).nodeType === 1) content = node as Element;
  } catch {
    // Readability throws on some malformed documents; the fallback below still gives text.
    content = null;
  }
  const source = content ?? copy.body ?? copy.documentElement;
  const text = cleanMultiLine(blockText(source), MAX_TEXT_CHARS);
  return { text, excerpt: makeExcerpt(text), wordCount: countWords(text), truncated };
}
