import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileWatchlist, findTermHits, matchWatchlist, termsFound } from '@/lib/watchlist/match-terms';
import { foldForm } from '@/lib/watchlist/fold-text';
import type { WatchTerm } from '@/lib/watchlist/watchlist';

const WATCHLIST: WatchTerm[] = [
  { term: 'Hoàng Sa', variants: ['Hoang Sa'] },
  { term: 'Paracel', variants: ['Paracels', 'Paracel Islands'] },
  { term: '西沙', variants: ['西沙群岛', '西沙群島'] },
  { term: 'Trường Sa' },
  { term: 'Spratly', variants: ['Spratlys', 'Spratly Islands'] },
  { term: 'Nam Du' },
  { term: 'Kampot', variants: ['កំពត'] },
  { term: 'ព្រំដែន' },
  { term: 'vịnh Thái Lan', variants: ['Gulf of Thailand'] },
  { term: 'border marker', variants: ['border post'] },
  { term: 'Kiên Giang' },
  { term: 'Giang Thành' },
  { term: 'nine-dash line', variants: ['9-dash line'] },
  { term: 'biên giới' },
];
const compiled = compileWatchlist(WATCHLIST);

/** Each hit as the text it covers, to read the table below at a glance. */
function covered(text: string): [string, string][] {
  return findTermHits(compiled, text).map((hit) => [hit.term, text.slice(hit.start, hit.end)]);
}

describe('findTermHits', () => {
  it.each<[string, string, [string, string][]]>([
    ['a person named Hoàng Sang is not Hoàng Sa', 'Ông Lê Hoàng Sang phát biểu.', []],
    ['…but Hoàng Sa after him is', 'Lê Hoàng Sang nói về Hoàng Sa.', [['Hoàng Sa', 'Hoàng Sa']]],
    ['a term typed without diacritics matches text with them', 'Quần đảo HOÀNG SA', [['Hoàng Sa', 'HOÀNG SA']]],
    ['English text without diacritics hits the Vietnamese term', 'near Truong Sa islands', [['Trường Sa', 'Truong Sa']]],
    ['Trường Sa Lớn contains Trường Sa', 'đảo Trường Sa Lớn', [['Trường Sa', 'Trường Sa']]],
    ['a possessive after a curly apostrophe still counts', 'Kampot’s pepper', [['Kampot', 'Kampot']]],
    ['letters glued to a Latin term break it', 'Kampotian, XKampot, Kampot2', []],
    ['an accented letter is a letter for boundaries', 'Kampoté', []],
    ['zero-width space inside a term does not break it', 'Quần đảo Nam\u200B Du', [['Nam Du', 'Nam\u200B Du']]],
    ['soft hyphen inside a term does not break it', 'Nam\u00AD Du', [['Nam Du', 'Nam\u00AD Du']]],
    ['NBSP between words is a space', 'Nam\u00A0Du', [['Nam Du', 'Nam\u00A0Du']]],
    ['the longest form wins at a position', 'the Spratly Islands and Spratlys', [['Spratly', 'Spratly Islands'], ['Spratly', 'Spratlys']]],
    ['a plural variant, not the singular inside it', 'the Paracels', [['Paracel', 'Paracels']]],
    ['overlapping terms: the earlier, longer one is highlighted', 'Kiên Giang Thành', [['Kiên Giang', 'Kiên Giang']]],
    ['a variant in another language hits the term', 'the Gulf of Thailand', [['vịnh Thái Lan', 'Gulf of Thailand']]],
    ['literal rules: "Border Post" is a border marker variant', 'Via Angkor Border Post.', [['border marker', 'Border Post']]],
    ['Chinese matches as a substring, longest form first', '游客登上西沙群岛，西沙', [['西沙', '西沙群岛'], ['西沙', '西沙']]],
    ['traditional characters through a variant', '西沙群島', [['西沙', '西沙群島']]],
    ['Khmer matches as a substring', 'ខេត្តកំពតនិងព្រំដែន', [['Kampot', 'កំពត'], ['ព្រំដែន', 'ព្រំដែន']]],
    ['hyphenated forms', 'the nine-dash line and 9-dash line', [['nine-dash line', 'nine-dash line'], ['nine-dash line', '9-dash line']]],
    ['a line feed is not a space (no hit across two text nodes)', 'Nam\nDu', []],
    ['empty text', '', []],
  ])('%s', (_name, text, expected) => {
    expect(covered(text)).toEqual(expected);
  });

  it('maps offsets back in decomposed (NFD) Vietnamese', () => {
    const text = 'Tàu cá gặp nạn gần quần đảo Trường Sa, biên giới Kiên Giang'.normalize('NFD');
    const hits = findTermHits(compiled, text);
    expect(hits.map((hit) => [hit.term, text.slice(hit.start, hit.end).normalize('NFC')])).toEqual([
      ['Trường Sa', 'Trường Sa'],
      ['biên giới', 'biên giới'],
      ['Kiên Giang', 'Kiên Giang'],
    ]);
    // The trailing combining marks of "giới" belong to the hit.
    const border = hits[1]!;
    expect(text.slice(border.end, border.end + 1)).toBe(' ');
  });

  it('returns hits sorted and non-overlapping, whatever the text', () => {
    const alphabet = ['Hoàng', ' ', 'Sa', 'Sang', 'Kiên', 'Giang', 'Thành', '西沙', '群岛', '\u200B', 'Nam', 'Du', '.', 'Spratly', 's', 'Islands'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        const hits = findTermHits(compiled, text);
        for (let k = 0; k < hits.length; k++) {
          const hit = hits[k]!;
          expect(hit.start).toBeLessThan(hit.end);
          expect(hit.end).toBeLessThanOrEqual(text.length);
          if (k > 0) expect(hit.start).toBeGreaterThanOrEqual(hits[k - 1]!.end);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('termsFound', () => {
  it('lists distinct terms in watchlist order, each once', () => {
    expect(termsFound(compiled, 'Kampot, Hoàng Sa, Kampot and 西沙群岛')).toEqual(['Hoàng Sa', '西沙', 'Kampot']);
  });

  it('counts a term overlapped by a longer hit of another term (any form occurring is a hit)', () => {
    const text = 'huyện Kiên Giang Thành';
    expect(findTermHits(compiled, text).map((hit) => hit.term)).toEqual(['Kiên Giang']);
    expect(termsFound(compiled, text)).toEqual(['Kiên Giang', 'Giang Thành']);
  });

  it('gives the same answers through matchWatchlist', () => {
    const text = 'Spratly Islands, Hoàng Sa, biên giới';
    expect(matchWatchlist(compiled, text)).toEqual({ hits: findTermHits(compiled, text), terms: termsFound(compiled, text) });
  });
});

describe('compileWatchlist', () => {
  it('ignores empty terms and forms that fold to nothing', () => {
    const list = compileWatchlist([{ term: '  ' }, { term: 'Phú Quốc', variants: ['', '\u200B'] }]);
    expect(list.terms).toEqual(['Phú Quốc']);
    expect(termsFound(list, 'Phu Quoc')).toEqual(['Phú Quốc']);
  });

  it('merges a term listed twice (in two groups) into one', () => {
    const list = compileWatchlist([
      { term: 'Hà Tiên', group: 'province' },
      { term: 'Hà Tiên', variants: ['ហាទៀង'], group: 'border' },
    ]);
    expect(list.terms).toEqual(['Hà Tiên']);
    expect(termsFound(list, 'ហាទៀង')).toEqual(['Hà Tiên']);
  });

  it('reports a form shared by two terms under both', () => {
    const list = compileWatchlist([{ term: 'Biển Đông' }, { term: 'East Sea', variants: ['Bien Dong'] }]);
    expect(termsFound(list, 'Bien Dong')).toEqual(['Biển Đông', 'East Sea']);
    expect(findTermHits(list, 'Bien Dong')).toEqual([{ term: 'Biển Đông', start: 0, end: 9 }]);
  });

  it('finds the same hits without the transition table (huge watchlists)', () => {
    const sparse = compileWatchlist(WATCHLIST, { denseLimit: 0 });
    const alphabet = ['Hoàng', ' ', 'Sa', 'Sang', 'Kiên', 'Giang', 'Thành', '西沙', '群岛', 'Spratly', 's', 'Islands', 'Gulf of', 'Thailand'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        expect(matchWatchlist(sparse, text)).toEqual(matchWatchlist(compiled, text));
      }),
      { numRuns: 200 },
    );
  });

  it('matches nothing with an empty watchlist', () => {
    expect(findTermHits(compileWatchlist([]), 'Hoàng Sa')).toEqual([]);
  });

  it('finds every one of many terms in one pass', () => {
    const many: WatchTerm[] = Array.from({ length: 300 }, (_, i) => ({ term: `term${i} x` }));
    const list = compileWatchlist(many);
    const text = many.map((t) => t.term).join(', ');
    expect(termsFound(list, text)).toHaveLength(300);
  });
});

describe('the README reference rules on the fixture pages', () => {
  // Python's reference, transcribed: fold both sides, \w boundaries for forms with a-z.
  function referenceTerms(watchlist: WatchTerm[], text: string): string[] {
    const folded = foldForm(text);
    return watchlist
      .filter((term) =>
        [term.term, ...(term.variants ?? [])].some((form) => {
          const f = foldForm(form);
          if (!f) return false;
          if (!/[a-z]/.test(f)) return folded.includes(f);
          const escaped = f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          return new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, 'u').test(folded);
        }),
      )
      .map((term) => term.term);
  }

  const dir = resolve(import.meta.dirname, '../fixtures/watchlist');
  const watchlist = JSON.parse(readFileSync(resolve(dir, 'watchlist.json'), 'utf8')) as WatchTerm[];
  const list = compileWatchlist(watchlist);

  it.each([
    'Ông Lê Hoàng Sang, Nam\u200B Du và Trường Sa Lớn',
    'Via Angkor Border Post. Kampot’s pepper, ផ្លូវឡានក្រុងថ្មី ភ្ជាប់កំពត និងហាទៀង',
    '三沙开通西沙旅游新航线，尊重九段线内中国的历史性权利',
    'HOÀNG SA, PHU QUOC, vùng đặc quyền kinh tế, exclusive economic zones',
  ])('agrees with the reference on %j', (text) => {
    expect(termsFound(list, text)).toEqual(referenceTerms(watchlist, text));
  });
});
