// The content script's first look (mayContainTerms over the page body's whole
// textContent) must never say no where the real scan of the page's text nodes
// would find a hit: a missed term is the costly error. textContent holds every
// text node's text in document order, with other text between them (scripts,
// form fields, hidden parts); the scan sees the nodes' texts joined by newlines.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileWatchlist, findTermHits, mayContainTerms } from '@/lib/watchlist/match-terms';
import { joinSegments } from '@/lib/page/text-segments';
import type { WatchTerm } from '@/lib/watchlist/watchlist';

const NFD = (s: string) => s.normalize('NFD');

const WATCHLIST: WatchTerm[] = [
  { term: 'Hoàng Sa', variants: ['Hoang Sa'] },
  { term: 'Biển Đông', variants: ['Bien Dong'] },
  { term: '西沙', variants: ['西沙群岛'] },
  { term: 'Spratly', variants: ['Spratly Islands'] },
  { term: 'border post' },
  { term: 'Kampot', variants: ['កំពត'] },
  { term: 'nine-dash line', variants: ['九段线'] },
  { term: 'Straße' },
  { term: 'a' },
  { term: '𠀀西' },
  { term: 'ちか' },
  { term: 'سما' },
  { term: 'ربّ' },
  { term: '가' },
];
const compiled = compileWatchlist(WATCHLIST);

/** Pieces that stress folding at the seams between nodes: marks, invisibles, odd spaces, surrogates, ligatures. */
const PIECES = [
  'Hoàng', NFD('Hoàng'), 'HOÀNG', 'Hoang', 'Sa', 'Sang', 'Lê', 'Biển', NFD('Biển'), 'Đông', 'Dong', 'Spratly', 'Islands', 'border', 'post',
  'Kampot', 'កំពត', '\u17C6', 'a', 'á', 'x', '_', '9', '西沙', '群岛', '西', '沙', '九段线', '𠀀', '\uD840', '\uDC00', 'ß', 'ẞ', 'Stra', 'e', 'ﬃ',
  // Characters that join the previous one when normalised, and what they join.
  'ち', 'か', '\u3099', 'سما', 'ا', '\u0653', 'رب', '\u0651', '\u064E', '가', '\u11A8', '\u1161', 'ᄀ',
  'nine', '-dash', ' line', ' ', '  ', '\u00A0', '\t', '\n', '\u200B', '\u00AD', '\uFEFF', '\u0301', '\u0300', '\u0323', ',', '.',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((parts) => parts.join(''));
/** Few pieces, nodes side by side: what happens where one node's text ends and the next one's begins. */
const SEAM_PIECES = ['ちか', 'か', '\u3099', 'سما', '\u0653', 'رب', '\u0651', '\u064E', '가', '\u11A8', 'Hoàng', 'Hoàng Sa', ' Sa', 'Lê', '\u0301', 'a', ' ', '\u200B', '西', '沙'];
const seamText = fc.array(fc.constantFrom(...SEAM_PIECES), { maxLength: 3 }).map((parts) => parts.join(''));

describe('mayContainTerms, the probe of a page\'s whole text', () => {
  it('says yes whenever the scan of the text nodes finds a hit, whatever surrounds them', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ node: text, between: text }), { minLength: 1, maxLength: 6 }), (parts) => {
        const segments = parts.map((part) => part.node);
        const hits = findTermHits(compiled, joinSegments(segments).text);
        const whole = parts.map((part) => part.between + part.node).join('');
        if (hits.length > 0) expect(mayContainTerms(compiled, whole)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('says yes at the seams between nodes too, where the whole text joins characters the nodes keep apart', () => {
    fc.assert(
      fc.property(fc.array(seamText, { minLength: 2, maxLength: 4 }), (segments) => {
        if (findTermHits(compiled, joinSegments(segments).text).length > 0) expect(mayContainTerms(compiled, segments.join(''))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('says no for a page without any form of a term', () => {
    // Without the one-letter term "a", which is in nearly every text.
    const places = compileWatchlist(WATCHLIST.filter((term) => term.term !== 'a'));
    expect(mayContainTerms(places, 'Người dân địa phương cho biết chợ phiên cuối tuần năm nay đông vui hơn mọi năm. Hoàng Hà, Sapa.')).toBe(false);
    expect(mayContainTerms(places, '')).toBe(false);
  });

  it('finds terms across the seams textContent leaves between nodes, which only a closer look can rule out', () => {
    // "<span>Lê Hoàng Sang</span>": a substring, not a hit; the walk then finds nothing.
    expect(mayContainTerms(compiled, 'Lê Hoàng Sang')).toBe(true);
    expect(findTermHits(compiled, 'Lê Hoàng Sang')).toEqual([]);
    // "<b>Hoàng</b><i> Sa</i>": one piece of textContent, two nodes.
    expect(mayContainTerms(compiled, 'Hoàng' + ' Sa')).toBe(true);
  });

  it('cannot rule a term out where a node may begin with a character that joins the one before', () => {
    // <span>ちか</span><span>\u3099…</span>: the node holds "ちか", the whole text "ちが".
    expect(findTermHits(compiled, 'ちか\n\u3099')).not.toEqual([]);
    expect(mayContainTerms(compiled, 'ちか\u3099')).toBe(true);
    // Vietnamese written with combining marks is read for real: no term, no.
    const places = compileWatchlist(WATCHLIST.filter((term) => term.term !== 'a'));
    expect(mayContainTerms(places, 'Người dân địa phương'.normalize('NFD'))).toBe(false);
  });

  it('knows nothing when the watchlist is empty', () => {
    expect(mayContainTerms(compileWatchlist([]), 'Hoàng Sa')).toBe(false);
  });
});
