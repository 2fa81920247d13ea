import { describe, expect, it } from 'vitest';
import { normalizeTitle } from '@/lib/dedup/normalize-title';
import {
  numbersConflict,
  prefixCoverage,
  shingleOverlap,
  textFeatures,
  textNumbersConflict,
  titleNumbers,
  titleSimilarity,
  titleTokens,
} from '@/lib/dedup/similarity';

const tokens = (title: string, site?: string) => titleTokens(normalizeTitle(title, site));

describe('titleSimilarity', () => {
  it.each<[string, string, string, number, number]>([
    ['same headline, other case and diacritics', 'Cảng cá Vĩnh Quang đón 40 tàu', 'CANG CA VINH QUANG DON 40 TAU', 1, 1],
    ['same headline with a domain as outlet suffix', 'Cảng cá Vĩnh Quang đón 40 tàu - songnuoc.example.vn', 'Cảng cá Vĩnh Quang đón 40 tàu', 1, 1],
    ['one word changed in a long headline', 'New ferry links Rach Gia with the Tho Chu islands', 'New ferry connects Rach Gia with the Tho Chu islands', 0.85, 0.95],
    ['follow-up that starts with the same words', 'Cảng cá Vĩnh Quang đón 40 tàu trong ngày đầu', 'Cảng cá Vĩnh Quang đón 40 tàu trong ngày đầu: ngư dân phấn khởi', 0.7, 0.89],
    ['cut headline covering most of the full one', 'Cảng cá Vĩnh Quang đón 40 tàu trong ngày…', 'Cảng cá Vĩnh Quang đón 40 tàu trong ngày đầu', 0.8, 0.95],
    ['cut mid-word', 'Cảng cá Vĩnh Quang đón 40 tàu trong ngà…', 'Cảng cá Vĩnh Quang đón 40 tàu trong ngày đầu', 0.75, 0.9],
    ['cut headline that is not a prefix', 'Cảng cá Vĩnh Thuận đón…', 'Cảng cá Vĩnh Quang đón 40 tàu', 0, 0],
    ['a complete short headline is not a cut of a longer one', 'Cảng cá Vĩnh Quang', 'Cảng cá Vĩnh Quang đón 40 tàu', 0, 0.75],
    ['Chinese: same headline', '迪石至土珠群岛新渡轮首航', '迪石至土珠群岛新渡轮首航', 1, 1],
    ['Chinese: cut headline', '迪石至土珠群岛新渡…', '迪石至土珠群岛新渡轮首航', 0.7, 0.9],
    ['different headlines', 'Cháy tàu cá tại cảng An Thới', 'Giá cá ngừ hôm nay tăng nhẹ', 0, 0.3],
  ])('%s', (_name, a, b, min, max) => {
    const score = titleSimilarity(tokens(a), tokens(b));
    expect(score).toBeGreaterThanOrEqual(min);
    expect(score).toBeLessThanOrEqual(max);
    expect(titleSimilarity(tokens(b), tokens(a))).toBeCloseTo(score, 10);
  });
});

describe('prefixCoverage', () => {
  it('is zero when a word before the cut differs', () => {
    expect(prefixCoverage(['a', 'b', 'c'], ['a', 'x', 'c', 'd'])).toBe(0);
  });
  it('counts the surviving share of a cut last word', () => {
    expect(prefixCoverage(['ab', 'cd'], ['ab', 'cdef', 'gh', 'ij'])).toBeCloseTo((1 + 0.5) / 4, 10);
  });
});

describe('numbers in headlines', () => {
  it.each<[string, string, string, boolean]>([
    ['7 vs 5 fishermen: two incidents', 'Tàu cá gặp nạn, 7 ngư dân được cứu', 'Tàu cá gặp nạn, 5 ngư dân được cứu', true],
    ['daily series 5/3 vs 6/3', 'Giá cá ngừ hôm nay 5/3: tăng nhẹ', 'Giá cá ngừ hôm nay 6/3: tăng nhẹ', true],
    ['same numbers', 'Tàu KG-95211-TS: 7 ngư dân được cứu', 'Tau KG 95211 TS - 7 ngu dan duoc cuu', false],
    ['a repost adding the date', '7 ngư dân được cứu', 'Ngày 3/11: 7 ngư dân được cứu', false],
    ['one side without numbers', 'Ngư dân được cứu', '7 ngư dân được cứu', false],
    ['leading zeros do not matter', 'Bản tin số 07', 'Bản tin số 7', false],
  ])('%s', (_name, a, b, conflict) => {
    expect(numbersConflict(titleNumbers(tokens(a)), titleNumbers(tokens(b)))).toBe(conflict);
  });

  it('ignores the last, possibly cut, token of a truncated headline', () => {
    expect(titleNumbers(tokens('Giá cá ngừ hôm nay 5/3: tăng 20…'))).toEqual(['5', '3']);
  });
});

describe('lead-text shingles', () => {
  const lead =
    'Sáng 4/3/2025, cảng cá mới tại phường Vĩnh Quang, TP Rạch Giá chính thức đi vào hoạt động và đón 40 tàu cá cập bến trong ngày đầu.';

  it('a shorter cut of the same lead is contained in it', () => {
    const full = textFeatures(lead);
    const cut = textFeatures(`${lead.slice(0, 80)}…`);
    const overlap = shingleOverlap(cut.shingles, full.shingles);
    expect(overlap.containment).toBe(1);
    expect(overlap.shared).toBe(cut.shingles.length);
  });

  it('diacritics and case do not change the shingles', () => {
    const plain = textFeatures(lead.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').toUpperCase());
    expect(shingleOverlap(plain.shingles, textFeatures(lead).shingles).containment).toBe(1);
  });

  it('an unrelated lead shares almost nothing', () => {
    const other = textFeatures('Rạng sáng 25/2, hai tàu cá neo cạnh nhau tại cảng An Thới bốc cháy do chập điện, thiệt hại hơn 3 tỷ đồng.');
    expect(shingleOverlap(other.shingles, textFeatures(lead).shingles).containment).toBeLessThan(0.2);
  });

  it('Chinese leads are shingled by characters', () => {
    const zh = '记者从有关部门获悉，连接迪石与土珠群岛的新渡轮周一首航，航程缩短至九小时。';
    const features = textFeatures(zh);
    expect(features.shingles.length).toBeGreaterThan(20);
    expect(shingleOverlap(textFeatures(zh.slice(0, 20)).shingles, features.shingles).containment).toBe(1);
  });

  it('numbers stated in a boilerplate lead must agree', () => {
    const a = textFeatures('Sáng 5/3, giá cá ngừ dao động 95.000 đồng/kg, tăng 2.000 đồng so với hôm qua.');
    const b = textFeatures('Sáng 6/3, giá cá ngừ dao động 97.000 đồng/kg, tăng 2.000 đồng so với hôm qua.');
    expect(textNumbersConflict(a.numbers, b.numbers)).toBe(true);
    expect(textNumbersConflict(a.numbers, a.numbers)).toBe(false);
  });
});
