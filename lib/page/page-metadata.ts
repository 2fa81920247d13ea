/**
 * What a page says about itself, read from a Document passed in, so the same
 * code runs in the page (injected by the background) and in Node tests.
 * Everything returned is untrusted text: callers validate and clean it again.
 */

export interface PageMetadata {
  url: string;
  canonicalUrl: string;
  title: string;
  siteName: string;
  description: string;
  lang: string;
  selection: string;
}

function metaContent(doc: Document, selectors: string[]): string {
  for (const selector of selectors) {
    const value = doc.querySelector(selector)?.getAttribute('content')?.trim();
    if (value) return value;
  }
  return '';
}

/** Resolves a possibly relative URL against the page URL; only http(s) results count. */
export function resolveHttpUrl(value: string, base: string): string {
  if (!value) return '';
  try {
    const resolved = new URL(value, base);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : '';
  } catch {
    return '';
  }
}

/** The URL without its fragment: `#comments` or `#:~:text=` never name another article. */
export function withoutFragment(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url;
  }
}

export function extractPageMetadata(doc: Document, pageUrl: string, selection = ''): PageMetadata {
  const declaredCanonical =
    resolveHttpUrl(doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href')?.trim() ?? '', pageUrl) ||
    resolveHttpUrl(metaContent(doc, ['meta[property="og:url"]', 'meta[name="og:url"]']), pageUrl);

  const title =
    metaContent(doc, ['meta[property="og:title"]', 'meta[name="twitter:title"]']) ||
    doc.title ||
    doc.querySelector('h1')?.textContent ||
    '';

  return {
    url: pageUrl,
    canonicalUrl: declaredCanonical || withoutFragment(pageUrl),
    title,
    siteName: metaContent(doc, ['meta[property="og:site_name"]', 'meta[name="application-name"]']),
    description: metaContent(doc, [
      'meta[name="description"]',
      'meta[property="og:description"]',
      'meta[name="twitter:description"]',
    ]),
    lang: doc.documentElement.getAttribute('lang')?.trim() ?? '',
    selection,
  };
}
