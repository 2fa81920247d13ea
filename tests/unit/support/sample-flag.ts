import type { FlagRecord } from '@/lib/flag-record';

/** A complete, realistic flag; tests override what they are about. */
export function sampleFlag(overrides: Partial<FlagRecord> = {}): FlagRecord {
  return {
    id: '11111111-2222-4333-8444-555555555555',
    url: 'https://baodaoxanh.example/a?utm_source=zalo',
    canonicalUrl: 'https://baodaoxanh.example/a',
    title: 'Tàu cá gặp nạn gần Trường Sa',
    siteName: 'Báo Đảo Xanh',
    description: '',
    lang: 'vi',
    quote: '',
    foundOnUrl: '',
    capturedAt: Date.UTC(2026, 10, 24, 1, 30),
    lastFlaggedAt: Date.UTC(2026, 10, 24, 1, 30),
    timesFlagged: 1,
    monitor: 'Lan',
    trigger: 'popup',
    status: 'new',
    category: '',
    watchTerms: [],
    author: '',
    publishedAt: '',
    publishedAtZoneAssumed: false,
    modifiedAt: '',
    excerpt: '',
    wordCount: 0,
    copyCount: 1,
    severity: 0,
    tags: [],
    note: '',
    exportedAt: 0,
    ...overrides,
  };
}
