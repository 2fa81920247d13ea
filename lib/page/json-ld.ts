/**
 * Reads the article node out of a page's JSON-LD blocks: tolerant of the
 * invalid JSON publishers ship (raw newlines in strings, trailing commas,
 * HTML comments), of `@graph` and arrays, and of any value type where a
 * string was expected, since all of it is untrusted page data.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

// Types whose headline/author/datePublished describe the article itself.
const ARTICLE_TYPES = new Set(
  [
    'Article', 'NewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle',
    'BackgroundNewsArticle', 'ReviewNewsArticle', 'AskPublicNewsArticle', 'BlogPosting', 'LiveBlogPosting',
    'SocialMediaPosting', 'DiscussionForumPosting', 'Report', 'ScholarlyArticle', 'TechArticle', 'SatiricalArticle',
  ].map((t) => t.toLowerCase()),
);

// Fallback main works (video and social share pages): their name/author/uploadDate describe the page.
const MAIN_WORK_TYPES = new Set(['videoobject', 'audioobject', 'mediaobject', 'podcastepisode', 'clip', 'episode']);

// One JSON-LD block larger than this is not metadata; parsing it would only cost time.
const MAX_BLOCK_CHARS = 500_000;
const MAX_NODES = 200;

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON.parse, then once more after repairing the usual publisher mistakes; null when both fail. */
export function parseLenientJson(source: string): JsonValue | null {
  if (source.length > MAX_BLOCK_CHARS) return null;
  const trimmed = source
    .trim()
    .replace(/^<!--|-->$/g, '')
    .replace(/^\s*\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>\s*$/g, '')
    .trim();
  try {
    return JSON.parse(trimmed) as JsonValue;
  } catch {
    // Control characters (raw newlines inside strings) become spaces: outside strings
    // they were whitespace anyway. Trailing commas before } or ] are dropped.
    const repaired = trimmed.replace(/[\u0000-\u001F]+/g, ' ').replace(/,\s*([}\]])/g, '$1');
    try {
      return JSON.parse(repaired) as JsonValue;
    } catch {
      return null;
    }
  }
}

function typesOf(node: JsonObject): string[] {
  const type = node['@type'];
  const list = Array.isArray(type) ? type : [type];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/#]/, '').toLowerCase());
}

/** Every object in the blocks, flattening arrays and `@graph`, breadth-first, capped. */
function collectNodes(values: JsonValue[]): JsonObject[] {
  const out: JsonObject[] = [];
  const queue: JsonValue[] = [...values];
  while (queue.length > 0 && out.length < MAX_NODES) {
    const value = queue.shift();
    if (Array.isArray(value)) queue.push(...value);
    else if (isObject(value)) {
      out.push(value);
      const graph = value['@graph'];
      if (graph !== undefined) queue.push(graph);
      // A WebPage's mainEntity is often the article.
      const main = value['mainEntity'];
      if (isObject(main) || Array.isArray(main)) queue.push(main);
    }
  }
  return out;
}

/**
 * The first node typed as an article, from the JSON-LD script texts of a page; with `mainWorkFallback` (a
 * video's own page), else its first video, audio or media node.
 */
export function findArticleNode(blocks: string[], mainWorkFallback = false): JsonObject | null {
  const parsed = blocks.map(parseLenientJson).filter((v): v is JsonValue => v !== null);
  const nodes = collectNodes(parsed);
  return (
    nodes.find((node) => typesOf(node).some((t) => ARTICLE_TYPES.has(t))) ??
    (mainWorkFallback ? nodes.find((node) => typesOf(node).some((t) => MAIN_WORK_TYPES.has(t))) : undefined) ??
    null
  );
}

/** All nodes, for the publisher/organisation lookups that do not need an article. */
export function allNodes(blocks: string[]): JsonObject[] {
  return collectNodes(blocks.map(parseLenientJson).filter((v): v is JsonValue => v !== null));
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’',
  ldquo: '“', rdquo: '”', hellip: '…', laquo: '«', raquo: '»',
};
// Latin-1 letters by their entity names (&agrave; &ecirc; … as older Vietnamese CMSs write them): À–ß, then à–ÿ.
const LATIN1_NAMES = 'Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig'.split(' ');
const LOWER_NAMES = LATIN1_NAMES.map((name, n) => (n === 23 ? 'divide' : n === 31 ? 'yuml' : name === 'AElig' ? 'aelig' : name.toLowerCase()));
LATIN1_NAMES.forEach((name, n) => (NAMED_ENTITIES[name] = String.fromCharCode(0xc0 + n)));
LOWER_NAMES.forEach((name, n) => (NAMED_ENTITIES[name] = String.fromCharCode(0xe0 + n)));

// What HTML makes of numeric references to 0x80–0x9F: the Windows-1252 characters ("&#150;" is "–").
const WINDOWS_1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** A numeric character reference as HTML reads it: invalid ones become U+FFFD. */
function fromCodePoint(code: number): string {
  if (code >= 0x80 && code <= 0x9f) return WINDOWS_1252[code - 0x80] ?? '\ufffd';
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}

/** HTML character references that CMSs leave inside JSON-LD strings ("&#8220;", "&amp;", "&quot;", "&ecirc;"). */
export function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(?:#(\d{1,8})|#[xX]([\da-fA-F]{1,7})|([a-zA-Z]{2,8}));/g, (whole, dec, hex, name) => {
    if (dec || hex) return fromCodePoint(dec ? Number(dec) : parseInt(hex, 16));
    return NAMED_ENTITIES[name] ?? NAMED_ENTITIES[String(name).toLowerCase()] ?? whole;
  });
}

/** A string value, or the first string in an array, or null. */
export function stringValue(value: JsonValue | undefined): string | null {
  if (typeof value === 'string') return decodeEntities(value);
  if (Array.isArray(value)) {
    for (const item of value) {
      if (typeof item === 'string') return decodeEntities(item);
    }
  }
  return null;
}

/** `name` of an object, or the string itself ("author": "Jane Doe"). */
function nameOf(value: JsonValue | undefined): string | null {
  if (typeof value === 'string') return decodeEntities(value);
  if (isObject(value)) return stringValue(value['name']);
  return null;
}

/**
 * Person names from `author` (object, array, string); organisations are left
 * out because an outlet credited as author is not a byline.
 */
export function authorNames(node: JsonObject, nodes: JsonObject[] = []): string[] {
  const raw = node['author'] ?? node['creator'];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const names: string[] = [];
  for (const ref of list.slice(0, 10)) {
    // `"author": {"@id": "#/schema/person/x"}` points at a Person elsewhere in the @graph (Yoast).
    const id = isObject(ref) && !nameOf(ref) && typeof ref['@id'] === 'string' ? ref['@id'] : null;
    const item = (id !== null ? nodes.find((n) => n !== ref && n['@id'] === id) : undefined) ?? ref;
    if (isObject(item) && typesOf(item).some((t) => t === 'organization' || t === 'newsmediaorganization')) continue;
    const name = nameOf(item);
    if (name) names.push(name);
  }
  return names;
}

export function publisherName(node: JsonObject | null, nodes: JsonObject[]): string | null {
  const publisher = node?.['publisher'];
  const fromArticle = nameOf(publisher);
  if (fromArticle) return fromArticle;
  // `"publisher": {"@id": "#org"}` points at an organisation elsewhere in the @graph.
  const ref = isObject(publisher) ? publisher['@id'] : undefined;
  if (typeof ref === 'string') {
    const target = nodes.find((n) => n['@id'] === ref && nameOf(n));
    if (target) return nameOf(target);
  }
  const org = nodes.find((n) => typesOf(n).some((t) => t === 'newsmediaorganization' || t === 'organization'));
  return org ? nameOf(org) : null;
}
