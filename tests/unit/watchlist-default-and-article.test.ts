import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WATCHLIST, withoutDiacritics } from '@/lib/watchlist/default-watchlist';
import { compileWatchlist, termsFound } from '@/lib/watchlist/match-terms';
import { foldForm } from '@/lib/watchlist/fold-text';
import { extractArticleText } from '@/lib/page/article-text';
import { isCategoryId } from '@/lib/categories';
import type { WatchTerm } from '@/lib/watchlist/watchlist';

describe('DEFAULT_WATCHLIST', () => {
  const terms = DEFAULT_WATCHLIST.flatMap((group) => group.terms);

  it('gives every group an id, a name, a #rrggbb colour of its own, a known category and terms', () => {
    const colours = new Set<string>();
    for (const group of DEFAULT_WATCHLIST) {
      expect(group.id).toMatch(/^[a-z0-9-]+$/);
      expect(group.name.trim()).not.toBe('');
      expect(group.color).toMatch(/^#[0-9a-f]{6}$/i);
      colours.add(group.color.toLowerCase());
      expect(group.category === undefined || isCategoryId(group.category)).toBe(true);
      expect(group.terms.length).toBeGreaterThan(0);
    }
    expect(colours.size).toBe(DEFAULT_WATCHLIST.length);
    expect(new Set(DEFAULT_WATCHLIST.map((g) => g.id)).size).toBe(DEFAULT_WATCHLIST.length);
  });

  it('has no empty or untrimmed term or variant, and no term twice', () => {
    for (const term of terms) {
      for (const form of [term.term, ...(term.variants ?? [])]) {
        expect(form.trim()).toBe(form);
        expect(foldForm(form)).not.toBe('');
        expect(form.length).toBeLessThanOrEqual(200);
      }
    }
    expect(new Set(terms.map((t) => t.term)).size).toBe(terms.length);
  });

  it('covers Vietnamese with and without diacritics, English, Chinese (simplified and traditional) and Khmer', () => {
    const forms = terms.flatMap((t) => [t.term, ...(t.variants ?? [])]);
    expect(new Set(terms.map((t) => t.lang))).toEqual(new Set(['vi', 'en', 'zh', 'km']));
    for (const form of ['Hoàng Sa', 'Hoang Sa', 'Paracel', '西沙', 'Trường Sa', 'Spratly', '南沙', '九段线', '九段線', 'đường lưỡi bò', 'Biển Đông', 'South China Sea', 'Phú Quốc', 'Phu Quoc', 'Thổ Chu', 'Nam Du', 'Hà Tiên', 'vịnh Thái Lan', 'cột mốc', 'cot moc', 'biên giới', 'border marker', 'Giang Thành', 'ព្រំដែន']) {
      expect(forms).toContain(form);
    }
    for (const term of terms.filter((t) => t.lang === 'vi')) {
      expect([term.term, ...(term.variants ?? [])]).toContain(withoutDiacritics(term.term));
    }
  });

  it('compiles and finds its own terms in a sample sentence', () => {
    const list = compileWatchlist(terms);
    expect(termsFound(list, 'Tàu cá Phú Quốc gặp nạn gần Truong Sa; 南沙群島; the nine-dash line')).toEqual(['Trường Sa', '南沙', 'nine-dash line', 'Phú Quốc']);
  });
});

describe('extractArticleText on the watchlist fixture pages', () => {
  const dir = resolve(import.meta.dirname, '../fixtures/watchlist');
  const labels = JSON.parse(readFileSync(resolve(dir, 'labels.json'), 'utf8')) as { file: string; watchlist_hits: string[] }[];
  const list = compileWatchlist(JSON.parse(readFileSync(resolve(dir, 'watchlist.json'), 'utf8')) as WatchTerm[]);
  const parse = (file: string) => new DOMParser().parseFromString(readFileSync(resolve(dir, file), 'utf8'), 'text/html');

  it.each(labels.map((label) => [label.file, label.watchlist_hits] as const))('%s: the article text holds exactly the labelled terms', (file, expected) => {
    expect(termsFound(list, extractArticleText(parse(file)))).toEqual(expected);
  });

  it('keeps the headline, standfirst, caption-like credit and leaves comments, related links and footers out', () => {
    const text = extractArticleText(parse('../extract/pages/mekongtraveller-kampot-ha-tien-bus.html'));
    expect(text.split('\n')[0]).toBe('New daily bus links Kampot and Ha Tien');
    expect(text).toContain('Via Angkor Border Post.');
    expect(text).not.toMatch(/Related stories|Comments \(|All rights reserved|cookies/);
  });

  it('reads a page without any article markup', () => {
    const doc = new DOMParser().parseFromString(
      '<body><nav><a>Hoàng Sa menu</a></nav><div><p>First paragraph of the story about Phú Quốc island today.</p><p>Second paragraph, long enough to count as text.</p></div><footer>Hoàng Sa footer</footer></body>',
      'text/html',
    );
    expect(extractArticleText(doc)).toBe('First paragraph of the story about Phú Quốc island today.\nSecond paragraph, long enough to count as text.');
  });
});
