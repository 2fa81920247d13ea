import { describe, expect, it } from 'vitest';
import { extractArticle, stripSiteName, stripTrackingParams } from '@/lib/page/extract-article';

function page(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

const URL_ = 'https://bao.example/bien-dao/tin-1.html';

describe('pathological pages do not break extractArticle', () => {
  it.each([
    ['an empty document', ''],
    ['no title anywhere (a print view)', '<p>By Rachel Dunmore · December 2, 2024 10:00 AM GMT+7</p><p>Body text.</p>'],
    ['markup, quotes and a newline in the title', '<title>A "quoted", &lt;script&gt;alert(1)&lt;/script&gt;\n— reprint</title>'],
    ['a formula in the title and body', '<title>=HYPERLINK("http://x.example/","y")</title><p>@SUM(1+1)*cmd|\' /C calc\'!A0</p>'],
    ['RTL, emoji and zero-width characters', '<title>🌊 Nam\u200B Du \u200F«שלום» \u202Eabc</title><p>مرحبا</p>'],
    ['invalid JSON-LD', '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script><h1>Tin</h1>'],
    ['JSON-LD that is not an object', '<script type="application/ld+json">42</script><script type="application/ld+json">null</script>'],
    ['a javascript: canonical', '<link rel="canonical" href="javascript:alert(1)"><h1>x</h1>'],
    ['deep nesting', `${'<div>'.repeat(3000)}<h1>Sâu</h1><p>${'Chữ '.repeat(100)}</p>${'</div>'.repeat(3000)}`],
  ])('%s', (_name, html) => {
    const article = extractArticle(page(html), URL_);
    expect(article.canonicalUrl).toMatch(/^https:\/\/bao\.example\//);
    expect(typeof article.text).toBe('string');
  });

  it('returns null, not a guess, for the title of a page without one', () => {
    const article = extractArticle(page('<p>By Rachel Dunmore · December 2, 2024 10:00 AM GMT+7</p>'), 'http://127.0.0.1:8000/print/1');
    expect(article).toMatchObject({
      title: null,
      siteName: null, // an IP address names no outlet
      author: 'Rachel Dunmore',
      publishedAt: '2024-12-02T10:00:00+07:00',
      publishedAtZoneAssumed: false,
    });
  });

  it('keeps a formula-looking title verbatim (CSV export guards it, not the extractor)', () => {
    const article = extractArticle(page('<title>=HYPERLINK("http://x.example/","y")</title>'), URL_);
    expect(article.title).toBe('=HYPERLINK("http://x.example/","y")');
  });

  it('collapses newlines in titles and strips control characters from every single-line field', () => {
    const article = extractArticle(
      page('<meta property="og:title" content="Line one\nline\u0007 two"><meta name="author" content="Lê\u200B Văn\u0000 A">'),
      URL_,
    );
    expect(article.title).toBe('Line one line two');
    expect(article.author).toBe('Lê Văn A');
  });

  it('caps hostile lengths', () => {
    const long = 'x'.repeat(50_000);
    const article = extractArticle(page(`<title>${long}</title><meta name="author" content="${long}"><meta name="description" content="${long}">`), URL_);
    expect(article.title!.length).toBeLessThanOrEqual(1000);
    expect(article.description!.length).toBeLessThanOrEqual(2000);
    expect((article.author ?? '').length).toBeLessThanOrEqual(200);
  });

  it('decides the language by the text when html[lang] is wrong', () => {
    const vietnamese = '<p>Tàu cá Phú Quốc gặp nạn gần quần đảo Trường Sa, toàn bộ bảy ngư dân đã được lực lượng Kiểm ngư cứu hộ an toàn trong đêm.</p>';
    expect(extractArticle(page(`<html lang="en"><body>${vietnamese.repeat(5)}</body></html>`), URL_).lang).toBe('vi');
    const english = '<p>The new daily bus links Kampot and the seaside town of Ha Tien, and the trip takes about two hours.</p>';
    expect(extractArticle(page(`<html lang="km"><body><h1>ផ្លូវឡានក្រុងថ្មី</h1>${english.repeat(5)}</body></html>`), URL_).lang).toBe('en');
    expect(extractArticle(page(`<html lang="vi"><body><p>${'三沙开通西沙旅游新航线游客可登永乐群岛'.repeat(5)}</p></body></html>`), URL_).lang).toBe('zh');
  });
});

describe('metadata sources beyond the fixtures', () => {
  it('finds the article inside @graph, with an array of authors and an @id publisher', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Organization', '@id': '#org', name: 'Báo Ví Dụ' },
        { '@type': 'WebPage', name: 'Trang' },
        {
          '@type': ['ReportageNewsArticle'],
          headline: 'Tin chính',
          datePublished: '2024-11-05T07:45:00',
          author: [{ '@type': 'Person', name: 'Nguyễn Văn A' }, { '@type': 'Person', name: 'Trần Thị B' }],
          publisher: { '@id': '#org' },
        },
      ],
    };
    const article = extractArticle(page(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`), URL_);
    expect(article.title).toBe('Tin chính');
    expect(article.siteName).toBe('Báo Ví Dụ');
    expect(article.author).toBe('Nguyễn Văn A');
    // No zone in the JSON-LD: Vietnam time assumed, and said so.
    expect(article.publishedAt).toBe('2024-11-05T07:45:00+07:00');
    expect(article.publishedAtZoneAssumed).toBe(true);
  });

  it('tolerates raw newlines and trailing commas in JSON-LD', () => {
    const html = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Dòng một\ndòng hai","author":"Lê Văn C",}</script>';
    const article = extractArticle(page(html), URL_);
    expect(article.title).toBe('Dòng một dòng hai');
    expect(article.author).toBe('Lê Văn C');
  });

  it('skips an organisation credited as author, a URL in article:author and a meta author that is the outlet', () => {
    const html = `<script type="application/ld+json">{"@type":"NewsArticle","headline":"T","author":{"@type":"Organization","name":"Báo Ví Dụ"}}</script>
      <meta property="og:site_name" content="Báo Ví Dụ"><meta name="author" content="Báo Ví Dụ">
      <meta property="article:author" content="https://www.facebook.com/baovidu">
      <article><h1>T</h1><p class="byline">Bài: Phạm Minh Đức | 05/11/2024</p></article>`;
    expect(extractArticle(page(html), URL_).author).toBe('Phạm Minh Đức');
  });

  it.each([
    ['Theo Nguyễn Văn An', 'Nguyễn Văn An'],
    ['Theo Báo Đảo Xanh', null],
    ['Nguồn: Tiếng Vọng Biên Thùy', null],
    ['Tác giả: Lâm Chí Thanh', 'Lâm Chí Thanh'],
    ['Đăng bởi Lâm Chí Thanh lúc 20:30 ngày 15/12/2024', 'Lâm Chí Thanh'],
    ['作者：黄思远', '黄思远'],
    ['By Howard Lim | October 8, 2024', 'Howard Lim'],
    ['By Reuters', null],
    ['Via Angkor Border Post.', null],
  ])('byline line %j gives author %j', (line, author) => {
    const html = `<h1>Tiêu đề bài viết</h1><p>${line}</p><p>Nội dung.</p>`;
    expect(extractArticle(page(html), URL_).author).toBe(author);
  });

  it('prefers a dateline with a time over a date mentioned in a short body sentence', () => {
    const html = `<header><span class="date-today">01/01/2025 06:00 (GMT+7)</span></header><h1>Tàu cá gặp nạn</h1>
      <p>Ngày 3/11/2024, tàu cá bị hỏng máy.</p><p class="meta">Cập nhật 07/11/2024 10:00</p><p class="meta">05/11/2024 07:45 (GMT+7)</p>`;
    expect(extractArticle(page(html), URL_)).toMatchObject({ publishedAt: '2024-11-05T07:45:00+07:00', publishedAtZoneAssumed: false });
  });

  it('does not take an outlet in meta author for a byline', () => {
    const html = '<meta name="author" content="Tổng Hợp Tin Hay"><h1>Tin</h1>';
    expect(extractArticle(page(html), URL_).author).toBeNull();
  });

  it('strips the outlet from the title only when it is the site name', () => {
    expect(stripSiteName('Tin chính - Báo Ví Dụ', ['Báo Ví Dụ'])).toBe('Tin chính');
    expect(stripSiteName('Báo Ví Dụ | Tin chính', ['bao vi du'])).toBe('Tin chính');
    expect(stripSiteName('三沙新航线_沧海评论', ['沧海评论'])).toBe('三沙新航线');
    expect(stripSiteName('Why it matters — reprint', ['Gossip Wire'])).toBe('Why it matters — reprint');
  });

  it('takes the site name from the <title> suffix beside the headline when nothing declares one', () => {
    const article = extractArticle(page('<title>Nghi vấn cột mốc – Tiếng Vọng</title><h1>Nghi vấn cột mốc</h1>'), 'http://127.0.0.1:8000/a.html');
    expect(article.title).toBe('Nghi vấn cột mốc');
    expect(article.siteName).toBe('Tiếng Vọng');
  });

  it('falls back to the canonical hostname for the site name', () => {
    const article = extractArticle(page('<link rel="canonical" href="https://www.bao.example/x"><h1>T</h1>'), 'http://127.0.0.1:8000/x');
    expect(article.siteName).toBe('bao.example');
  });

  it('resolves a relative canonical against the page URL, else og:url, else the page without tracking', () => {
    expect(extractArticle(page('<link rel="canonical" href="/a/b">'), 'https://bao.example/x?utm_source=fb').canonicalUrl).toBe('https://bao.example/a/b');
    expect(extractArticle(page('<meta property="og:url" content="https://bao.example/og">'), URL_).canonicalUrl).toBe('https://bao.example/og');
    expect(stripTrackingParams('https://bao.example/x?id=3&utm_source=fb&gclid=1&zarsrc=30#c')).toBe('https://bao.example/x?id=3');
  });
});

describe('huge pages', () => {
  /** A forum thread: headline, first post, then thousands of replies (about 1.5 MB of text). */
  function forumThread(replies: number): string {
    const reply = (n: number) =>
      `<article class="message post" data-author="user${n}"><div class="message-attribution"><time datetime="2024-12-17T10:00:00+07:00">17/12/2024</time></div>` +
      `<div class="bbWrapper"><p>Theo mình thấy, tin này chưa có nguồn chính thức nào xác nhận cả, đừng vội tin. Ai có văn bản gốc thì đăng lên cho mọi người xem với. Hóng diễn biến ${n}.</p></div></article>`;
    return `<html lang="vi"><head><title>Cột mốc bị xê dịch?? | Diễn Đàn</title></head><body>
      <h1>Cột mốc bị xê dịch??</h1>
      <div class="p-description">Thảo luận bắt đầu bởi <a class="username">tuhai_kg</a>, <time datetime="2024-12-16T09:02:00+07:00">16/12/2024 lúc 09:02</time></div>
      <div class="block-container">
      <article class="message post" data-author="tuhai_kg"><div class="bbWrapper"><p>Thấy bài này chia sẻ nhiều quá, dán lại đây cho anh em bàn. Ai ở Giang Thành xác nhận giúp với, cột mốc biên giới bị xê dịch trong đêm.</p></div></article>
      ${Array.from({ length: replies }, (_, i) => reply(i + 2)).join('\n')}
      </div></body></html>`;
  }

  it('extracts a thread with 8,000 replies: opener as author, thread start as publication time', () => {
    const doc = page(forumThread(8000));
    expect(new TextEncoder().encode(doc.body.textContent!).length).toBeGreaterThan(1_500_000);
    const article = extractArticle(doc, 'https://forum.example/threads/1');
    expect(article).toMatchObject({
      title: 'Cột mốc bị xê dịch??',
      siteName: 'Diễn Đàn',
      author: 'tuhai_kg',
      publishedAt: '2024-12-16T09:02:00+07:00',
      lang: 'vi',
    });
    expect(article.text).toContain('Thấy bài này chia sẻ nhiều quá');
    expect(article.text.length).toBeLessThan(200_001);
  });
});
