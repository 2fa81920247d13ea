/**
 * One bounded pass over a Document that collects what metadata extraction
 * reads: meta tags, canonical link, JSON-LD, headings, time elements, short
 * text lines (bylines, dates) and masthead links, each marked when it sits in
 * page chrome (comments, related lists, sidebars). Full-document selector
 * queries are avoided: on a 3.5 MB forum thread each one costs more than the
 * whole pass.
 */

export interface ScannedElement {
  element: Element;
  /** Position in document order among scanned elements. */
  index: number;
  /** Inside comments, replies, related lists, sidebars, navigation, footers, ads. */
  chrome: boolean;
}

export interface ScannedLine extends ScannedElement {
  /** Whitespace-collapsed text of an element that holds only inline content. */
  text: string;
}

export interface PageScan {
  /** Lower-cased `name` / `property` / `itemprop` / `http-equiv` → contents in document order. */
  metas: Map<string, string[]>;
  canonicalHref: string | null;
  jsonLd: string[];
  title: string | null;
  headings: ScannedElement[];
  times: ScannedElement[];
  /** Elements marked as author/byline by rel, itemprop or class. */
  authorElements: ScannedElement[];
  /** Elements carrying `itemprop=datePublished` / `dateModified` outside <meta>. */
  itemprops: Map<string, ScannedElement[]>;
  lines: ScannedLine[];
  /** Logo / brand / site-title elements. */
  mastheads: ScannedElement[];
  /** `data-author` of the first element carrying one (forum software marks each post's author so). */
  firstDataAuthor: string | null;
  /** Text of the first link classed `username` (vBulletin marks each post's poster so). */
  firstUsername: string | null;
  htmlLang: string | null;
  /** True when the page has more elements than the scan budget. */
  truncated: boolean;
}

/** Elements visited at most; the metadata of a page is in its first few thousand. */
export const MAX_SCANNED_ELEMENTS = 6000;
const MAX_LINES = 400;
const MAX_SAME_SIBLINGS = 20;
const MAX_LINE_CHARS = 300;
const MAX_META_VALUES = 5;

const SKIPPED = new Set(['STYLE', 'SVG', 'TEMPLATE', 'NOSCRIPT', 'IFRAME', 'CANVAS', 'SELECT', 'TEXTAREA']);
const CHROME_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER']);
// Class or id words of page chrome. Matching whole words of the attribute keeps
// "comment" from matching a class like "article-commentary-body" only partly.
const CHROME_WORDS =
  /(?:^|[\s_-])(?:comments?|comment-list|binh-?luan|replies|reply|respond|disqus|related|relate|lien-?quan|most-?read|doc-?nhieu|popular|trending|sidebar|widget-area|widget|(?<!(?:post|entry|article|story)-)footer|ad|ads|ad-slot|advert|advertisement|quang-?cao|sponsor|sponsored|newsletter|share|social|breadcrumbs?|cookie|cookie-consent|consent|popup|modal|recommend|recommended|ticker|menu|navbar|nav)(?:$|[\s_-])/i;
const AUTHOR_WORDS = /(?:^|[\s_-])(?:author|authors|byline|by-line|writer|tac-?gia|reporter|vcard|author-name|article-author|posted-by|story-byline)(?:$|[\s_-])/i;
const USERNAME_WORDS = /(?:^|\s)username(?:$|\s)/i;
const MASTHEAD_WORDS = /(?:^|[\s_-])(?:logo|brand|site-title|site-name|sitename|masthead|site-logo|navbar-brand)(?:$|[\s_-])/i;
const INLINE_TAGS = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'EM', 'FONT', 'I', 'IMG', 'KBD', 'LABEL', 'MARK', 'Q',
  'S', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'BR', 'WBR',
]);
const LINE_TAGS = new Set(['P', 'DIV', 'SPAN', 'LI', 'TIME', 'SMALL', 'ADDRESS', 'DD', 'TD', 'HEADER', 'SECTION', 'EM', 'I', 'B', 'STRONG', 'A', 'H4', 'H5', 'H6', 'FIGCAPTION']);

function attrText(element: Element, name: string): string {
  return element.getAttribute(name) ?? '';
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Only inline children (so its text is one line, not a subtree of paragraphs). */
function holdsOnlyInline(element: Element): boolean {
  const kids = element.children;
  if (kids.length > 24) return false;
  for (let k = 0; k < kids.length; k += 1) {
    if (!INLINE_TAGS.has(kids[k]!.tagName.toUpperCase())) return false;
  }
  return true;
}

// Layout words some templates give the column that holds the article itself: VnExpress's main column is
// "sidebar-1", Blogger's posts sit in a "widget Blog".
const LAYOUT_WORDS = /(?:^|[\s_-])(?:sidebar|widget)(?:$|[\s_-])/i;
const ARTICLE_INSIDE = 'h1, [itemprop~="articleBody"], .hentry, .post-body, .entry-content';

/** A container named like chrome by layout alone that holds the headline or the body (one subtree query, outermost only). */
function holdsTheArticle(element: Element, cls: string, id: string): boolean {
  if (!LAYOUT_WORDS.test(cls) && !LAYOUT_WORDS.test(id)) return false;
  if (CHROME_WORDS.test(cls.replace(LAYOUT_WORDS, ' ')) || CHROME_WORDS.test(id.replace(LAYOUT_WORDS, ' '))) return false;
  return element.querySelector(ARTICLE_INSIDE) !== null;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V, max = MAX_META_VALUES): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (list.length < max) list.push(value);
}

export function scanPage(doc: Document, maxElements = MAX_SCANNED_ELEMENTS): PageScan {
  const scan: PageScan = {
    metas: new Map(),
    canonicalHref: null,
    jsonLd: [],
    title: null,
    headings: [],
    times: [],
    authorElements: [],
    itemprops: new Map(),
    lines: [],
    mastheads: [],
    firstDataAuthor: null,
    firstUsername: null,
    htmlLang: doc.documentElement?.getAttribute('lang') ?? doc.documentElement?.getAttribute('xml:lang') ?? null,
    truncated: false,
  };
  const root = doc.documentElement;
  if (!root) return scan;

  let index = 0;
  // Explicit stack (no recursion: a hostile page can nest 100,000 levels deep).
  const stack: Array<{ element: Element; chrome: boolean; inLine: boolean }> = [{ element: root, chrome: false, inLine: false }];
  while (stack.length > 0) {
    if (index >= maxElements) {
      scan.truncated = true;
      break;
    }
    const { element, chrome: parentChrome, inLine } = stack.pop()!;
    const tag = element.tagName.toUpperCase();
    index += 1;
    if (SKIPPED.has(tag)) continue;
    const cls = attrText(element, 'class');
    const id = attrText(element, 'id');
    const role = attrText(element, 'role');
    const chrome =
      parentChrome ||
      CHROME_TAGS.has(tag) ||
      role === 'navigation' ||
      role === 'complementary' ||
      role === 'dialog' ||
      ((CHROME_WORDS.test(cls) || CHROME_WORDS.test(id)) && !holdsTheArticle(element, cls, id));
    const here: ScannedElement = { element, index, chrome };

    if (tag === 'META') {
      const content = element.getAttribute('content');
      if (content !== null) {
        for (const attr of ['name', 'property', 'itemprop', 'http-equiv']) {
          const key = element.getAttribute(attr)?.trim().toLowerCase();
          if (key) push(scan.metas, key, content);
        }
      }
      continue;
    }
    if (tag === 'LINK') {
      const rel = ` ${attrText(element, 'rel').toLowerCase()} `;
      if (scan.canonicalHref === null && rel.includes(' canonical ')) scan.canonicalHref = element.getAttribute('href');
      continue;
    }
    if (tag === 'SCRIPT') {
      if (/ld\+json/i.test(attrText(element, 'type'))) scan.jsonLd.push(element.textContent ?? '');
      continue;
    }
    if (tag === 'TITLE') {
      if (scan.title === null) scan.title = element.textContent ?? '';
      continue;
    }
    if (tag === 'H1' && scan.headings.length < 10) scan.headings.push(here);
    if (tag === 'TIME' && scan.times.length < 200) scan.times.push(here);

    if (scan.firstDataAuthor === null && !chrome && element.hasAttribute('data-author')) {
      scan.firstDataAuthor = element.getAttribute('data-author');
    }
    // vBulletin-style forums mark each post's poster with a "username" link instead.
    if (scan.firstUsername === null && !chrome && tag === 'A' && USERNAME_WORDS.test(cls)) {
      scan.firstUsername = collapse(element.textContent ?? '');
    }
    const itemprop = attrText(element, 'itemprop');
    if (itemprop) {
      for (const prop of itemprop.toLowerCase().split(/\s+/)) {
        if (prop === 'datepublished' || prop === 'datemodified' || prop === 'author' || prop === 'headline') {
          push(scan.itemprops, prop, here, 20);
        }
      }
    }
    const rel = attrText(element, 'rel').toLowerCase();
    if (
      scan.authorElements.length < 50 &&
      (/(?:^|\s)author(?:\s|$)/.test(rel) || /(?:^|\s)author(?:\s|$)/i.test(itemprop) || AUTHOR_WORDS.test(cls))
    ) {
      scan.authorElements.push(here);
    }
    if (scan.mastheads.length < 20 && (MASTHEAD_WORDS.test(cls) || MASTHEAD_WORDS.test(id))) scan.mastheads.push(here);

    // Lines: the outermost inline-only element of a run (its parts add nothing), outside chrome
    // (bylines and datelines in comments and menus are other people's and other days').
    let isLine = false;
    if (!inLine && !chrome && scan.lines.length < MAX_LINES && LINE_TAGS.has(tag) && holdsOnlyInline(element)) {
      const raw = element.textContent ?? '';
      if (raw.length <= MAX_LINE_CHARS * 4) {
        const text = collapse(raw);
        if (text && text.length <= MAX_LINE_CHARS) {
          scan.lines.push({ ...here, text });
          isLine = true;
        }
      }
    }

    // Children in reverse onto the stack, so the walk goes in document order. Past
    // MAX_SAME_SIBLINGS look-alike boxes (tag + class: replies, comments, cards) the rest
    // of a run is skipped, so a JSON-LD block after 4,000 replies is still reached.
    const children: Element[] = [];
    const seen = new Map<string, number>();
    // Indexed access: in happy-dom, nextElementSibling searches the parent's list on every call.
    const kids = element.children;
    for (let k = 0; k < kids.length; k += 1) {
      const child = kids[k]!;
      const childTag = child.tagName.toUpperCase();
      if (childTag !== 'P' && childTag !== 'META' && childTag !== 'SCRIPT' && childTag !== 'LINK') {
        const signature = `${childTag}.${child.getAttribute('class') ?? ''}`;
        const n = (seen.get(signature) ?? 0) + 1;
        seen.set(signature, n);
        if (n > MAX_SAME_SIBLINGS) {
          scan.truncated = true;
          continue;
        }
      }
      children.push(child);
    }
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push({ element: children[i]!, chrome, inLine: inLine || isLine });
  }
  return scan;
}
