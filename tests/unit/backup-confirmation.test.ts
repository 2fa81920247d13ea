import { describe, expect, it } from 'vitest';
import { confirmationMatches } from '@/lib/backup/typed-confirmation';

describe('the typed confirmation before deleting everything', () => {
  it.each([
    ['XOÁ', 'XOÁ', true],
    ['xoá', 'XOÁ', true],
    ['  XOÁ ', 'XOÁ', true],
    // Keyboards put the tone mark on either vowel ("new" and "old" style): the same word.
    ['XÓA', 'XOÁ', true],
    ['xóa', 'XOÁ', true],
    // Decomposed input (macOS, some IMEs) is the same text.
    ['XO\u0041\u0301', 'XOÁ', true],
    ['XOA', 'XOÁ', false],
    ['XOÀ', 'XOÁ', false],
    ['XOÁ!', 'XOÁ', false],
    ['XOÁ HẾT', 'XOÁ', false],
    ['', 'XOÁ', false],
    ['   ', 'XOÁ', false],
    ['delete', 'DELETE', true],
    ['DELET', 'DELETE', false],
  ])('%j for %s: %s', (typed, word, expected) => {
    expect(confirmationMatches(typed, word)).toBe(expected);
  });
});
