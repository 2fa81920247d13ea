// The one-pass matcher (lib/watchlist/scan-text.ts folds and matches in the
// same loop) against the plain approach it replaced: fold the whole text with
// foldText, search the folded string for every folded form, check the word
// boundaries on the folded string, map the hits back through foldText's map.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clusterEnd, foldForm, foldText } from '@/lib/watchlist/fold-text';
import { compileWatchlist, findTermHits, matchWatchlist, needsWordBoundary, termsFound, type TermHit } from '@/lib/watchlist/match-terms';
import type { WatchTerm } from '@/lib/watchlist/watchlist';

const NFD = (s: string) => s.normalize('NFD');

const WATCHLIST: WatchTerm[] = [
  { term: 'Hoàng Sa', variants: ['Hoang Sa'] },
  { term: 'Sa' },
  { term: 'Biển Đông', variants: ['Bien Dong'] },
  { term: 'Đông' },
  { term: '西沙', variants: ['西沙群岛'] },
  { term: 'Spratly', variants: ['Spratly Islands', 'Spratlys'] },
  { term: 'border post' },
  { term: 'Nam Du' },
  { term: 'Kiên Giang' },
  { term: 'Giang Thành' },
  { term: 'Kampot', variants: ['កំពត'] },
  { term: 'ព្រំដែន' },
  { term: 'nine-dash line', variants: ['九段线', 'u形线'] },
  { term: 'Straße' },
  { term: 'a' },
  { term: 'が' },
  { term: '𠀀西', variants: ['𝐀'] },
];

/** Text made of pieces that stress the fold: composed and decomposed Vietnamese, invisibles, odd spaces, marks, astral characters. */
const PIECES = [
  'Hoàng', NFD('Hoàng'), 'HOÀNG', 'Hoang', 'Sa', 'SA', 'Sang', 'Sa\u0301', 'Biển', NFD('Biển'), 'Đông', 'đông', 'ĐÔNG', NFD('Đông'), 'Dong',
  'Kiên', 'Giang', 'Thành', 'Nam', 'Du', 'Spratly', 's', 'Islands', 'border', 'post', 'Kampot', 'a', 'A', 'á', 'x', '9', '_',
  '西沙', '群岛', '西', '沙', '九段线', 'u', '形线', 'か', '\u3099', 'が', '𠀀', '𝐀', '😀', '\uD83D', '\uDE00',
  'កំពត', 'ព្រំដែន', 'ក', '\u17C6', '\u17D2',
  'ß', 'ẞ', 'Stra', 'e', 'ﬃ',
  ' ', '  ', '\u00A0', '\t', '\u3000', '\n', '\u200B', '\u00AD', '\uFEFF', '\u2060', '\u200E',
  '\u0301', '\u0300', '\u031B', '\u0323', '\u0483', '-', ',', '.', '’',
];
const textArbitrary = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((parts) => parts.join(''));

const WORD = /[\p{L}\p{N}_]/u;

interface ReferenceMatch {
  termId: number;
  termIds: number[];
  start: number;
  end: number;
}

/** The plain approach: the whole folded text, searched form by form. */
function reference(watchlist: WatchTerm[], text: string): { hits: TermHit[]; terms: string[] } {
  const names: string[] = [];
  const termIdsOfForm = new Map<string, number[]>();
  for (const term of watchlist) {
    let termId = names.indexOf(term.term);
    if (termId < 0) termId = names.push(term.term) - 1;
    for (const form of [term.term, ...(term.variants ?? [])]) {
      const folded = foldForm(form);
      if (!folded) continue;
      const ids = termIdsOfForm.get(folded) ?? [];
      if (!ids.includes(termId)) ids.push(termId);
      termIdsOfForm.set(folded, ids);
    }
  }
  const { folded, map } = foldText(text);
  const lastCodePoint = (s: string) => [...s].at(-1) ?? '';
  const firstCodePoint = (s: string) => [...s][0] ?? '';
  const matches: ReferenceMatch[] = [];
  for (const [form, ids] of termIdsOfForm) {
    for (let at = folded.indexOf(form); at >= 0; at = folded.indexOf(form, at + 1)) {
      const end = at + form.length;
      const before = lastCodePoint(folded.slice(Math.max(0, at - 2), at));
      const after = firstCodePoint(folded.slice(end, end + 2));
      if (needsWordBoundary(form) && (WORD.test(before) || WORD.test(after))) continue;
      matches.push({ termId: Math.min(...ids), termIds: ids, start: at, end });
    }
  }
  const seen = new Set(matches.flatMap((match) => match.termIds));
  const terms = names.filter((_, termId) => seen.has(termId));
  matches.sort((a, b) => a.start - b.start || b.end - a.end || a.termId - b.termId);
  const hits: TermHit[] = [];
  let reached = 0;
  for (const match of matches) {
    if (match.start < reached) continue;
    hits.push({ term: names[match.termId]!, start: map[match.start]!, end: clusterEnd(text, map[match.end - 1]!) });
    reached = match.end;
  }
  return { hits, terms };
}

describe('the one-pass scan', () => {
  const compiled = compileWatchlist(WATCHLIST);
  const sparse = compileWatchlist(WATCHLIST, { denseLimit: 0 });

  it('finds exactly what searching the whole folded text finds, on random Vietnamese/CJK/Khmer text', () => {
    fc.assert(
      fc.property(textArbitrary, (text) => {
        const expected = reference(WATCHLIST, text);
        expect(matchWatchlist(compiled, text)).toEqual(expected);
        expect(matchWatchlist(sparse, text)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees on arbitrary UTF-16, lone surrogates and all', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        expect(matchWatchlist(compiled, text)).toEqual(reference(WATCHLIST, text));
      }),
      { numRuns: 1000 },
    );
  });

  it.each<[string, string, [string, string][]]>([
    ['decomposed Đông at the very end (the boundary after it is the end of text)', NFD('phía Đông'), [['Đông', NFD('Đông')]]],
    ['a match right before an astral letter is not a whole word', 'Sa𝐀', []],
    ['a match right after an astral letter is not a whole word either', '𝐀Sa', []],
    ['…however long the match (the surrogate pair is still in the ring)', '𝐀Spratly Islands 𝐀Spratly Islands', []],
    ['an astral form matches as a substring', 'x𠀀西y', [['𠀀西', '𠀀西']]],
    ['ß folds to ss inside the term', 'STRASSE, Straße', [['Straße', 'STRASSE'], ['Straße', 'Straße']]],
    ['か and the combining voiced mark fold to が', 'か\u3099', [['が', 'か\u3099']]],
    ['a Latin mark between か and the voiced mark still gives が (NFD reorders them)', 'か\u0301\u3099', [['が', 'か\u0301\u3099']]],
    ['Khmer syllables with vowel signs and coeng match', 'ខេត្តកំពតនិងព្រំដែន', [['Kampot', 'កំពត'], ['ព្រំដែន', 'ព្រំដែន']]],
    ['a run of invisible characters and spaces inside a term', 'Nam\u200B \u00A0\u2060 Du', [['Nam Du', 'Nam\u200B \u00A0\u2060 Du']]],
    ['a single-letter term only as a word', 'a, ba, a.', [['a', 'a'], ['a', 'a']]],
  ])('%s', (_name, text, expected) => {
    expect(findTermHits(compiled, text).map((hit) => [hit.term, text.slice(hit.start, hit.end)])).toEqual(expected);
    expect(matchWatchlist(compiled, text)).toEqual(reference(WATCHLIST, text));
  });

  it('still matches characters of a watchlist with more distinct characters than the packed table holds', () => {
    // 17,000 one-character Chinese terms: classes past 2^14 take the general path.
    const many: WatchTerm[] = Array.from({ length: 17_000 }, (_, k) => ({ term: String.fromCharCode(0x4e00 + k) }));
    const list = compileWatchlist(many);
    const text = `x${String.fromCharCode(0x4e00 + 16_999)}y${String.fromCharCode(0x4e00 + 3)}`;
    expect(findTermHits(list, text)).toEqual([
      { term: String.fromCharCode(0x4e00 + 16_999), start: 1, end: 2 },
      { term: String.fromCharCode(0x4e00 + 3), start: 3, end: 4 },
    ]);
  });

  it('finds matches far into a long text, where the ring of recent units has wrapped many times', () => {
    const filler = 'người dân địa phương cho biết chợ phiên cuối tuần, ';
    const text = `${filler.repeat(2000)}Hoàng Sa ${filler.repeat(2000)}${NFD('Biển Đông')}`;
    expect(matchWatchlist(compiled, text)).toEqual(reference(WATCHLIST, text));
    expect(termsFound(compiled, text)).toEqual(['Hoàng Sa', 'Sa', 'Biển Đông', 'Đông']);
  });
});
