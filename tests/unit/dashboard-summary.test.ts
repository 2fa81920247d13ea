import { describe, expect, it } from 'vitest';
import { totalsOf } from '@/lib/dashboard/aggregate-flags';
import { briefingSummaryText, type SummaryWords } from '@/lib/dashboard/briefing-summary';
import type { FlagStatus } from '@/lib/flag-record';
import { sampleFlag } from './support/sample-flag';

const STATUS: Record<FlagStatus, string> = {
  new: 'Mới',
  confirmed: 'Đã xác minh',
  sent_to_rebuttal: 'Đã chuyển phản bác',
  rebutted: 'Đã phản bác',
  dismissed: 'Bỏ qua',
};

/** The Vietnamese wording, as the page builds it from the locale catalogue. */
const words: SummaryWords = {
  title: (period) => `Báo cáo theo dõi tin tức: ${period}`,
  unit: (name) => `Đơn vị: ${name}`,
  monitor: (name) => `Cán bộ theo dõi: ${name}`,
  stories: (count, change) => `Bài gắn cờ: ${count} (${change} so với kỳ trước)`,
  copies: (count, change) => `Bản sao: ${count} (${change} so với kỳ trước)`,
  status: (status) => STATUS[status],
  topHeading: 'Bài đáng chú ý:',
  storyCopies: (count) => `${count} bản sao`,
  severity: (level) => `mức ${level}`,
  category: (id) => ({ border: 'Biên giới đất liền', 'sovereignty-sea-islands': 'Chủ quyền biển, đảo' })[id] ?? id,
  date: (ms) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10).split('-').reverse().join('/'),
  number: (n) => n.toLocaleString('vi-VN'),
  empty: 'Không có bài nào được gắn cờ trong kỳ này.',
};

const vn = (iso: string) => Date.parse(`${iso}+07:00`);

const sea = sampleFlag({
  id: 'a',
  title: 'Bịa đặt tàu lạ chiếm đảo Song Tử Tây',
  siteName: 'Báo Đảo Xanh',
  url: 'https://baodaoxanh.example/song-tu-tay',
  capturedAt: vn('2026-11-23T08:15:00'),
  category: 'sovereignty-sea-islands',
  severity: 3,
  copyCount: 4,
  status: 'confirmed',
});
const border = sampleFlag({
  id: 'b',
  title: 'Xuyên tạc việc cắm mốc\nbiên giới   ở Giang Thành',
  siteName: 'Tiếng Vọng Biên Thùy',
  url: 'https://tiengvongbienthuy.example/cot-moc',
  capturedAt: vn('2026-11-24T06:30:00'),
  category: 'border',
  severity: 0,
  copyCount: 1,
  status: 'new',
});

describe('the copy-summary text', () => {
  it('holds the period, unit, monitor, totals with their change, statuses and the top stories with links', () => {
    const text = briefingSummaryText(
      {
        periodText: 'Tuần 48/2026 (23/11/2026 – 29/11/2026)',
        unitName: 'Sở Thông tin và Truyền thông tỉnh Kiên Giang',
        monitorName: 'Trần Thị Biển',
        totals: totalsOf([sea, border]),
        previous: totalsOf([sampleFlag({ copyCount: 1 })]),
        top: [sea, border],
      },
      words,
    );
    expect(text).toBe(
      [
        'Báo cáo theo dõi tin tức: Tuần 48/2026 (23/11/2026 – 29/11/2026)',
        'Đơn vị: Sở Thông tin và Truyền thông tỉnh Kiên Giang',
        'Cán bộ theo dõi: Trần Thị Biển',
        'Bài gắn cờ: 2 (+1 (+100%) so với kỳ trước)',
        'Bản sao: 5 (+4 (+400%) so với kỳ trước)',
        'Mới: 1 · Đã xác minh: 1',
        '',
        'Bài đáng chú ý:',
        '1. Bịa đặt tàu lạ chiếm đảo Song Tử Tây — Báo Đảo Xanh · 23/11/2026 · Chủ quyền biển, đảo · 4 bản sao · mức 3',
        '   https://baodaoxanh.example/song-tu-tay',
        '2. Xuyên tạc việc cắm mốc biên giới ở Giang Thành — Tiếng Vọng Biên Thùy · 24/11/2026 · Biên giới đất liền · 1 bản sao',
        '   https://tiengvongbienthuy.example/cot-moc',
      ].join('\n'),
    );
  });

  it('leaves out an unset unit and monitor, and says so when nothing was flagged', () => {
    const text = briefingSummaryText({ periodText: 'Tuần 1/2027', unitName: ' ', monitorName: '', totals: totalsOf([]), previous: totalsOf([sea]), top: [] }, words);
    expect(text).toBe('Báo cáo theo dõi tin tức: Tuần 1/2027\nKhông có bài nào được gắn cờ trong kỳ này.');
  });

  it('keeps page-derived text plain and short: markup stays text, long titles are cut with an ellipsis', () => {
    const long = sampleFlag({ title: `<b>${'Tin giả '.repeat(40)}</b>`, url: 'https://x.example/a' });
    const text = briefingSummaryText({ periodText: 'P', unitName: '', monitorName: '', totals: totalsOf([long]), previous: totalsOf([]), top: [long] }, words);
    const line = text.split('\n').find((l) => l.startsWith('1. '))!;
    expect(line).toContain('<b>Tin giả');
    expect(line.split(' — ')[0]!.length).toBeLessThanOrEqual(3 + 160);
    expect(line).toContain('…');
  });

  it('formats large numbers in the UI language', () => {
    const many = Array.from({ length: 1234 }, (_, i) => sampleFlag({ id: String(i) }));
    const text = briefingSummaryText({ periodText: 'P', unitName: '', monitorName: '', totals: totalsOf(many), previous: totalsOf([]), top: [] }, words);
    expect(text).toContain('Bài gắn cờ: 1.234 (+1.234 so với kỳ trước)');
  });
});
