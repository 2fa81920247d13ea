import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForSearch, FUSE_FALLBACK_LIMIT, FUSE_RANK_LIMIT, prefixEditDistance, SearchIndex, searchWords } from '@/lib/queue/search-index';
import { searchFlags } from '@/lib/queue/search-flags';
import type { FlagRecord } from '@/lib/flag-record';
import { sampleFlag } from './support/sample-flag';

const flag = (id: string, overrides: Partial<FlagRecord> = {}) => sampleFlag({ id, title: `Tin ${id}`, siteName: 'Tin Mới', ...overrides });
const ids = (records: readonly FlagRecord[]) => records.map((record) => record.id);

/** Filler records that share no word with the queries below ("lorem ipsum" in Vietnamese). */
const fillers = (count: number, overrides: (n: number) => Partial<FlagRecord> = () => ({})) =>
  Array.from({ length: count }, (_, n) => flag(`filler-${n}`, { title: `Bản tin thời tiết số ${n}`, siteName: 'Đài Khí Tượng', ...overrides(n) }));

const QUEUE = [
  flag('paracels', { title: 'Lan truyền “bản đồ mới” xoá quần đảo Hoàng Sa', siteName: 'Báo Đảo Xanh' }),
  flag('border', { title: 'Cột mốc biên giới Giang Thành bị “dời”', siteName: 'Tiếng Vọng Biên Thùy', quote: 'video cắt ghép' }),
  flag('spratlys', { title: 'Why Hanoi’s protests over the Spratlys ring hollow', siteName: 'Reef Report', author: 'Howard Lim' }),
  flag('fishing', { title: 'Tàu cá gặp nạn', watchTerms: ['Trường Sa'], note: 'Cần phản bác gấp trước thứ Sáu', tags: ['facebook', 'ảnh chế'] }),
  flag('chinese', { title: '西沙群岛的新闻', siteName: 'Nam Hải Online' }),
];

describe('SearchIndex finds what a monitor types', () => {
  const index = new SearchIndex(QUEUE);

  it.each([
    ['Vietnamese typed without diacritics', 'hoang sa', 'paracels'],
    ['Vietnamese typed with diacritics', 'Hoàng Sa', 'paracels'],
    ['upper case', 'HOÀNG SA', 'paracels'],
    ['đ typed as d', 'dao xanh', 'paracels'],
    ['đ typed as đ', 'Đảo Xanh', 'paracels'],
    ['the outlet', 'tieng vong', 'border'],
    ['the quote', 'cat ghep', 'border'],
    ['the note', 'phan bac', 'fishing'],
    ['a tag', 'facebook', 'fishing'],
    ['a watchlist term', 'truong sa', 'fishing'],
    ['the author', 'howard', 'spratlys'],
    ['English words', 'spratlys hanoi', 'spratlys'],
    ['Chinese characters (no spaces between words)', '西沙', 'chinese'],
  ])('%s: "%s"', (_name, query, id) => {
    expect(ids(index.search(query))[0]).toBe(id);
  });

  it.each([
    ['h', ['paracels']],
    ['ho', ['paracels']],
    ['hoa', ['paracels']],
    ['hoan', ['paracels']],
    ['hoang', ['paracels']],
    ['hoang s', ['paracels']],
  ])('finds "Hoàng Sa" while "%s" is still being typed', (prefix, expected) => {
    expect(ids(index.search(prefix))).toEqual(expect.arrayContaining(expected));
  });

  it('needs every typed word: "hoang sa" does not find a flag with only "Sa"', () => {
    expect(ids(index.search('hoang sa'))).toEqual(['paracels']);
  });

  it('finds nothing for words no flag has', () => {
    expect(index.search('casino')).toEqual([]);
  });

  it('an empty query (or only punctuation) returns every flag in the order added', () => {
    expect(ids(index.search(''))).toEqual(ids(QUEUE));
    expect(ids(index.search(' – “” '))).toEqual(ids(QUEUE));
  });

  it('keep filters and limit caps the results', () => {
    const queue = new SearchIndex([...QUEUE, flag('paracels-2', { title: 'Hoàng Sa là của Việt Nam', status: 'dismissed' })]);
    expect(ids(queue.search('hoang sa', { keep: (record) => record.status !== 'dismissed' }))).toEqual(['paracels']);
    expect(queue.search('hoang sa', { limit: 1 })).toHaveLength(1);
    expect(queue.search('', { limit: 2 })).toHaveLength(2);
  });
});

describe('SearchIndex forgives typos', () => {
  it.each([
    ['a missing letter', 'giang thnh', 'border'],
    ['two letters swapped', 'truogn sa', 'fishing'],
    ['a wrong letter in a long word', 'spratlis', 'spratlys'],
  ])('%s: "%s", at any size (one edit from an indexed word)', (_name, query, id) => {
    const big = new SearchIndex([...fillers(FUSE_FALLBACK_LIMIT + 1), ...QUEUE]);
    expect(ids(big.search(query))[0]).toBe(id);
  });

  it('a typo in the first letter is found by fuse.js over everything while the queue is small', () => {
    expect(ids(new SearchIndex(QUEUE).search('yruong sa'))[0]).toBe('fishing');
  });

  it('but not in a big queue, where that scan would take seconds', () => {
    const big = new SearchIndex([...fillers(FUSE_FALLBACK_LIMIT + 1), ...QUEUE]);
    expect(big.search('yruong sa')).toEqual([]);
  });

  it.each([
    ['truogn', 'truong', 1],
    ['thnh', 'thanh', 1],
    ['hoang', 'hoangsa', 0],
    ['hoagn', 'hoang', 1],
    ['xyz', 'hoang', 2],
    ['hoang', 'ho', 2],
  ])('prefixEditDistance("%s", "%s") = %i (at most 1 counted)', (query, word, expected) => {
    expect(prefixEditDistance(query, word, 1)).toBe(expected);
  });
});

describe('SearchIndex ranks the headline first', () => {
  const inTitle = flag('title', { title: 'Ngư dân Trường Sa bám biển', excerpt: 'Bản tin sáng nay.' });
  const inExcerpt = flag('excerpt', { title: 'Bản tin sáng', excerpt: 'Ngư dân Trường Sa bám biển, theo phóng viên.' });
  const inOutlet = flag('outlet', { title: 'Bản tin chiều', siteName: 'Trường Sa Online' });
  const scattered = flag('scattered', { title: 'Sa Pa đón khách, Trường học mở cửa' });

  it('title before outlet before excerpt, among a few candidates (ranked by fuse.js)', () => {
    const results = ids(new SearchIndex([inExcerpt, inOutlet, inTitle]).search('truong sa'));
    expect(results).toEqual(['title', 'outlet', 'excerpt']);
  });

  it('title before outlet before excerpt, among many candidates (ranked by the cheap score)', () => {
    const many = fillers(FUSE_RANK_LIMIT + 10, () => ({ excerpt: 'Trường Sa mùa gió chướng' }));
    const results = ids(new SearchIndex([inExcerpt, ...many, inOutlet, inTitle]).search('truong sa'));
    expect(results.slice(0, 2)).toEqual(['title', 'outlet']);
    expect(results.indexOf('excerpt')).toBeGreaterThan(1);
  });

  it.each([
    ['few', 0],
    ['many', FUSE_RANK_LIMIT + 10],
  ])('the typed phrase outranks the same words scattered over the headline (%s candidates)', (_name, count) => {
    const many = fillers(count, () => ({ excerpt: 'Trường Sa mùa gió chướng' }));
    expect(ids(new SearchIndex([scattered, ...many, inTitle]).search('truong sa'))[0]).toBe('title');
  });

  it('a limit returns the best of the full ranking, in order, among many candidates', () => {
    const many = fillers(FUSE_RANK_LIMIT * 3, (n) => ({ title: n % 3 ? `Bản tin thời tiết ${n}` : `Trường Sa ${n}`, excerpt: 'Trường Sa mùa gió chướng' }));
    const index = new SearchIndex(many);
    const all = ids(index.search('truong sa'));
    for (const limit of [1, 5, 17, 250]) expect(ids(index.search('truong sa', { limit }))).toEqual(all.slice(0, limit));
  });

  it.each([
    ['few', 0],
    ['many', FUSE_RANK_LIMIT + 10],
  ])('"hoang sa" in a note outranks "Hoàng" (an author) and "sáng" (in the headline) (%s candidates)', (_name, count) => {
    const many = fillers(count, () => ({ excerpt: 'Hoàng hôn, biển sáng' }));
    const scatteredWords = flag('scattered', { title: 'Buổi sáng ở cảng cá', author: 'Hoàng Văn Minh' });
    const inNote = flag('note', { title: 'Bản đồ sai', note: 'Xoá quần đảo Hoàng Sa khỏi bản đồ' });
    const results = ids(new SearchIndex([scatteredWords, ...many, inNote]).search('hoang sa'));
    expect(results.indexOf('note')).toBeLessThan(results.indexOf('scattered'));
  });

  it('an exact word outranks a longer word it begins', () => {
    const exact = flag('exact', { title: 'Đảo Sơn Ca' });
    const longer = flag('longer', { title: 'Cát Son Cao' });
    expect(ids(new SearchIndex([longer, exact]).search('son ca'))[0]).toBe('exact');
  });
});

describe('SearchIndex stays current without a rebuild', () => {
  it('update: the new words are found, the old ones no longer', () => {
    const index = new SearchIndex(QUEUE);
    index.update({ ...QUEUE[0]!, title: 'Bản đồ sai về quần đảo Trường Sa' });
    expect(ids(index.search('xoa'))).toEqual([]);
    expect(ids(index.search('ban do sai'))).toEqual(['paracels']);
  });

  it('update of a note (saved as it is typed) makes it searchable', () => {
    const index = new SearchIndex(QUEUE);
    index.update({ ...QUEUE[2]!, note: 'Đã gửi nhóm phản bác' });
    expect(ids(index.search('nhom phan bac'))).toEqual(['spratlys']);
  });

  it('update without a text change still returns the new object (a status change shows)', () => {
    const index = new SearchIndex(QUEUE);
    const confirmed = { ...QUEUE[0]!, status: 'confirmed' as const };
    index.update(confirmed);
    expect(index.search('hoang sa')[0]).toBe(confirmed);
    expect(index.get('paracels')).toBe(confirmed);
  });

  it('an update keeps the record in its place among ties', () => {
    const index = new SearchIndex([flag('a', { title: 'Trường Sa' }), flag('b', { title: 'Trường Sa' }), flag('c', { title: 'Trường Sa' })]);
    index.update(flag('a', { title: 'Trường Sa', note: 'ghi chú' }));
    expect(ids(index.search('truong sa'))).toEqual(['a', 'b', 'c']);
  });

  it('remove: gone from every search; removing twice or an unknown id is harmless', () => {
    const index = new SearchIndex(QUEUE);
    index.remove(QUEUE[0]!);
    index.remove('paracels');
    index.remove('no-such-id');
    expect(ids(index.search('hoang sa'))).not.toContain('paracels');
    expect(index.search('xoa')).toEqual([]);
    expect(index.size).toBe(QUEUE.length - 1);
    expect(ids(index.search(''))).not.toContain('paracels');
  });

  it('add after remove (restored from the trash) finds it again; add of a known id updates', () => {
    const index = new SearchIndex(QUEUE);
    index.remove('paracels');
    index.add(QUEUE[0]!);
    expect(ids(index.search('hoang sa'))).toEqual(['paracels']);
    index.add({ ...QUEUE[0]!, title: 'Quần đảo Trường Sa' });
    expect(index.size).toBe(QUEUE.length);
    expect(index.search('xoa')).toEqual([]);
  });

  it('the same record object removed and added back is found again after a search had ranked it', () => {
    const index = new SearchIndex(QUEUE);
    expect(ids(index.search('hoang sa'))).toEqual(['paracels']);
    index.remove(QUEUE[0]!);
    index.add(QUEUE[0]!);
    expect(index.search('hoang sa')).toEqual([QUEUE[0]]);
  });

  it('sync makes it hold exactly a re-read list: new added, changed updated, missing removed', () => {
    const index = new SearchIndex(QUEUE);
    const reread = [{ ...QUEUE[1]! }, { ...QUEUE[0]!, title: 'Côn Đảo' }, flag('new', { title: 'Hoàng Sa hôm nay' })];
    index.sync(reread);
    expect(index.size).toBe(3);
    expect(ids(index.search('hoang sa'))).toEqual(['new']);
    expect(index.search('con dao')[0]).toBe(reread[1]);
    expect(index.search('giang thanh')[0]).toBe(reread[0]);
    expect(index.search('tau ca')).toEqual([]);
    expect(ids(index.search(''))).toEqual(['paracels', 'border', 'new']);
  });

  it('words first seen in a live add are found by prefix', () => {
    const index = new SearchIndex(QUEUE);
    index.add(flag('new', { title: 'Xuyên tạc về Côn Đảo' }));
    expect(ids(index.search('con da'))).toEqual(['new']);
  });
});

describe('searchFlags keeps its cached index in step with the list it is given', () => {
  it('edits, removals and additions between calls show at once', () => {
    expect(ids(searchFlags(QUEUE, 'hoang sa'))).toEqual(['paracels']);
    const edited = [{ ...QUEUE[0]!, title: 'Côn Đảo' }, ...QUEUE.slice(1, 3), flag('added', { title: 'Hoàng Sa hôm nay' })];
    expect(ids(searchFlags(edited, 'hoang sa'))).toEqual(['added']);
    expect(ids(searchFlags(edited, 'tau ca'))).toEqual([]);
    expect(searchFlags(edited, 'con dao')[0]).toBe(edited[0]);
  });
});

describe('searchWords folds and splits like foldForSearch plus a split at non-letters', () => {
  const reference = (text: string) => foldForSearch(text).match(/[\p{L}\p{N}]+/gu) ?? [];

  it('every character of the fast table folds as foldForSearch does', () => {
    for (const [from, to] of [[0, 0x370], [0x1e00, 0x1f00], [0x2000, 0x2070]] as const) {
      for (let code = from; code < to; code += 1) {
        const text = `a${String.fromCharCode(code)}b`;
        expect(searchWords(text), `U+${code.toString(16)}`).toEqual(reference(text));
      }
    }
  });

  it('any mix of Vietnamese letters, combining marks, punctuation and other scripts', () => {
    const pieces = ['Trường', 'SA', 'đảo', 'Đ', 'ư', '\u0301', '\u0323', 'a\u0300', ' ', ',', '“', '’', '-', '\u00a0', '\u200b', '42', 'Ω', 'ς', 'İ', 'ß', '🇻🇳', 'x'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(searchWords(text)).toEqual(reference(text));
      }),
    );
  });

  it('the index reads the same words from a record as searchWords does from a query', () => {
    const pieces = ['Trường', 'SA', 'đảo', 'ư', '\u0301', 'a\u0300', ' ', ',', '“', '-', '\u00a0', '42', 'Ω', '西沙', '🇻🇳', 'x'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 10 }), (parts) => {
        const text = parts.join('');
        const index = new SearchIndex([flag('one', { title: text, siteName: '' })]);
        for (const word of searchWords(text)) expect(ids(index.search(`${word} `)), word).toEqual(['one']);
        index.remove('one');
        expect(index.search(text.replace(/\s+/g, ' ').trim() || 'x')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('Han characters are words one by one', () => {
    expect(searchWords('西沙群岛 news')).toEqual(['西', '沙', '群', '岛', 'news']);
  });
});
