/**
 * The article's own text from a Document passed in: headline, standfirst, body
 * paragraphs, captions and the in-article source credit, without the page
 * chrome (navigation, ads, related links, comments, footers, forum replies)
 * that mentions watchlist terms of its own.
 */

/** Never reading text, or chrome by its tag. */
const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'HEAD', 'TITLE',
  'NAV', 'ASIDE', 'FORM', 'BUTTON', 'SELECT', 'OPTION', 'TEXTAREA', 'INPUT', 'DIALOG', 'MENU',
  'AMP-AD', 'AMP-ANALYTICS', 'AMP-STICKY-AD', 'AMP-CONSENT',
]);

/**
 * Class/id words that name chrome in the CMSs monitors meet. Matched as whole
 * hyphen/underscore-separated words, so "commentary" or "shared-story" are
 * not chrome while "c-comment" and "site-footer" are.
 */
const CHROME_WORD =
  /(?:^|[-_])(?:comments?|comment-list|binh-luan|related|relatedposts|lien-quan|share|sharing|social|breadcrumbs?|nav|navbar|navigation|menu|footer|sidebar|widget|ads?|adslot|advert|advertisement|advertising|banner|sponsor|sponsored|promo|newsletter|subscribe|subscription|cookies?|consent|tags?|trending|most-read|mostread|popular|recommended|recommendations|readmore|more-stories|outbrain|taboola|signup|login|toolbar|pagination|pager|ticker|masthead|topbar|quang-cao|replies|reply)(?:[-_]|$)/i;

const CHROME_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'banner', 'dialog', 'alertdialog', 'search', 'menu', 'menubar']);

/** Block-level boxes: their text is a separate line, so no term is read across two of them. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3',
  'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL', 'BR',
]);

function isChrome(element: Element): boolean {
  if (SKIPPED_TAGS.has(element.tagName.toUpperCase())) return true;
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const role = element.getAttribute('role');
  if (role && CHROME_ROLES.has(role.toLowerCase())) return true;
  const style = element.getAttribute('style');
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  const names = `${element.getAttribute('class') ?? ''} ${element.id}`.split(/\s+/);
  return names.some((name) => name !== '' && CHROME_WORD.test(name));
}

function isInsideChrome(element: Element, stop: Element | null): boolean {
  for (let node: Element | null = element; node && node !== stop; node = node.parentElement) {
    if (isChrome(node)) return true;
  }
  return false;
}

/** Rendered-like text of `root`: chrome skipped, whitespace collapsed, one line per block. */
function readableText(root: Element): string {
  const lines: string[] = [];
  let line = '';
  const breakLine = () => {
    const trimmed = line.replace(/[ \t\r\n\f]+/g, ' ').trim();
    if (trimmed) lines.push(trimmed);
    line = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      line += (node as Text).data;
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (isChrome(element)) return;
    const block = BLOCK_TAGS.has(element.tagName.toUpperCase());
    if (block) breakLine();
    for (let child = element.firstChild; child; child = child.nextSibling) walk(child);
    if (block) breakLine();
  };
  walk(root);
  breakLine();
  return lines.join('\n');
}

/**
 * Where the body paragraphs are: each paragraph scores its length for its
 * parent and half for its grandparent (the idea of Readability's scoring,
 * without its rewriting), chrome excluded.
 */
function bestParagraphContainer(doc: Document): Element | null {
  const scores = new Map<Element, number>();
  for (const paragraph of doc.querySelectorAll('p, pre, blockquote > div, td')) {
    if (isInsideChrome(paragraph, null)) continue;
    const length = (paragraph.textContent ?? '').replace(/\s+/g, ' ').trim().length;
    if (length < 25) continue;
    const parent = paragraph.parentElement;
    if (!parent) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + length);
    const grandparent = parent.parentElement;
    if (grandparent && grandparent !== doc.body) scores.set(grandparent, (scores.get(grandparent) ?? 0) + length / 2);
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [element, score] of scores) {
    if (score > bestScore) [best, bestScore] = [element, score];
  }
  return best;
}

/** The article element around the body (the whole story with its header and credit), if it is close by. */
function enclosingArticle(element: Element): Element {
  let node: Element | null = element;
  for (let depth = 0; node && depth < 6; depth++, node = node.parentElement) {
    if (node.matches('article, [itemprop~="articleBody"], [role="article"], [itemtype*="Article"]')) return node;
  }
  return element;
}

function commonAncestor(a: Element, b: Element): Element | null {
  const ancestors = new Set<Element>();
  for (let node: Element | null = a; node; node = node.parentElement) ancestors.add(node);
  for (let node: Element | null = b; node; node = node.parentElement) if (ancestors.has(node)) return node;
  return null;
}

function headline(doc: Document): Element | null {
  for (const candidate of doc.querySelectorAll('h1')) {
    if (!isInsideChrome(candidate, null) && (candidate.textContent ?? '').trim()) return candidate;
  }
  return null;
}

/**
 * The article text, one line per block. Reads the DOM only, never layout, so it
 * runs on a live page and on a Document parsed in Node.
 */
export function extractArticleText(doc: Document): string {
  const body = doc.body ?? doc.documentElement;
  if (!body) return '';
  const container = bestParagraphContainer(doc);
  if (!container) return readableText(body);
  let root = enclosingArticle(container);
  const title = headline(doc);
  if (title && !root.contains(title)) {
    // A headline and standfirst above the body's own box: take the box around
    // both when it adds little else; a forum thread's box around the first
    // post and its headline also holds every reply, so it is not taken.
    const around = commonAncestor(root, title);
    const rootLength = readableText(root).length;
    if (around && around !== body && readableText(around).length <= rootLength * 1.25 + 600) {
      root = around;
    } else {
      return `${readableText(title)}\n${readableText(root)}`;
    }
  }
  return readableText(root);
}
