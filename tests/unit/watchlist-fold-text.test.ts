import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clusterEnd, foldForm, foldText, originalRange } from '@/lib/watchlist/fold-text';

const NFD = (s: string) => s.normalize('NFD');

describe('foldText', () => {
  it.each([
    ['composed Vietnamese loses its tones and vowel marks', 'Trường Sa', 'truong sa'],
    ['decomposed (NFD) Vietnamese folds like composed', NFD('Trường Sa'), 'truong sa'],
    ['Đ and đ become d', 'Đường lưỡi bò ĐÔNG', 'duong luoi bo dong'],
    ['capitals of every accented vowel', 'HOÀNG SA, PHÚ QUỐC', 'hoang sa, phu quoc'],
    ['Chinese is unchanged', '西沙群岛和南海', '西沙群岛和南海'],
    ['Khmer keeps its vowel signs (not Latin marks)', 'កំពត ព្រំដែន', 'កំពត ព្រំដែន'],
    ['zero-width space inside a word disappears', 'Nam\u200BDu', 'namdu'],
    ['soft hyphen, BOM, word joiner, LRM/RLM and bidi controls disappear', 'N\u00ADa\uFEFFm\u2060 \u200E\u200F\u202AD\u202Eu\u2066\u2069', 'nam du'],
    ['NBSP and runs of spaces read as one space', 'Phú\u00A0Quốc  \t Kiên\u2009Giang', 'phu quoc kien giang'],
    ['a line feed stays a hard break', 'Phú\nQuốc', 'phu\nquoc'],
    ['casefold beyond toLowerCase: ß and ẞ become ss', 'Straße STRAẞE', 'strasse strasse'],
    ['French and German accents fold too', 'Kâmpôt Müller', 'kampot muller'],
  ])('%s', (_name, input, folded) => {
    expect(foldText(input).folded).toBe(folded);
  });

  it.each([
    ['composed', 'Lê Trường Sa'],
    ['decomposed', NFD('Lê Trường Sa')],
    ['with invisible characters', 'Lê\u200B Trư\u00ADờng\uFEFF Sa'],
    ['with an astral emoji before it', '🌊 Lê Trường Sa'],
  ])('maps every folded index back to its character (%s)', (_name, text) => {
    const { folded, map } = foldText(text);
    expect(map.length).toBe(folded.length);
    const at = folded.indexOf('truong sa');
    const { start, end } = originalRange(text, { map }, at, at + 'truong sa'.length);
    expect(text.slice(start, end).normalize('NFC').replace(/[\u200B\u00AD\uFEFF]/g, '')).toBe('Trường Sa');
  });

  it('keeps combining marks with their base letter in the original range', () => {
    const text = NFD('ờ');
    expect(text.length).toBe(3);
    expect(clusterEnd(text, 0)).toBe(3);
    expect(foldText(text)).toEqual({ folded: 'o', map: Int32Array.from([0]) });
  });

  it('never maps backwards, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const { folded, map } = foldText(text);
        expect(map.length).toBe(folded.length);
        for (let k = 1; k < map.length; k++) expect(map[k]!).toBeGreaterThanOrEqual(map[k - 1]!);
        for (const index of map) expect(index).toBeLessThan(text.length);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with the README rules (NFC, no invisibles, no Latin marks, đ→d, casefold) on Vietnamese-like text', () => {
    const reference = (s: string) =>
      s
        .normalize('NFC')
        .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '')
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[đĐ]/g, 'd')
        .normalize('NFC')
        .toLowerCase();
    const pieces = ['Trường', 'Sa', 'Đ', 'đ', 'Hoàng', ' ', '\u200B', '\u00AD', 'ộ', NFD('ữ'), '西沙', 'កំពត', 'A', 'z', '9', ',', '’'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(foldText(text).folded).toBe(reference(text).replace(/ {2,}/g, ' '));
      }),
      { numRuns: 300 },
    );
  });
});

describe('foldForm', () => {
  it.each([
    ['trims what the monitor typed around a term', '  Phú Quốc ', 'phu quoc'],
    ['a line break inside a form is a space', 'Biển\nĐông', 'bien dong'],
    ['a form of only invisible characters folds to nothing', '\u200B\u00AD', ''],
  ])('%s', (_name, form, folded) => {
    expect(foldForm(form)).toBe(folded);
  });
});
