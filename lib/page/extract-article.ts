/**
 * What an article says about itself (headline, outlet, author, publication
 * time, canonical address, language, text), read from a Document passed in,
 * so it runs in the page and in Node tests alike. Every value is untrusted
 * page text: cleaned, capped, never meant to be rendered as HTML.
 */
import { cleanSingleLine, capLength } from '@/lib/text/clean-text';
import {
  CHINA_OFFSET_MINUTES,
  VIETNAM_OFFSET_MINUTES,
  parseWallTime,
  parseZone,
  resolveWallTime,
  type ResolvedDate,
  type WallTime,
} from './article-dates';
import { decideLanguage } from './detect-language';
import { allNodes, authorNames, findArticleNode, publisherName, stringValue, type JsonObject } from './json-ld';
import { countWords, extractReadableText } from './readable-text';
import { scanPage, type PageScan, type ScannedElement, type ScannedLine } from './page-scan';
import { resolveHttpUrl } from './page-metadata';

export interface ArticleMetadata {
  title: string | null;
  siteName: string | null;
  author: string | null;
  /** ISO 8601 with offset. */
  publishedAt: string | null;
  /** True when the page gave no zone and one was assumed (+07:00, a zone stated elsewhere on the page, or +08:00 for Chinese text). */
  publishedAtZoneAssumed: boolean;
  modifiedAt: string | null;
  canonicalUrl: string;
  /** ISO 639-1, decided by the text when the declared language disagrees with it. */
  lang: string | null;
  description: string | null;
  text: string;
  excerpt: string;
  wordCount: number;
}

export const MAX_TITLE = 1000;
export const MAX_NAME = 200;
export const MAX_DESCRIPTION = 2000;
export const MAX_URL = 2048;

// C0/C1 controls. Titles keep zero-width, bidi and emoji characters verbatim
// (the headline "as the page presents it"); the UI isolates them when showing.
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// Whitespace to collapse in titles: JS `\s` minus U+FEFF, which is a format character, not a space.
const TITLE_SPACE = /[\t\n\v\f\r \u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;

/** Title cleaning: controls out, whitespace runs to one space, invisible characters kept, capped. */
export function cleanTitle(value: unknown): string {
  if (typeof value !== 'string') return '';
  return capLength(value.replace(CONTROLS, '').replace(TITLE_SPACE, ' ').trim(), MAX_TITLE);
}

/** Comparison key: no case, diacritics, punctuation or spacing ("Sea & Shore News" ≈ "sea and shore news"). */
export function looseKey(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

// ---------------------------------------------------------------- canonical URL

// Parameters that never change which article a URL names (the usual tracking list, Zalo's
// zarsrc included). A fuller canonicaliser belongs to lib/dedup.
const TRACKING_PARAM = /^(?:utm_[a-z0-9_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|zarsrc|igshid|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|mkt_tok|ref_src|oly_enc_id|oly_anon_id|vero_id|twclid|ttclid|li_fat_id)$/i;

/** The page URL without tracking parameters and fragment. */
export function stripTrackingParams(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    for (const key of [...parsed.searchParams.keys()]) {
      if (TRACKING_PARAM.test(key)) parsed.searchParams.delete(key);
    }
    if ([...parsed.searchParams.keys()].length === 0) parsed.search = '';
    return parsed.href;
  } catch {
    return url;
  }
}

function firstMeta(scan: PageScan, keys: string[]): string | null {
  for (const key of keys) {
    for (const value of scan.metas.get(key) ?? []) {
      if (value.trim()) return value;
    }
  }
  return null;
}

function canonicalOf(scan: PageScan, pageUrl: string): string {
  const declared =
    resolveHttpUrl(scan.canonicalHref?.trim() ?? '', pageUrl) ||
    resolveHttpUrl(firstMeta(scan, ['og:url'])?.trim() ?? '', pageUrl);
  return capLength(declared || stripTrackingParams(pageUrl), MAX_URL);
}

// ---------------------------------------------------------------- title and site name

// " | ", " - ", " – ", " — ", " :: ", " · ", " » ", and unspaced "_" / "｜" as Chinese outlets write them.
const TITLE_SEPARATOR = /\s+(?:[|\-–—·•»~/]|::)\s+|\s*[_｜]\s*/g;

interface TitleSplit {
  before: string;
  after: string;
}

/** Every way of cutting the title at one separator. */
function splitsOf(title: string): TitleSplit[] {
  const splits: TitleSplit[] = [];
  for (const match of title.matchAll(TITLE_SEPARATOR)) {
    const at = match.index ?? 0;
    splits.push({ before: title.slice(0, at).trim(), after: title.slice(at + match[0].length).trim() });
  }
  return splits;
}

/** The title without a leading or trailing outlet name, when that name is one of `siteNames`. */
export function stripSiteName(title: string, siteNames: string[]): string {
  const keys = new Set(siteNames.map(looseKey).filter((k) => k.length > 0));
  if (keys.size === 0) return title;
  const splits = splitsOf(title);
  const last = splits[splits.length - 1];
  if (last && last.before && keys.has(looseKey(last.after))) return last.before;
  const first = splits[0];
  if (first && first.after && keys.has(looseKey(first.before))) return first.after;
  return title;
}

/** When the title is the headline plus one more segment, that segment (the outlet, as `<title>` suffixes go). */
function segmentBesideHeadline(title: string, headline: string): string | null {
  const key = looseKey(headline);
  if (!key) return null;
  for (const split of splitsOf(title)) {
    if (looseKey(split.before) === key && split.after) return split.after;
    if (looseKey(split.after) === key && split.before) return split.before;
  }
  return null;
}

function textOf(element: Element): string {
  return cleanTitle(element.textContent ?? '');
}

/**
 * The page's own headline element: among the <h1>s outside chrome that are not a logo or the site's name,
 * the first one that `titles` (og:title, <title>) carry, else the first.
 */
function headlineElement(scan: PageScan, titles: string[]): ScannedElement | null {
  const candidates = scan.headings.filter((h) => !h.chrome && textOf(h.element).length > 0);
  const notMasthead = candidates.filter(
    (h) =>
      !/logo|brand|site-title/i.test(h.element.getAttribute('class') ?? '') &&
      !scan.mastheads.some((m) => m.element === h.element || h.element.contains(m.element)),
  );
  const titleKeys = titles.map(looseKey).filter((k) => k.length > 0);
  const carried = notMasthead.find((h) => {
    const key = looseKey(textOf(h.element));
    return key.length > 0 && titleKeys.some((t) => t.includes(key));
  });
  return carried ?? notMasthead[0] ?? candidates[0] ?? null;
}

function hostnameOf(url: string): string | null {
  try {
    const host = new URL(url).hostname.replace(/^www\./, '');
    // An IP address or localhost names no outlet (a test server, a print view saved locally).
    if (!host || host === 'localhost' || /^[\d.]+$/.test(host) || host.includes(':')) return null;
    return host;
  } catch {
    return null;
  }
}

/** Whether `element` is, holds or sits in a link to a site's home page ("/", "/index.html", "https://x.example/"). */
function linksToSiteRoot(element: Element): boolean {
  const link = element.closest('a[href]') ?? element.querySelector('a[href]');
  if (!link) return false;
  try {
    return new URL(link.getAttribute('href') ?? '', 'http://x.invalid/').pathname.replace(/\/(?:index\.\w+)?$/, '') === '';
  } catch {
    return false;
  }
}

/** A logo/brand element that is or holds an image, or links to the site's home page ("原创" badges named "copyright_logo" do neither). */
function isMasthead(element: Element): boolean {
  return element.tagName.toUpperCase() === 'IMG' || element.querySelector('img') !== null || linksToSiteRoot(element);
}

function mastheadName(scan: PageScan): string | null {
  for (const { element } of scan.mastheads) {
    if (!isMasthead(element)) continue;
    const text = cleanSingleLine(element.textContent ?? '', MAX_NAME);
    if (text.length >= 2 && text.length <= 80) return text;
    const img = element.tagName.toUpperCase() === 'IMG' ? element : element.querySelector('img');
    const alt = cleanSingleLine(img?.getAttribute('alt') ?? '', MAX_NAME);
    if (alt.length >= 2 && alt.length <= 80) return alt;
  }
  return null;
}

// ---------------------------------------------------------------- author

const URLISH = /^(?:https?:)?\/\/|^www\.|^[\w-]+(?:\.[\w-]+)+\/\S*/i;
// Words naming an outlet or a wire service, not a person ("Theo Báo Đảo Xanh", "By Reuters").
const OUTLET_WORDS =
  /(?:^|[\s.])(?:báo|tạp chí|đài|truyền hình|cổng|thông tấn|ttxvn|tin tức|tổng hợp|news|newspaper|post|times|tribune|herald|daily|weekly|gazette|journal|press|media|wire|digest|report|agency|online|magazine|channel|tv|radio|network|reuters|afp|ap|associated press|bloomberg|xinhua|新华社|日报|晚报|时报|网|报)(?:$|[\s.])/iu;
const AGENCIES = /^(?:reuters|afp|ap|associated press|bloomberg|xinhua|ttxvn|vna|新华社|中新社)$/i;
// Common Vietnamese family names: "Theo X" names a person only when X starts with one.
const VIETNAMESE_SURNAMES = new Set(
  (
    'nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý lâm tô trương đinh đoàn trịnh mai cao ' +
    'lương tạ thái lưu châu quách kiều tăng thân la khúc mạc vương diệp từ triệu đào thạch đàm chu phùng tôn kim ' +
    'lại nghiêm hứa tống âu doãn hà văn giang quan ninh ông bạch lục mã thân khổng'
  ).split(' '),
);

// Byline prefixes before a person's name; the captured rest is cut at the first separator.
const BYLINE_PATTERNS: RegExp[] = [
  /^(?:by|written by|posted by|story by|words by|text by|reported by)\s+(.+)$/iu,
  // WordPress's Vietnamese "By". Only before a capital: "Bởi vậy, …", "Bởi lẽ …" open sentences.
  /^(?:[Bb]ởi|BỞI)\s+(\p{Lu}.*)$/u,
  /(?:^|[\s|·•(])(?:bài(?: và ảnh)?|ảnh và bài|tác giả|người viết|phóng viên|thực hiện|nhóm phóng viên)\s*[:：]\s*(.+)$/iu,
  /(?:^|\s)(?:đăng bởi|viết bởi|người đăng|bắt đầu bởi|thread starter|started by)\s*:?\s+(.+)$/iu,
  /(?:作者|撰文|文)\s*[：:／/]\s*(.+)$/u,
];
const THEO = /^theo\s+(.+)$/iu;
// Where a byline's name ends: a separator, a date, a time, "lúc"/"at"/"on", an opening bracket.
const NAME_END =
  /\s*(?:[|·•,，;；(（]|\s[-–—]\s|\s(?:lúc|at|on|ngày|đăng|cập nhật|updated|published|và|and)\s|\d{1,2}[:/.h]\d|\d{4}|来源|来源：|　).*$/iu;

function cutName(raw: string): string {
  return cleanSingleLine(raw.replace(NAME_END, ''), MAX_NAME)
    .replace(/^[\s:：\-–—]+|[\s:：\-–—.]+$/g, '')
    .trim();
}

/** A name as a byline gives it: short, no digits unless it is a handle, not a URL or an outlet. */
// A dateline's weekday ("Thứ Hai, 20/1/2025") cut before its comma looks like a two-word name.
const WEEKDAY = /^(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ\s*nhật|cn|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?$|^(?:星期|周|週)./iu;

function plausiblePersonName(name: string, siteNames: string[]): boolean {
  if (name.length < 2 || name.length > 80) return false;
  if (WEEKDAY.test(name)) return false;
  if (URLISH.test(name)) return false;
  const words = name.split(/\s+/);
  if (words.length > 6) return false;
  const handle = words.length === 1 && /^@?[\p{L}\p{N}_.]+$/u.test(name);
  if (!handle && /\d/.test(name)) return false;
  if (!/\p{L}/u.test(name)) return false;
  // "bài viết phiến diện quá" (a comment addressing the author) is a sentence, not a name.
  if (!handle && words.length > 1 && /[\p{Ll}\p{Lu}]/u.test(name) && !(/^\p{Lu}/u.test(words[0]!) && /^\p{Lu}/u.test(words[words.length - 1]!))) return false;
  if (AGENCIES.test(name) || OUTLET_WORDS.test(name)) return false;
  const key = looseKey(name);
  return !siteNames.some((site) => looseKey(site) === key);
}

/** "Theo Nguyễn Văn A" credits a person; "Theo Báo Đảo Xanh" credits an outlet. */
function looksLikeVietnamesePersonName(name: string): boolean {
  const words = name.split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  if (!words.every((w) => /^\p{Lu}/u.test(w))) return false;
  return VIETNAMESE_SURNAMES.has(words[0]!.toLowerCase());
}

/** A person's name from one byline line, or null. */
export function authorFromBylineText(line: string, siteNames: string[] = []): string | null {
  const text = cleanSingleLine(line, 400);
  for (const pattern of BYLINE_PATTERNS) {
    const match = pattern.exec(text);
    if (match?.[1]) {
      const name = cutName(match[1]);
      if (plausiblePersonName(name, siteNames)) return name;
    }
  }
  const theo = THEO.exec(text);
  if (theo?.[1]) {
    const name = cutName(theo[1]);
    if (looksLikeVietnamesePersonName(name) && plausiblePersonName(name, siteNames)) return name;
  }
  return null;
}

function metaAuthor(scan: PageScan, siteNames: string[]): string | null {
  for (const key of ['author', 'article:author', 'citation_author', 'dc.creator', 'dcterms.creator', 'parsely-author', 'sailthru.author', 'byl']) {
    for (const value of scan.metas.get(key) ?? []) {
      // article:author is often the author's profile URL; a URL is not a name.
      const name = cleanSingleLine(value.replace(/^by\s+/i, ''), MAX_NAME);
      if (!name || URLISH.test(name)) continue;
      const key2 = looseKey(name);
      // Many CMSs put the outlet in meta author ("Báo X", "Tổng Hợp Tin Hay"): not a byline.
      if (siteNames.some((site) => looseKey(site) === key2) || AGENCIES.test(name) || OUTLET_WORDS.test(name)) continue;
      return name;
    }
  }
  return null;
}

/** Byline elements (rel=author, itemprop=author, .author, .byline), innermost first, outside chrome. */
function elementAuthor(scan: PageScan, siteNames: string[]): string | null {
  const candidates = scan.authorElements.filter((c) => !c.chrome);
  // An element that contains another candidate is the wrapper ("By <a rel=author>X</a> | date"):
  // the inner one carries the bare name.
  const innermost = candidates.filter(
    (c) => !candidates.some((other) => other !== c && c.element.contains(other.element)),
  );
  for (const { element } of [...innermost, ...candidates]) {
    const nested = element.querySelector('[itemprop~="name"]');
    // Microdata puts the value in `content` on <meta> and (YouTube) <link>: their text is empty.
    const raw = (nested?.getAttribute('content') ?? nested?.textContent ?? '').trim() || element.textContent || '';
    if (raw.length > 400) continue;
    const fromPattern = authorFromBylineText(raw, siteNames);
    if (fromPattern) return fromPattern;
    const name = cutName(raw);
    if (plausiblePersonName(name, siteNames)) return name;
  }
  return null;
}

function lineAuthor(lines: ScannedLine[], siteNames: string[]): string | null {
  for (const line of lines) {
    if (line.chrome) continue;
    const name = authorFromBylineText(line.text, siteNames);
    if (name) return name;
  }
  return null;
}

/** "<p><strong>Nguyễn Văn A</strong></p>" closing the body (no "Tác giả:" label), as Vietnamese outlets sign. */
function signOffAuthor(lines: ScannedLine[], siteNames: string[]): string | null {
  // From the end: a bold line ending its container, not a bold subheading ("<p><strong>Hà Giang</strong></p><ul>…").
  for (const line of [...lines].reverse()) {
    if (line.chrome || line.element.tagName.toUpperCase() !== 'P' || line.element.nextElementSibling) continue;
    const kids = line.element.children;
    if (kids.length !== 1 || !/^(?:STRONG|B)$/i.test(kids[0]!.tagName)) continue;
    const name = cutName(line.text);
    // Set right, as VnExpress signs, it is a signature even when the name is a pen name with no surname.
    const signedRight = /text-align\s*:\s*right/i.test(line.element.getAttribute('style') ?? '') || line.element.getAttribute('align') === 'right';
    const words = name.split(/\s+/).length;
    if ((looksLikeVietnamesePersonName(name) || (signedRight && words >= 2 && words <= 4)) && plausiblePersonName(name, siteNames)) return name;
  }
  return null;
}

/** A forum thread's opener: the author of its first post (XenForo's `data-author`, vBulletin's `a.username`). */
function forumOpener(scan: PageScan): string | null {
  for (const raw of [scan.firstDataAuthor, scan.firstUsername]) {
    const name = cleanSingleLine(raw ?? '', MAX_NAME);
    if (name && name.length <= 80 && !URLISH.test(name)) return name;
  }
  return null;
}

// ---------------------------------------------------------------- dates

const PUBLISHED_META_KEYS = [
  'article:published_time', 'og:published_time', 'og:article:published_time', 'datepublished', 'pubdate', 'publishdate',
  'publish-date', 'publish_date', 'article.published', 'article_date_original', 'dc.date.issued', 'dcterms.issued',
  'dc.date', 'dcterms.created', 'dc.date.created', 'sailthru.date', 'parsely-pub-date', 'cxenseparse:recs:publishtime',
  'citation_publication_date', 'citation_date', 'date', 'published_time', 'release_date',
];
const MODIFIED_META_KEYS = ['article:modified_time', 'og:updated_time', 'datemodified', 'dcterms.modified', 'last-modified', 'lastmod'];
// Lines about an update, not the publication ("Cập nhật lúc …", "Updated …", "更新时间").
const MODIFIED_LINE = /cập nhật|sửa lúc|updated|modified|last edit|更新|修改/iu;

interface DateFound {
  time: WallTime;
}

function dateFrom(value: string | null | undefined): DateFound | null {
  if (!value) return null;
  const time = parseWallTime(value);
  return time ? { time } : null;
}

function timeElementDate(candidate: ScannedElement): DateFound | null {
  const { element } = candidate;
  if (MODIFIED_LINE.test(`${element.getAttribute('class') ?? ''} ${element.getAttribute('itemprop') ?? ''}`)) return null;
  const attr = element.getAttribute('datetime') ?? '';
  const fromAttr = dateFrom(attr);
  const fromText = dateFrom(element.textContent?.slice(0, 300));
  if (fromAttr && fromText && !/\d:\d/.test(attr) && /\d{1,2}\s*(?::|h|giờ)\s*\d{2}/.test(element.textContent ?? '')) {
    const a = fromAttr.time;
    const t = fromText.time;
    if (a.year === t.year && a.month === t.month && a.day === t.day) return fromText;
  }
  return fromAttr ?? fromText;
}

/** The first date in a non-chrome line, preferring the lines after the headline (the masthead shows today's date). */
function lineDate(lines: ScannedLine[], headlineIndex: number): DateFound | null {
  const dated: Array<{ line: ScannedLine; found: DateFound }> = [];
  for (const line of lines) {
    if (line.chrome) continue;
    // "Đăng lúc: 21/11/2026 - 06:40 | Cập nhật: 21/11/2026 - 07:05": the publication is before the update.
    const at = line.text.search(MODIFIED_LINE);
    const text = at < 0 ? line.text : line.text.slice(0, at);
    const found = dateFrom(text);
    if (found) dated.push({ line: at < 0 ? line : { ...line, text }, found });
  }
  // A dateline is short and gives a time of day; a body sentence that mentions
  // "ngày 3/11/2024" is neither. After the headline beats before it (the masthead's today).
  const isDateline = (d: { line: ScannedLine }) => d.line.text.length <= 120 && /\d{1,2}\s*(?::|h|giờ|时)\s*\d{2}/.test(d.line.text);
  const after = (d: { line: ScannedLine }) => d.line.index > headlineIndex;
  const best =
    dated.find((d) => after(d) && isDateline(d)) ??
    dated.find((d) => isDateline(d)) ??
    dated.find((d) => after(d) && d.line.text.length <= 120) ??
    dated[0];
  return best?.found ?? null;
}

/** A zone the page states somewhere ("(GMT+7)" in a dateline), for dates written without one. */
function pageZone(scan: PageScan): number | null {
  for (const line of scan.lines) {
    if (line.chrome || !/GMT|UTC|北京时间/.test(line.text)) continue;
    if (!parseWallTime(line.text) && !/\d{1,2}:\d{2}/.test(line.text)) continue;
    const zone = parseZone(line.text);
    if (zone !== null) return zone;
  }
  return null;
}

// ---------------------------------------------------------------- the extractor

function firstNonEmpty(values: Array<string | null | undefined>, clean: (v: string) => string): string | null {
  for (const value of values) {
    const cleaned = value ? clean(value) : '';
    if (cleaned) return cleaned;
  }
  return null;
}

function articleStrings(node: JsonObject | null, key: string): string | null {
  return node ? stringValue(node[key]) : null;
}

export function extractArticle(doc: Document, pageUrl: string): ArticleMetadata {
  const scan = scanPage(doc);
  // A video's or a clip's own page describes itself as the main work; an article that embeds one does not.
  const article = findArticleNode(scan.jsonLd, /^video\b/i.test(firstMeta(scan, ['og:type']) ?? ''));
  const nodes = allNodes(scan.jsonLd);
  const heading = headlineElement(scan, [firstMeta(scan, ['og:title']) ?? '', scan.title ?? '']);
  const headline = heading ? textOf(heading.element) : '';
  const canonicalUrl = canonicalOf(scan, pageUrl);

  // Site name: machine-readable first, then what the page shows.
  const declaredSite = firstNonEmpty(
    [
      firstMeta(scan, ['og:site_name']),
      publisherName(article, nodes),
      firstMeta(scan, ['application-name', 'apple-mobile-web-app-title', 'al:android:app_name', 'twitter:site:name']),
    ],
    (v) => cleanSingleLine(v, MAX_NAME),
  );
  const rawTitles = [firstMeta(scan, ['og:title']), scan.title].map((t) => (t ? cleanTitle(t) : ''));
  const titleSegment = headline
    ? firstNonEmpty(rawTitles.map((t) => (t ? segmentBesideHeadline(t, headline) : null)), (v) => cleanSingleLine(v, MAX_NAME))
    : null;
  const masthead = mastheadName(scan);
  const host = hostnameOf(canonicalUrl) ?? hostnameOf(pageUrl);
  const siteName = declaredSite ?? titleSegment ?? masthead ?? host;
  const siteNames = [declaredSite, titleSegment, masthead, host, hostnameOf(pageUrl)].filter((s): s is string => !!s);

  // Title: the first source that has one, without the outlet's name around it.
  const declaredTitle = firstNonEmpty(
    [
      articleStrings(article, 'headline'),
      articleStrings(article, 'name'),
      firstMeta(scan, ['og:title']),
      firstMeta(scan, ['twitter:title']),
      firstMeta(scan, ['dc.title', 'dcterms.title']),
    ],
    cleanTitle,
  );
  const titleSource = declaredTitle ?? firstNonEmpty([scan.title, headline], cleanTitle);
  let title = titleSource ? stripSiteName(titleSource, siteNames) : null;
  // A JSON-LD headline cut at 110 characters ("…", "...") while og:title / <h1> carry it whole.
  const stem = title ? title.replace(/\s*(?:\.{3}|…)$/, '') : '';
  if (title && stem !== title) {
    const whole = [firstMeta(scan, ['og:title']), firstMeta(scan, ['twitter:title']), headline]
      .map((t) => (t ? stripSiteName(cleanTitle(t), siteNames) : ''))
      .find((t) => t.length > stem.length && looseKey(t).startsWith(looseKey(stem)));
    if (whole) title = whole;
  }
  // Nothing but the document <title> names the page, it does not carry the <h1>, and the <h1> says more
  // ("In bài viết | Báo X" over the article's headline): the <h1> is the headline. Neither a short <h1> (a
  // section's name above the article) nor a banner linked to the home page replaces it.
  if (
    !declaredTitle &&
    title &&
    heading &&
    !linksToSiteRoot(heading.element) &&
    !looseKey(title).includes(looseKey(headline)) &&
    countWords(headline) > countWords(title)
  ) {
    title = headline;
  }
  if (title && headline && title !== headline) {
    const beside = segmentBesideHeadline(title, headline);
    if (beside !== null) title = headline;
  }

  // Author: structured data, then metas, then byline elements and lines, a sign-off, then a forum's opener.
  const author =
    firstNonEmpty(
      // An outlet credited as a Person (a Yoast graph's author node named like the site) is not a byline.
      (article ? authorNames(article, nodes) : []).filter(
        (name) => !AGENCIES.test(name.trim()) && !OUTLET_WORDS.test(name) && !siteNames.some((site) => looseKey(site) === looseKey(name)),
      ),
      (v) => cleanSingleLine(v, MAX_NAME),
    ) ??
    metaAuthor(scan, siteNames) ??
    elementAuthor(scan, siteNames) ??
    lineAuthor(scan.lines, siteNames) ??
    signOffAuthor(scan.lines, siteNames) ??
    forumOpener(scan);

  // Text and language: the language decides the home zone of zone-less dates.
  const readable = extractReadableText(doc);
  const declaredLang =
    scan.htmlLang || firstMeta(scan, ['content-language']) || firstMeta(scan, ['og:locale']) || articleStrings(article, 'inLanguage');
  const langSample = [title ?? '', firstMeta(scan, ['description', 'og:description']) ?? '', readable.text.slice(0, 6000)].join('\n');
  const lang = decideLanguage(langSample, declaredLang);

  // Published time: never the modified time.
  const headlineIndex = heading?.index ?? -1;
  const itempropPublished = (scan.itemprops.get('datepublished') ?? []).find((c) => !c.chrome);
  const timeCandidates = scan.times.filter((t) => !t.chrome);
  const orderedTimes = [...timeCandidates.filter((t) => t.index > headlineIndex), ...timeCandidates.filter((t) => t.index <= headlineIndex)];
  const published =
    dateFrom(articleStrings(article, 'datePublished')) ??
    dateFrom(articleStrings(article, 'uploadDate')) ??
    dateFrom(articleStrings(article, 'dateCreated')) ??
    dateFrom(firstMeta(scan, PUBLISHED_META_KEYS)) ??
    (itempropPublished
      ? dateFrom(
          itempropPublished.element.getAttribute('datetime') ??
            itempropPublished.element.getAttribute('content') ??
            // Blogger: <abbr itemprop="datePublished" title="2026-11-18T21:30:00+07:00">21:30</abbr>
            itempropPublished.element.getAttribute('title') ??
            itempropPublished.element.textContent,
        )
      : null) ??
    orderedTimes.reduce<DateFound | null>((found, t) => found ?? timeElementDate(t), null) ??
    lineDate(scan.lines, headlineIndex);
  const modified = dateFrom(articleStrings(article, 'dateModified')) ?? dateFrom(firstMeta(scan, MODIFIED_META_KEYS));
  const homeZone = lang === 'zh' ? CHINA_OFFSET_MINUTES : VIETNAM_OFFSET_MINUTES;
  const needsZone = published?.time.offsetMinutes === null || modified?.time.offsetMinutes === null;
  const fallbackZone = needsZone ? (pageZone(scan) ?? homeZone) : homeZone;
  const publishedResolved: ResolvedDate | null = published ? resolveWallTime(published.time, fallbackZone) : null;

  const description = firstNonEmpty(
    [
      firstMeta(scan, ['description']),
      firstMeta(scan, ['og:description']),
      firstMeta(scan, ['twitter:description']),
      articleStrings(article, 'description'),
    ],
    (v) => cleanSingleLine(v, MAX_DESCRIPTION),
  );

  return {
    title: title || null,
    siteName: siteName || null,
    author: author || null,
    publishedAt: publishedResolved?.iso ?? null,
    publishedAtZoneAssumed: publishedResolved?.zoneAssumed ?? false,
    modifiedAt: modified ? resolveWallTime(modified.time, fallbackZone).iso : null,
    canonicalUrl,
    lang,
    description,
    text: readable.text,
    excerpt: readable.excerpt,
    wordCount: readable.wordCount,
  };
}

