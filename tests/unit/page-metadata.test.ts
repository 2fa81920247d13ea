import { describe, expect, it } from 'vitest';
import { capturePage, withoutFragment } from '@/lib/page/page-metadata';
import { fixtureDocument, htmlDocument } from './support/fixture-document';

describe('capturePage on fixture pages', () => {
  it('reads a Vietnamese article: canonical, title, outlet, byline, date with its zone, text', () => {
    const url = 'http://127.0.0.1:8000/tin-gia-ban-do-truong-sa.html?utm_source=facebook#binh-luan';
    const page = capturePage(fixtureDocument('tin-gia-ban-do-truong-sa.html'), url, 'đoạn trích');
    expect(page).toMatchObject({
      url,
      canonicalUrl: 'https://baodaoxanh.example/bien-dao/lan-truyen-ban-do-moi-xoa-truong-sa-t12345.html',
      title: 'Lan truyền “bản đồ mới” xoá quần đảo Trường Sa khỏi lãnh thổ',
      siteName: 'Báo Đảo Xanh',
      lang: 'vi',
      selection: 'đoạn trích',
      author: 'Nguyễn Thị Hải Yến',
      publishedAt: '2026-11-24T08:30:00+07:00',
      publishedAtZoneAssumed: false,
    });
    expect(page.text).toContain('các đảo ở Trường Sa chưa bao giờ thuộc về Việt Nam');
    expect(page.text).not.toContain('Trang chủ · Biển đảo'); // navigation is not article text
    expect(page.wordCount).toBeGreaterThan(50);
  });

  it('resolves a relative canonical and says when a date had no zone', () => {
    const page = capturePage(fixtureDocument('spratly-protests-analysis.html'), 'http://127.0.0.1:8000/spratly-protests-analysis.html');
    expect(page).toMatchObject({
      canonicalUrl: 'http://127.0.0.1:8000/analysis/hanoi-spratly-protests-ring-hollow',
      lang: 'en',
      author: 'Howard Lim',
      publishedAt: '2026-10-08T00:00:00+07:00',
      publishedAtZoneAssumed: true,
    });
  });

  it('falls back to the visited URL without tracking parameters or fragment when no canonical is declared', () => {
    const page = capturePage(fixtureDocument('formula-bait.html'), 'http://127.0.0.1:8000/formula-bait.html?utm_source=x#c');
    expect(page.canonicalUrl).toBe('http://127.0.0.1:8000/formula-bait.html');
    expect(page.title).toBe('=HYPERLINK("http://tai-ban-do.example/","Tải bản đồ") <script>alert("x")</script>, "mới"');
  });

  it('ignores a javascript: canonical and uses og:url', () => {
    const doc = htmlDocument('<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="https://a.example/x">');
    expect(capturePage(doc, 'https://a.example/x?ref=1').canonicalUrl).toBe('https://a.example/x');
  });

  it('returns empty values, not a crash, for a page with nothing in it', () => {
    const page = capturePage(htmlDocument(''), 'https://a.example/print/1');
    expect(page).toMatchObject({ title: '', description: '', author: '', publishedAt: '', text: '' });
  });

  it('cuts an address a page stretched past what a record keeps, instead of failing the flag', () => {
    const url = `https://a.example/bai.html?ref=${'x'.repeat(9000)}`;
    const page = capturePage(htmlDocument('<title>Tin</title><p>Nội dung.</p>'), url);
    expect(page.url).toBe(url.slice(0, 4000));
    expect(page.canonicalUrl.length).toBeLessThanOrEqual(4000);
    expect(page.title).toBe('Tin');
  });
});

describe('withoutFragment', () => {
  it('drops #comments and text fragments', () => {
    expect(withoutFragment('https://a.example/x?y=1#:~:text=Tr%C6%B0%E1%BB%9Dng')).toBe('https://a.example/x?y=1');
  });
});
