import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle, type ArticleMetadata } from '@/lib/page/extract-article';
import { decodeEntities } from '@/lib/page/json-ld';
import { MAX_EXCERPT } from '@/lib/flag-record';

// Fixture pages copied from the shared dev set (fictional outlets), with their labels.
const FIXTURES = resolve(import.meta.dirname, '../fixtures/extract');
const ORIGIN = 'http://127.0.0.1:8000';

type Field = 'title' | 'site_name' | 'author' | 'published_at' | 'lang' | 'canonical_url';
interface Label {
  file: string;
  case: string;
  expected: Record<Field, string | null>;
  alternates?: Partial<Record<Field, Array<string | null>>>;
}

const labels = JSON.parse(readFileSync(resolve(FIXTURES, 'labels.json'), 'utf8')) as Label[];

function load(file: string): Document {
  return new DOMParser().parseFromString(readFileSync(resolve(FIXTURES, 'pages', file), 'utf8'), 'text/html');
}

/** Visited with tracking parameters and a fragment, as monitors arrive from Facebook and Zalo. */
function visitedUrl(file: string): string {
  return `${ORIGIN}/pages/${file}?utm_source=facebook&utm_medium=social&fbclid=IwAR0abc&zarsrc=30#binh-luan`;
}

function field(article: ArticleMetadata, name: Field): string | null {
  switch (name) {
    case 'title':
      return article.title;
    case 'site_name':
      return article.siteName;
    case 'author':
      return article.author;
    case 'published_at':
      return article.publishedAt;
    case 'lang':
      return article.lang;
    case 'canonical_url':
      return article.canonicalUrl;
  }
}

/** The fixtures' comparison rules: instants for dates, origin-relative canonicals, alternates count. */
function accepts(name: Field, expected: string | null, got: string | null): boolean {
  if (expected === null) return name === 'title' || got === null;
  if (got === null) return false;
  if (name === 'published_at') return Date.parse(expected) === Date.parse(got);
  if (name === 'canonical_url') return (expected.startsWith('/') ? ORIGIN + expected : expected) === got;
  return expected.replace(/\s+/g, ' ').trim() === got;
}

const extracted = new Map(labels.map((l) => [l.file, extractArticle(load(l.file), visitedUrl(l.file))]));
const FIELDS: Field[] = ['title', 'site_name', 'author', 'published_at', 'lang', 'canonical_url'];
const rows = labels.flatMap((label) => FIELDS.map((name) => ({ label, name })));

describe('extractArticle on labelled fixture pages', () => {
  it.each(rows)('$label.file ($label.case): $name', ({ label, name }) => {
    const got = field(extracted.get(label.file)!, name);
    const accepted = [label.expected[name], ...(label.alternates?.[name] ?? [])];
    expect(accepted.some((expected) => accepts(name, expected, got)), `got ${JSON.stringify(got)}`).toBe(true);
  });
});

describe('extractArticle details on fixture pages', () => {
  it('keeps emoji, zero-width and RTL marks in the title but not in author or site name', () => {
    const article = extracted.get('muinai-nam-du-mua-dep-nhat.html')!;
    expect(article.title).toContain('Nam\u200B Du');
    expect(article.title).toContain('\u200F');
    expect(article.siteName).toBe('Cổng Tin Mũi Nai');
    expect(article.text).not.toMatch(/[\u200B\u00AD\uFEFF\u202E]/);
  });

  it('says when the zone of the publication time was assumed', () => {
    // A zone-less "publishdate" meta on a Chinese outlet: the home zone +08:00 is assumed.
    const chinese = extracted.get('canghaipinglun-xisha-xin-hangxian.html')!;
    expect(chinese.publishedAt).toBe('2025-02-14T09:00:00+08:00');
    expect(chinese.publishedAtZoneAssumed).toBe(true);
    const stated = extracted.get('seashore-hanoi-spratly-protests.html')!;
    expect(stated.publishedAtZoneAssumed).toBe(false);
  });

  it('reads the modified time separately and never as the publication time', () => {
    const doc = new DOMParser().parseFromString(
      `<meta property="article:modified_time" content="2024-11-05T09:20:00+07:00">
       <meta property="article:published_time" content="2024-11-05T07:45:00+07:00"><h1>Tin</h1>`,
      'text/html',
    );
    const article = extractArticle(doc, 'https://bao.example/a');
    expect(article.publishedAt).toBe('2024-11-05T07:45:00+07:00');
    expect(article.modifiedAt).toBe('2024-11-05T09:20:00+07:00');
  });

  it('gives the readable text, an excerpt, a word count and the description', () => {
    const article = extracted.get('reefreport-hanoi-spratly-protests-amp.html')!;
    expect(article.text).toContain('Every few months');
    expect(article.text).not.toContain('Compare travel insurance');
    expect(article.wordCount).toBeGreaterThan(150);
    // The article's opening as much as a record keeps: its standfirst, then on into the body.
    expect(article.excerpt).toMatch(/^Vietnam’s outrage[^\n]+\nEvery few months/);
    expect(article.excerpt.length).toBeLessThanOrEqual(MAX_EXCERPT);
    const collapsed = (text: string) => text.replace(/\s+/g, ' ');
    expect(collapsed(article.text).includes(collapsed(article.excerpt.replace(/…$/, '')))).toBe(true);
    expect(article.description).toMatch(/^Vietnam’s outrage/);
  });

  it('counts Chinese words by character', () => {
    const article = extracted.get('haidaolvxingjia-xisha-xin-hangxian.html')!;
    expect(article.lang).toBe('zh');
    expect(article.wordCount).toBeGreaterThan(100);
  });

  it('reads a WeChat-style article: its title, date and language, and not its "原创" badge as the outlet', () => {
    // Not in labels.json: its author stands unlabelled among the account's other meta spans ("原创 李海舟 南海观察
    // 2026年11月20日"), which nothing general reads, so the author is not checked.
    const file = 'weixin-nanhaiguancha-yongxing-yugang.html';
    const article = extractArticle(load(file), visitedUrl(file));
    expect(article.title).toBe('西沙永兴岛新渔港码头启用 可同时停靠百艘渔船');
    // The account's name, or the host its og:url names.
    expect(['南海观察', 'mp.weixin.example']).toContain(article.siteName);
    expect(Date.parse(article.publishedAt ?? '')).toBe(Date.parse('2026-11-20T08:15:00+08:00'));
    expect(article.lang).toBe('zh');
  });

  it("takes a print view's <h1> over its <title>, but not a section's short <h1> over a <title> that is the headline", () => {
    const page = (title: string, h1: string) =>
      new DOMParser().parseFromString(`<html lang="vi"><head><title>${title}</title><meta property="og:site_name" content="Báo Tây Biển"></head><body><main><article><h1>${h1}</h1><p>${'Nội dung bài viết. '.repeat(30)}</p></article></main></body></html>`, 'text/html');
    const headline = 'Sạt lở bờ biển Hà Tiên, 15 hộ dân phải di dời khẩn cấp';
    expect(extractArticle(page('In bài viết | Báo Tây Biển', headline), 'https://baotaybien.example/in/123').title).toBe(headline);
    expect(extractArticle(page(`${headline} | Báo Tây Biển`, 'Thời sự'), 'https://baotaybien.example/thoi-su/123').title).toBe(headline);
  });

  it('does not mutate the live document', () => {
    const doc = load('seashore-hanoi-spratly-protests.html');
    const before = doc.documentElement.outerHTML;
    extractArticle(doc, visitedUrl('seashore-hanoi-spratly-protests.html'));
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('extractArticle keeps what the page says about itself over look-alikes', () => {
  const body = `<p>${'Nội dung bài viết về sạt lở bờ biển ở Hà Tiên. '.repeat(20)}</p>`;
  const page = (head: string, main: string) =>
    new DOMParser().parseFromString(`<html lang="vi"><head>${head}</head><body>${main}</body></html>`, 'text/html');
  const URL = 'https://baotaybien.example/thoi-su/sat-lo-123.html';

  it('an embedded video does not lend the article its title, date or author', () => {
    const video = JSON.stringify({ '@context': 'https://schema.org', '@type': 'VideoObject', name: 'Clip: sóng lớn đánh vào bờ', uploadDate: '2025-10-02T08:00:00+07:00', author: { '@type': 'Person', name: 'Phòng Video' } });
    const article = extractArticle(
      page(
        `<meta property="og:title" content="Sạt lở bờ biển Hà Tiên, 15 hộ dân phải di dời"><meta property="og:type" content="article"><meta property="article:published_time" content="2026-11-20T08:15:00+07:00"><meta name="author" content="Lâm Ngọc Trâm"><script type="application/ld+json">${video}</script>`,
        `<article><h1>Sạt lở bờ biển Hà Tiên, 15 hộ dân phải di dời</h1>${body}</article>`,
      ),
      URL,
    );
    expect(article.title).toBe('Sạt lở bờ biển Hà Tiên, 15 hộ dân phải di dời');
    expect(article.publishedAt).toBe('2026-11-20T08:15:00+07:00');
    expect(article.author).toBe('Lâm Ngọc Trâm');
  });

  it('"Bởi vậy, …" opens a sentence, not a byline; "Bởi Lâm Ngọc Trâm" is one', () => {
    const sentence = extractArticle(page('<title>Sạt lở bờ biển Hà Tiên - Báo Tây Biển</title>', `<article><h1>Sạt lở bờ biển Hà Tiên</h1><p>Bởi vậy, người dân cần cảnh giác.</p>${body}</article>`), URL);
    expect(sentence.author).toBeNull();
    const byline = extractArticle(page('<title>Sạt lở bờ biển Hà Tiên - Báo Tây Biển</title>', `<article><h1>Sạt lở bờ biển Hà Tiên</h1><p class="meta">Bởi <a href="/tac-gia/tram">Lâm Ngọc Trâm</a></p>${body}</article>`), URL);
    expect(byline.author).toBe('Lâm Ngọc Trâm');
  });

  it('a site banner in an <h1> linked to the home page does not replace the <title>', () => {
    const article = extractArticle(
      page(
        '<title>Phà Hà Tiên – Phú Quốc tạm dừng</title>',
        `<header><h1><a href="/">Cổng thông tin điện tử huyện Kiên Hải tỉnh Kiên Giang</a></h1></header><main><article><h2>Phà Hà Tiên – Phú Quốc tạm dừng</h2>${body}</article></main>`,
      ),
      URL,
    );
    expect(article.title).toBe('Phà Hà Tiên – Phú Quốc tạm dừng');
  });

  it('a bold subheading is not a sign-off; a bold last line is', () => {
    const subheading = extractArticle(
      page('<title>Mùa du lịch ở các tỉnh biên giới - Báo Tây Biển</title>', `<article><h1>Mùa du lịch ở các tỉnh biên giới</h1>${body}<p><strong>Hà Giang</strong></p><ul><li>Đèo Mã Pí Lèng</li></ul>${body}</article>`),
      URL,
    );
    expect(subheading.author).toBeNull();
    const signed = extractArticle(page('<title>Mùa du lịch - Báo Tây Biển</title>', `<article><h1>Mùa du lịch</h1>${body}<p><strong>Ngô Thanh Phong</strong></p></article>`), URL);
    expect(signed.author).toBe('Ngô Thanh Phong');
  });

  it('a JSON-LD author named like the outlet is not a byline', () => {
    const graph = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'NewsArticle', headline: 'Sạt lở bờ biển Hà Tiên', author: { '@id': '#person-1' } },
        { '@type': 'Person', '@id': '#person-1', name: 'Tổng Hợp Tin Hay' },
      ],
    });
    const article = extractArticle(page(`<meta property="og:site_name" content="Tổng Hợp Tin Hay"><script type="application/ld+json">${graph}</script>`, `<article><h1>Sạt lở bờ biển Hà Tiên</h1>${body}</article>`), URL);
    expect(article.author).toBeNull();
  });

  it('an image logo names the outlet even when it links to a home page under a path', () => {
    const article = extractArticle(page('<title>Sạt lở bờ biển Hà Tiên</title>', `<header><a class="logo" href="/vi/"><img alt="Báo Kiên Hải" src="data:,"></a></header><article><h1>Sạt lở bờ biển Hà Tiên</h1>${body}</article>`), URL);
    expect(article.siteName).toBe('Báo Kiên Hải');
  });

  it('decodes character references in JSON-LD as HTML does', () => {
    expect(decodeEntities('&#8220;mất nhà&#8221; &amp; &ecirc;&Agrave; &#150; &#0;&#xD800;')).toBe('“mất nhà” & êÀ – \ufffd\ufffd');
  });
});
