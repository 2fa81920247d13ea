import { describe, expect, it } from 'vitest';
import { extractPageMetadata, withoutFragment } from '@/lib/page/page-metadata';
import { fixtureDocument, htmlDocument } from './support/fixture-document';

describe('extractPageMetadata on fixture pages', () => {
  it('reads a Vietnamese article: canonical, og title, site name, description, lang', () => {
    const url = 'http://127.0.0.1:8000/tin-gia-ban-do-truong-sa.html?utm_source=facebook#binh-luan';
    const page = extractPageMetadata(fixtureDocument('tin-gia-ban-do-truong-sa.html'), url, 'đoạn trích');
    expect(page).toEqual({
      url,
      canonicalUrl: 'https://baodaoxanh.example/bien-dao/lan-truyen-ban-do-moi-xoa-truong-sa-t12345.html',
      title: 'Lan truyền “bản đồ mới” xoá quần đảo Trường Sa khỏi lãnh thổ',
      siteName: 'Báo Đảo Xanh',
      description:
        'Một trang mạng đăng tải tấm “bản đồ mới” cắt quần đảo Trường Sa và Hoàng Sa ra khỏi lãnh thổ Việt Nam, thu hút hàng nghìn lượt chia sẻ.',
      lang: 'vi',
      selection: 'đoạn trích',
    });
  });

  it('resolves a relative canonical against the page URL', () => {
    const page = extractPageMetadata(
      fixtureDocument('spratly-protests-analysis.html'),
      'http://127.0.0.1:8000/spratly-protests-analysis.html',
    );
    expect(page.canonicalUrl).toBe('http://127.0.0.1:8000/analysis/hanoi-spratly-protests-ring-hollow');
    expect(page.lang).toBe('en');
  });

  it('falls back to the visited URL without its fragment when no canonical is declared', () => {
    const page = extractPageMetadata(fixtureDocument('formula-bait.html'), 'http://127.0.0.1:8000/formula-bait.html#x');
    expect(page.canonicalUrl).toBe('http://127.0.0.1:8000/formula-bait.html');
    expect(page.title).toBe('=HYPERLINK("http://tai-ban-do.example/","Tải bản đồ") <script>alert("x")</script>, "mới"');
  });

  it('ignores a javascript: canonical and uses og:url', () => {
    const doc = htmlDocument(
      '<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="https://a.example/x">',
    );
    expect(extractPageMetadata(doc, 'https://a.example/x?ref=1').canonicalUrl).toBe('https://a.example/x');
  });

  it('returns empty strings, not a crash, for a page with nothing in it', () => {
    const page = extractPageMetadata(htmlDocument(''), 'https://a.example/print/1');
    expect(page).toMatchObject({ title: '', siteName: '', description: '', lang: '' });
  });
});

describe('withoutFragment', () => {
  it('drops #comments and text fragments', () => {
    expect(withoutFragment('https://a.example/x?y=1#:~:text=Tr%C6%B0%E1%BB%9Dng')).toBe('https://a.example/x?y=1');
  });
});
