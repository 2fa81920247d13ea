/**
 * URL identity: one canonical form for every address under which the same
 * article is reached (tracking parameters, AMP/mobile hosts, redirectors, …).
 */

/**
 * Query parameters that never select content, compared case-insensitively.
 * Sources (names taken from the public lists, not copied code):
 * - ClearURLs `providers.globalRules` (rules + referralMarketing), github.com/ClearURLs/Rules;
 * - AdGuard URL Tracking filter (TrackParamFilter, `$removeparam=` general rules);
 * - Brave `kSimpleQueryStringTrackers` / scoped trackers, brave-core components/query_filter/utils.cc;
 * - platform share links seen in Vietnamese monitoring: Zalo (`zarsrc`, plus its
 *   utm_*=zalo), WeChat (`from`, `isappinstalled`, `scene`, …), TikTok/Instagram/X shares,
 *   AMP viewers (`amp_js_v`, `usqp`, `_gsa`).
 * `ref`/`source`-style names are "referral marketing" in ClearURLs; news CMSs do not
 * use them to pick an article, so dropping them cannot merge two different pages.
 */
export const TRACKING_PARAMS: readonly string[] = [
  // Google Ads / Analytics / Search
  'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', '_ga', '_gl', 'gs_l', 'srsltid', '_gsa', 'usqp', 'amp_js_v', 'amp_gsa', 'ved',
  // Meta: Facebook, Instagram, Threads
  'fbclid', 'fb_action_ids', 'fb_action_types', 'fb_comment_id', 'fb_ref', 'fb_source', 'action_object_map', 'action_type_map', 'action_ref_map', 'igshid', 'igsh', 'mibextid',
  // Microsoft, Yandex, X/Twitter, TikTok, LinkedIn, Reddit
  'msclkid', 'yclid', 'ymclid', 'ysclid', '_openstat', 'twclid', 'ref_src', 'ref_url', 's_cid', 'tt_medium', 'tt_content', 'li_fat_id', 'trk', 'share_id', 'rdt_cid',
  // Email marketing: Mailchimp, HubSpot, Marketo, Vero, Olytics, Oracle Eloqua, Bluecore, …
  'mc_cid', 'mc_eid', 'mc_tc', '_hsenc', '_hsmi', '__hssc', '__hstc', '__hsfp', 'hsctatracking', 'mkt_tok', 'vero_conv', 'vero_id', 'oly_anon_id', 'oly_enc_id',
  'elqtrack', 'elqtrackid', 'ml_subscriber', 'ml_subscriber_hash', 'ss_email_id', 'bsft_clkid', 'bsft_uid', 'et_rid', '__s', 'rb_clickid', 'wickedid', 'irclickid', 'wt_mc', 'wt_zmc', 'wtrid',
  // Generic campaign / referral markers (ClearURLs referralMarketing, AdGuard)
  'ref', 'referrer', 'source', 'src', 'cmpid', 'cmp', 'ncid', 'ito', 'icid', 'spm', 'scm', 'sr_share', 'share', 'xtor', 'at_medium', 'at_campaign', 'guccounter', 'guce_referrer', 'guce_referrer_sig',
  // Vietnamese platforms: Zalo share links, VnExpress-style vn_* campaign tags
  'zarsrc', 'zalo_source',
  // WeChat / Weibo / Toutiao shares of Chinese-language articles
  'from', 'isappinstalled', 'scene', 'subscene', 'clicktime', 'enterid', 'sessionid', 'chksm', 'share_token', 'wfr', 'weibo_id', 'timestamp',
];

/** Families of tracking parameters, matched on the lower-cased name. */
export const TRACKING_PARAM_PATTERNS: readonly RegExp[] = [
  /^utm_/, // Urchin/Google Analytics (ClearURLs `utm(?:_[a-z_]*)?`)
  /^itm_/, // internal campaign tags (ClearURLs)
  /^hmb_/, // HubSpot (ClearURLs)
  /^ga_/, // ClearURLs `ga_[a-z_]+`
  /^pk_/, // Matomo/Piwik (Brave `pk_cid`, AdGuard `pk_*`)
  /^mtm_/, // Matomo (Brave `mtm_cid`)
  /^oft_/, // Brave
  /^vn_/, // VnExpress-style vn_source / vn_medium / vn_campaign (ClearURLs `vn(?:_[a-z]*)+`)
  /^at_/, // AT Internet / Piano (AdGuard)
  /^_branch_/, // Branch deep links (Brave)
];

const TRACKING_SET = new Set(TRACKING_PARAMS);

/** True when a query parameter only records how the reader got there. */
export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_SET.has(lower) || TRACKING_PARAM_PATTERNS.some((pattern) => pattern.test(lower));
}

// Host prefixes that serve the same article as the bare host.
const ALIAS_HOST_PREFIX = /^(?:www\d*|m|mobile|amp|touch)\./;

function tryParse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    try {
      return /^[\w.-]+\.[a-z]{2,}(?:[/:?#]|$)/i.test(raw) ? new URL(`https://${raw}`) : null;
    } catch {
      return null;
    }
  }
}

function isGoogleHost(host: string): boolean {
  return /(?:^|\.)google\.[a-z]{2,3}(?:\.[a-z]{2})?$/.test(host);
}

/**
 * The target of a redirector or viewer link, or null. Only redirectors that
 * carry their target in the URL can be unwrapped offline; shorteners (t.co,
 * bit.ly) need a network request and stay as they are.
 */
function unwrapRedirect(url: URL): string | null {
  const host = url.hostname.toLowerCase();
  const path = url.pathname;
  const param = (...names: string[]): string | null => {
    for (const name of names) {
      const value = url.searchParams.get(name);
      if (value && /^(?:https?:)?\/\//i.test(value)) return value;
    }
    return null;
  };
  // l.facebook.com/l.php?u=…, lm.facebook.com, m.facebook.com/l.php, Messenger
  if (/(?:^|\.)(?:facebook|messenger)\.com$/.test(host) && /^\/(?:l\.php|flx\/warn\/?)$/.test(path)) return param('u');
  if (host === 'l.instagram.com' || host === 'l.threads.net') return param('u');
  // Google search result links: google.com/url?q=… (also ?url=…), any country domain
  if (isGoogleHost(host) && path === '/url') return param('q', 'url');
  // Google AMP viewer: google.com/amp/s/example.com/a → https://example.com/a
  if (isGoogleHost(host) && path.startsWith('/amp/')) {
    const rest = path.slice('/amp/'.length);
    return rest.startsWith('s/') ? `https://${rest.slice(2)}${url.search}` : `http://${rest}${url.search}`;
  }
  // AMP cache: example-com.cdn.ampproject.org/c/s/example.com/a
  if (host.endsWith('.cdn.ampproject.org')) {
    const match = /^\/[cvi]\/(s\/)?(.+)$/.exec(path);
    if (match?.[2]) return `${match[1] ? 'https' : 'http'}://${match[2]}${url.search}`;
  }
  if (host === 'out.reddit.com' || host === 'href.li' || host === 'away.vk.com') {
    return param('url', 'to') ?? (host === 'href.li' && /^\?https?:\/\//.test(url.search) ? url.search.slice(1) : null);
  }
  if ((host === 'www.youtube.com' || host === 'youtube.com') && path === '/redirect') return param('q');
  if (host === 'www.linkedin.com' && path === '/redir/redirect') return param('url');
  return null;
}

function normalizePercentEncoding(path: string): string {
  // Upper-case hex so "%c3%a0" ≡ "%C3%A0"; decode unreserved characters only.
  return path.replace(/%[0-9a-fA-F]{2}/g, (escape) => {
    const code = parseInt(escape.slice(1), 16);
    const char = String.fromCharCode(code);
    return /[A-Za-z0-9\-._~]/.test(char) ? char : escape.toUpperCase();
  });
}

function canonicalPath(pathname: string): string {
  let segments = normalizePercentEncoding(pathname).split('/').filter((segment) => segment !== '');
  // AMP variants: /amp/article, /article/amp, article.amp.html
  if (segments[0]?.toLowerCase() === 'amp') segments = segments.slice(1);
  if (segments.at(-1)?.toLowerCase() === 'amp') segments = segments.slice(0, -1);
  const last = segments.at(-1);
  if (last !== undefined) {
    let fixed = last.replace(/\.amp(\.html?)?$/i, '$1');
    if (/^index\.(?:html?|php|aspx?)$/i.test(fixed)) fixed = '';
    segments = fixed ? [...segments.slice(0, -1), fixed] : segments.slice(0, -1);
  }
  return `/${segments.join('/')}`;
}

function canonicalQuery(url: URL): string {
  const kept: Array<[string, string]> = [];
  for (const [name, value] of url.searchParams) {
    if (!name || isTrackingParam(name)) continue;
    const lower = name.toLowerCase();
    // ?amp, ?amp=1, ?outputType=amp: the AMP rendering of the same article
    if (lower === 'amp' && /^(?:|1|true|yes)$/i.test(value)) continue;
    if (lower === 'outputtype' && value.toLowerCase() === 'amp') continue;
    kept.push([name, value]);
  }
  kept.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  if (kept.length === 0) return '';
  const params = new URLSearchParams();
  for (const [name, value] of kept) params.append(name, value);
  return `?${params.toString()}`;
}

/**
 * The canonical form of an address: https, lower-case host without `www.`/`m.`/
 * `amp.`, no default port, no AMP path or flag, no trailing slash or index file,
 * tracking parameters removed and the rest sorted, no fragment (`#comments`,
 * `#:~:text=…`, `#xtor=…`), redirectors unwrapped. Hash-bang routes (`#!/…`)
 * are kept because they do select content. Unparseable input is returned trimmed.
 */
export function canonicalizeUrl(url: string): string {
  const raw = url.trim();
  let parsed = tryParse(raw);
  if (!parsed) return raw;
  for (let hops = 0; hops < 3; hops += 1) {
    const target = unwrapRedirect(parsed);
    const next = target ? tryParse(target.startsWith('//') ? `https:${target}` : target) : null;
    if (!next) break;
    parsed = next;
  }
  const scheme = parsed.protocol.toLowerCase();
  if (scheme !== 'http:' && scheme !== 'https:') {
    parsed.hash = '';
    return parsed.href;
  }
  let host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  while (ALIAS_HOST_PREFIX.test(host) && host.replace(ALIAS_HOST_PREFIX, '').includes('.')) {
    host = host.replace(ALIAS_HOST_PREFIX, '');
  }
  // http ≡ https, so both default ports are defaults whichever scheme was typed.
  const port = parsed.port && parsed.port !== '80' && parsed.port !== '443' ? `:${parsed.port}` : '';
  const hashBang = parsed.hash.startsWith('#!') ? parsed.hash : '';
  return `https://${host}${port}${canonicalPath(parsed.pathname)}${canonicalQuery(parsed)}${hashBang}`;
}

/** Lower-case host of a canonical URL, '' when there is none. */
export function hostOf(canonicalUrl: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/:?#]+)/i.exec(canonicalUrl);
  return match?.[1]?.toLowerCase() ?? '';
}

/** The path and query of a canonical URL ('' for a site's home page: canonical forms drop the trailing slash). */
function pathOf(canonicalUrl: string): string {
  return canonicalUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').replace(/^\/$/, '');
}

/**
 * Whether the canonical a page declares may stand for the page's own identity: only when it is on the
 * page's own site (the same host once `www.`/`m.`/`amp.` are dropped, or one a subdomain of the other)
 * and is not the site's home page while the page is not. A page can declare any address: taken as it
 * is, a hostile page declaring another outlet's article would be merged with it (and the real article,
 * flagged later, answered "already flagged"), and a CMS that declares its home page on every article
 * would merge them all. A canonical elsewhere is still kept as the page said; it only does not join stories.
 * Both addresses in their canonical form (canonicalizeUrl).
 */
export function isOwnCanonical(visited: string, declared: string): boolean {
  const visitedHost = hostOf(visited);
  const declaredHost = hostOf(declared);
  if (!visitedHost || !declaredHost) return false;
  const sameSite = visitedHost === declaredHost || visitedHost.endsWith(`.${declaredHost}`) || declaredHost.endsWith(`.${visitedHost}`);
  return sameSite && (pathOf(declared) !== '' || pathOf(visited) === '');
}

const LANGUAGE_SEGMENT = /^[a-z]{2}(?:-[a-z]{2,4})?$/i;

/**
 * "Same outlet, same article slug": host + language/numeric path segments + the
 * final slug, ignoring section and query. It joins an article's print view
 * (`/print/2024/12/02/slug`) with its section URL (`/travel/2024/12/02/slug`).
 * Null unless the slug is specific enough to name one article (several words);
 * language segments stay in the key because translations share slugs.
 */
export function articleSlugKey(canonicalUrl: string): string | null {
  const match = /^https:\/\/([^/?#]+)(\/[^?#]*)?/.exec(canonicalUrl);
  if (!match?.[1]) return null;
  const segments = (match[2] ?? '/').split('/').filter(Boolean);
  const last = segments.at(-1);
  if (!last) return null;
  const slug = last.toLowerCase().replace(/\.(?:html?|php|aspx?|cms|htm)$/, '');
  const words = slug.split(/[-_+]|%20/).filter((word) => /[a-z\u00C0-\uFFFF%]/i.test(word));
  if (words.length < 3 || slug.length < 16) return null;
  const anchors = segments.slice(0, -1).filter((segment) => /^\d+$/.test(segment) || LANGUAGE_SEGMENT.test(segment));
  return `${match[1]}|${anchors.join('/')}|${slug}`;
}
