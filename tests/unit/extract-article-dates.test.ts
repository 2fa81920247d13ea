import { describe, expect, it } from 'vitest';
import { parseArticleDate, parseZone, CHINA_OFFSET_MINUTES } from '@/lib/page/article-dates';
import { decideLanguage, primaryLanguage } from '@/lib/page/detect-language';

describe('parseArticleDate', () => {
  it.each([
    ['ISO with offset', '2024-11-05T07:45:00+07:00', '2024-11-05T07:45:00+07:00', false],
    ['ISO in UTC', '2024-10-08T03:00:00Z', '2024-10-08T03:00:00+00:00', false],
    ['ISO with fraction and compact offset', '2024-10-08T03:00:00.000+0700', '2024-10-08T03:00:00+07:00', false],
    ['ISO without zone', '2024-11-05T07:45:00', '2024-11-05T07:45:00+07:00', true],
    ['date only', '2024-11-05', '2024-11-05T00:00:00+07:00', true],
    ['VnExpress-style dateline', 'Thứ hai, 24/11/2026, 08:30 (GMT+7)', '2026-11-24T08:30:00+07:00', false],
    ['short Vietnamese dateline', '24/11/2026 08:30', '2026-11-24T08:30:00+07:00', true],
    ['time first, "ngày"', '20:30 ngày 15/12/2024 (GMT+7)', '2024-12-15T20:30:00+07:00', false],
    ['single-digit day and month', 'Thứ Ba, 5/11/2024, 07:45 (GMT+7)', '2024-11-05T07:45:00+07:00', false],
    ['dashes and "h"', '05-11-2024 - 7h45', '2024-11-05T07:45:00+07:00', true],
    ['long Vietnamese form', 'ngày 5 tháng 11 năm 2024', '2024-11-05T00:00:00+07:00', true],
    ['forum "lúc"', '16/12/2024 lúc 09:02', '2024-12-16T09:02:00+07:00', true],
    ['Chinese CMS meta', '2025-02-14 09:00:00', '2025-02-14T09:00:00+07:00', true],
    ['Chinese characters', '2025年2月14日 15:20', '2025-02-14T15:20:00+07:00', true],
    ['Beijing time', '2025年2月14日 15:20 北京时间', '2025-02-14T15:20:00+08:00', false],
    ['English, month first, GMT+7', 'December 2, 2024 10:00 AM GMT+7', '2024-12-02T10:00:00+07:00', false],
    ['English, day first', '2 Dec 2024, 18:45 GMT+7', '2024-12-02T18:45:00+07:00', false],
    ['English PM in GMT', 'October 8, 2024 3:00 PM GMT', '2024-10-08T15:00:00+00:00', false],
  ])('%s: %j', (_case, text, iso, assumed) => {
    expect(parseArticleDate(text)).toEqual({ iso, zoneAssumed: assumed });
  });

  it('uses the fallback zone given (a Chinese outlet\'s home zone)', () => {
    expect(parseArticleDate('2025-02-14 09:00:00', CHINA_OFFSET_MINUTES)?.iso).toBe('2025-02-14T09:00:00+08:00');
  });

  it.each(['', 'hôm qua', '2 giờ trước', '31/02/2024', '99/99/9999', '2024-13-01', 'x'.repeat(100_000)])('rejects %j', (text) => {
    expect(parseArticleDate(text)).toBeNull();
  });

  it('reads zones', () => {
    expect(parseZone('(GMT+7)')).toBe(420);
    expect(parseZone('UTC+08:00')).toBe(480);
    expect(parseZone('GMT-5')).toBe(-300);
    expect(parseZone('no zone here')).toBeNull();
  });

  it("keeps the milliseconds a page states, so the instant is the page's", () => {
    expect(parseArticleDate('2026-11-17T22:18:40.112Z')?.iso).toBe('2026-11-17T22:18:40.112+00:00');
    expect(parseArticleDate('2026-11-17T22:18:40.5+07:00')?.iso).toBe('2026-11-17T22:18:40.500+07:00');
    expect(parseArticleDate('2026-11-17T22:18:40.000+07:00')?.iso).toBe('2026-11-17T22:18:40+07:00');
  });

  it('reads zone abbreviations that name one offset, and only those', () => {
    expect(parseZone('November 20, 2026 12:05 PM SGT')).toBe(480);
    expect(parseZone('Nov 20, 2026, 11:30 PM EST')).toBe(-300);
    expect(parseArticleDate('20 Nov 2026 12:05 SGT')?.iso).toBe('2026-11-20T12:05:00+08:00');
    // IST is India's, Ireland's or Israel's; CST China's, Cuba's or the US's: no offset is guessed.
    expect(parseZone('12:05 IST')).toBeNull();
    expect(parseZone('12:05 CST')).toBeNull();
    // PST is the US Pacific's and the Philippines' (16 hours apart).
    expect(parseZone('November 20, 2026 10:15 PST')).toBeNull();
    // Not a zone in lower case.
    expect(parseZone('the best pst')).toBeNull();
  });
});

describe('language', () => {
  it('takes the primary subtag of declared tags', () => {
    expect(primaryLanguage('en-US')).toBe('en');
    expect(primaryLanguage('zh_CN')).toBe('zh');
    expect(primaryLanguage('')).toBeNull();
  });

  it.each([
    ['Vietnamese text declared English', 'Tàu cá gặp nạn gần quần đảo Trường Sa, bảy ngư dân được cứu an toàn.', 'en', 'vi'],
    ['English text mentioning Phú Quốc', 'The casino boom on Phú Quốc is turning the island into a hub for crime, residents say.', null, 'en'],
    ['Khmer headline over English body declared km', 'ផ្លូវឡានក្រុងថ្មី. The new daily bus links Kampot and Ha Tien and the trip takes two hours.', 'km', 'en'],
    ['Chinese text without lang', '三沙开通西沙旅游新航线 游客可登永乐群岛三座岛屿', null, 'zh'],
    ['French text declared French', 'Le nouveau bus relie Kampot et Hà Tiên en deux heures, selon les autorités.', 'fr', 'fr'],
    ['no letters', '12345 !!!', 'vi', 'vi'],
  ])('%s', (_case, text, declared, expected) => {
    expect(decideLanguage(text, declared)).toBe(expected);
  });
});
