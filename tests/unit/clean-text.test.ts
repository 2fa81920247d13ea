import { describe, expect, it } from 'vitest';
import { capLength, cleanMultiLine, cleanSingleLine } from '@/lib/text/clean-text';

describe('cleanSingleLine', () => {
  it.each([
    ['collapses newlines and runs of spaces', '  Tàu cá\n\n gặp   nạn  ', 'Tàu cá gặp nạn'],
    ['removes zero-width characters inside words', 'Nam\u200B Du', 'Nam Du'],
    ['removes a bidi override', 'abc\u202Edef', 'abcdef'],
    ['removes BOM, soft hyphen and control characters', '\uFEFFHo\u00ADàng\u0007 Sa', 'Hoàng Sa'],
    ['composes decomposed Vietnamese (NFD → NFC)', 'Tru\u031Bo\u031B\u0300ng Sa', 'Trường Sa'],
    ['keeps emoji', 'Biển 🌊 đảo', 'Biển 🌊 đảo'],
    ['non-strings become empty', 42, ''],
  ])('%s', (_name, input, expected) => {
    expect(cleanSingleLine(input)).toBe(expected);
  });

  it('caps the length', () => {
    expect(cleanSingleLine('x'.repeat(5000)).length).toBe(1000);
  });
});

describe('cleanMultiLine', () => {
  it('keeps paragraph breaks but squeezes blank lines', () => {
    expect(cleanMultiLine('a  b\r\n\r\n\r\n\r\nc\u200B')).toBe('a b\n\nc');
  });
});

describe('capLength', () => {
  it('never splits an emoji (surrogate pair)', () => {
    expect(capLength('ab😀', 3)).toBe('ab');
  });
});
