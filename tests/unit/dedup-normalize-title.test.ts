import { describe, expect, it } from 'vitest';
import { decodeHtmlEntities, normalizeTitle } from '@/lib/dedup/normalize-title';

const BASE = 'cang ca moi o rach gia don 40 tau trong ngay dau';

describe('normalizeTitle', () => {
  it.each<[string, string, string | string[] | undefined, string]>([
    ['Vietnamese with diacritics', 'Cảng cá mới ở Rạch Giá đón 40 tàu trong ngày đầu', undefined, BASE],
    ['Vietnamese without diacritics', 'Cang ca moi o Rach Gia don 40 tau trong ngay dau', undefined, BASE],
    ['all caps', 'CẢNG CÁ MỚI Ở RẠCH GIÁ ĐÓN 40 TÀU TRONG NGÀY ĐẦU', undefined, BASE],
    ['decomposed (NFD) input', 'Cảng cá mới ở Rạch Giá đón 40 tàu trong ngày đầu'.normalize('NFD'), undefined, BASE],
    ['NBSP, doubled spaces and a trailing newline', '\u00A0Cảng cá mới  ở Rạch Giá đón 40 tàu trong ngày đầu\n', undefined, BASE],
    ['zero-width and bidi marks', 'Cảng cá mới ở Rạch\u200B Giá đón 40 tàu \u200Ftrong ngày đầu', undefined, BASE],
    ['outlet suffix " - Name"', 'Cảng cá mới ở Rạch Giá đón 40 tàu trong ngày đầu - Báo Sông Nước', 'Báo Sông Nước', BASE],
    ['outlet suffix " | Name"', 'Cảng cá mới ở Rạch Giá đón 40 tàu trong ngày đầu | Báo Sông Nước', 'Báo Sông Nước', BASE],
    ['outlet suffix " – Name" in capitals', 'Cảng cá mới ở Rạch Giá đón 40 tàu trong ngày đầu – BÁO SÔNG NƯỚC', 'Báo Sông Nước', BASE],
    ['outlet suffix " :: Name"', 'Cảng cá mới ở Rạch Giá đón 40 tàu trong ngày đầu :: Sông Nước', 'songnuoc.example', BASE],
    ['outlet named by its hostname only', 'Cảng cá mới ở Rạch Giá đón 40 tàu trong ngày đầu - Cổng Tin Sông Nước', ['songnuoc.example'], BASE],
    ['outlet prefix "Name | "', 'Báo Sông Nước | Cảng cá mới ở Rạch Giá đón 40 tàu trong ngày đầu', 'Báo Sông Nước', BASE],
    ['a domain as suffix', 'Cảng cá mới ở Rạch Giá đón 40 tàu trong ngày đầu - songnuoc.example.vn', undefined, BASE],
    ['"CẬP NHẬT:" prefix', 'CẬP NHẬT: Cảng cá mới ở Rạch Giá đón 40 tàu trong ngày đầu', undefined, BASE],
    ['"Cập nhật - " prefix', 'Cập nhật - Cảng cá mới ở Rạch Giá đón 40 tàu trong ngày đầu', undefined, BASE],
    ['"[Cập nhật]" prefix', '[Cập nhật] Cảng cá mới ở Rạch Giá đón 40 tàu trong ngày đầu', undefined, BASE],
    ['"UPDATE:" prefix', 'UPDATE: Cảng cá mới ở Rạch Giá đón 40 tàu trong ngày đầu', undefined, BASE],
    ['punctuation changes', 'Cảng cá mới (Rạch Giá): đón 40 tàu… trong ngày đầu!', undefined, 'cang ca moi rach gia don 40 tau trong ngay dau'],
    ['HTML entity for an apostrophe', 'Rach Gia&#8217;s new port &amp; its 40 boats', undefined, 'rach gias new port its 40 boats'],
    ['double-escaped entity', 'Rach Gia&amp;#8217;s new port', undefined, 'rach gias new port'],
    ['straight and curly apostrophes agree', "Rach Gia's new port", undefined, 'rach gias new port'],
    ['quotes do not matter', 'The “new” port opens', undefined, 'the new port opens'],
    ['markup inside a scraped title', 'New port <script>alert("x")</script> opens', undefined, 'new port alert x opens'],
    ['truncation with …', 'Cảng cá mới ở Rạch Giá đón 40…', undefined, 'cang ca moi o rach gia don 40…'],
    ['truncation with ... and a space', 'Cảng cá mới ở Rạch Giá đón ...', undefined, 'cang ca moi o rach gia don…'],
    ['truncation before an outlet suffix', 'Cảng cá mới ở Rạch Giá đón 40… - Báo Sông Nước', 'Báo Sông Nước', 'cang ca moi o rach gia don 40…'],
    ['Chinese, full-width space kept as a break', '渔港新开\u3000首日迎来四十艘渔船', undefined, '渔港新开 首日迎来四十艘渔船'],
    ['Chinese 【更新】 prefix', '【更新】渔港新开 首日迎来四十艘渔船', undefined, '渔港新开 首日迎来四十艘渔船'],
    ['Chinese 更新： prefix (full-width colon)', '更新：渔港新开 首日迎来四十艘渔船', undefined, '渔港新开 首日迎来四十艘渔船'],
    ['Chinese outlet suffix after "_"', '渔港新开 首日迎来四十艘渔船_南海渔讯', '南海渔讯', '渔港新开 首日迎来四十艘渔船'],
    ['English with an "Updated:" prefix and suffix', 'Updated: New fishing port opens in Rach Gia | Delta Daily Wire', 'Delta Daily Wire', 'new fishing port opens in rach gia'],
    ['emoji dropped', '🌊 Mùa biển êm ở Nam Du 🐚✨', undefined, 'mua bien em o nam du'],
    ['empty title', '', undefined, ''],
  ])('%s', (_name, title, site, expected) => {
    expect(normalizeTitle(title, site)).toBe(expected);
  });

  it('keeps a dash inside the headline when it is not the outlet', () => {
    expect(normalizeTitle('Quần đảo Nam Du – “Hạ Long phương Nam” vào mùa đẹp', 'Báo Sông Nước')).toBe(
      'quan dao nam du ha long phuong nam vao mua dep',
    );
  });

  it('never removes the whole title', () => {
    expect(normalizeTitle('Báo Sông Nước', 'Báo Sông Nước')).toBe('bao song nuoc');
  });
});

describe('decodeHtmlEntities', () => {
  it.each([
    ['&quot;x&quot;', '"x"'],
    ['&#x1F30A;', '🌊'],
    ['&unknown;', '&unknown;'],
    ['&#0;', '&#0;'],
  ])('%s', (input, expected) => {
    expect(decodeHtmlEntities(input)).toBe(expected);
  });
});
