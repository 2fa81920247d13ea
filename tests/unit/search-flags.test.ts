import { describe, expect, it } from 'vitest';
import { foldForSearch, searchFlags } from '@/lib/queue/search-flags';
import { sampleFlag } from './support/sample-flag';

const FLAGS = [
  sampleFlag({ id: 'a', title: 'Lan truyền “bản đồ mới” xoá quần đảo Hoàng Sa', siteName: 'Báo Đảo Xanh' }),
  sampleFlag({ id: 'b', title: 'Cột mốc biên giới Giang Thành bị “dời”', siteName: 'Tiếng Vọng Biên Thùy', quote: 'video cắt ghép' }),
  sampleFlag({ id: 'c', title: 'Why Hanoi’s protests over the Spratlys ring hollow', siteName: 'Reef Report', author: 'Howard Lim' }),
  sampleFlag({ id: 'd', title: 'Tàu cá gặp nạn', siteName: 'Tin Mới', watchTerms: ['Trường Sa'] }),
];

describe('searchFlags', () => {
  it.each([
    ['typed without diacritics', 'hoang sa', ['a']],
    ['typed with diacritics', 'Hoàng Sa', ['a']],
    ['đ typed as d', 'dao xanh', ['a']],
    ['by outlet', 'reef report', ['c']],
    ['by quote', 'cat ghep', ['b']],
    ['by watchlist term', 'truong sa', ['d']],
    ['by author', 'howard', ['c']],
    ['a small typo', 'giang thnh', ['b']],
  ])('finds a flag %s, best match first', (_name, query, ids) => {
    expect(searchFlags(FLAGS, query).map((r) => r.id).slice(0, ids.length)).toEqual(ids);
  });

  it('leaves out flags that share nothing with the query', () => {
    expect(searchFlags(FLAGS, 'reef report').map((r) => r.id)).toEqual(['c']);
    expect(searchFlags(FLAGS, 'casino')).toEqual([]);
  });

  it('an empty query keeps every flag in order', () => {
    expect(searchFlags(FLAGS, '  ').map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('folds case, diacritics and đ', () => {
    expect(foldForSearch('ĐẢO Trường Sa')).toBe('dao truong sa');
  });
});
