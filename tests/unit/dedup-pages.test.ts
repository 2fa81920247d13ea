/**
 * Dedup on pages as the extension reads them: each fixture page (tests/fixtures/dedup/pages)
 * through capturePage, buildFlagRecord and saveFlag, as flagging it in the browser does. A copy
 * that shares the article but not its first paragraph must still join the story; an article that
 * only retells an earlier one must not.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveFlag } from '@/lib/db/flag-repository';
import type { CanhTinDatabase } from '@/lib/db/schema';
import { buildFlagRecord } from '@/lib/flagging/build-flag-record';
import { MAX_EXCERPT } from '@/lib/flag-record';
import { capturePage } from '@/lib/page/page-metadata';
import { sameLead, textFeatures } from '@/lib/dedup/similarity';
import { makeExcerpt } from '@/lib/page/readable-text';
import { htmlDocument } from './support/fixture-document';
import { testDatabase } from './support/test-database';

const PAGES = resolve(import.meta.dirname, '../fixtures/dedup/pages');

let flagged = 0;
/** Flags the page `file` as seen at `url`; returns the story it joined, if any, and what was stored. */
async function flagPage(db: CanhTinDatabase, file: string, url: string) {
  flagged += 1;
  const page = capturePage(htmlDocument(readFileSync(resolve(PAGES, file), 'utf8')), url);
  const record = buildFlagRecord(page, { id: `page-${flagged}`, now: Date.UTC(2026, 10, 25) + flagged * 60_000, monitor: 'Lan', trigger: 'popup' });
  return { record, saved: await saveFlag(db, record) };
}

describe('dedup of flagged pages', () => {
  it('joins a forum post that pastes the article under a paragraph of its own, but not a follow-up', async () => {
    const db = testDatabase();
    const original = await flagPage(db, 'bai-goc-cang-ca.html', 'https://giochuong.example/thoi-su/tin-don-cang-ca-tac-cau-bi-ban-4821.html');
    expect(original.saved.duplicateOf).toBeUndefined();

    const forum = await flagPage(db, 'dien-dan-dang-lai-cang-ca.html', 'https://mienbien.example/threads/cang-ca-tac-cau-bi-ban-that-a.5512/');
    // Its lead is the poster's own paragraph first, then the article.
    expect(forum.record.excerpt.startsWith('Sáng nay ra chợ')).toBe(true);
    expect(forum.saved.duplicateOf).toBe(original.record.id);

    const followUp = await flagPage(db, 'bai-tiep-theo-cang-ca.html', 'https://giochuong.example/thoi-su/xu-phat-tin-don-cang-ca-tac-cau-4877.html');
    expect(followUp.saved.duplicateOf).toBeUndefined();
  });

  it('joins a repost under its own headline when the original puts a standfirst above the article', async () => {
    const db = testDatabase();
    const original = await flagPage(db, 'ferry-original-standfirst.html', 'https://coastlineherald.example/travel/kep-phu-quoc-ferry');
    expect(original.record.excerpt.startsWith('Island hoppers can now sail')).toBe(true);
    const repost = await flagPage(db, 'ferry-repost-own-headline.html', 'https://gulftraveller.example/news/kep-phu-quoc-ferry-first-sailing');
    expect(repost.saved.duplicateOf).toBe(original.record.id);
  });
});

describe('dedup of flagged pages keeps apart what only shares a passage', () => {
  it('a rebuttal that quotes the false post it answers', async () => {
    const db = testDatabase();
    await flagPage(db, 'a-social-post-bai-truong.html', 'https://congdong.example/posts/88123');
    const rebuttal = await flagPage(db, 'a-rebuttal-bai-truong.html', 'https://baodaongoc.example/xa-hoi/bai-truong-sai-su-that-5521.html');
    expect(rebuttal.saved.duplicateOf).toBeUndefined();
  });

  it("two short items of one outlet that end with the same reader's hotline and subscription lines", async () => {
    const db = testDatabase();
    await flagPage(db, 'c-brief-chay-cho.html', 'https://bienthay.example/tin-ngan/chay-kiot-cho-rach-soi-101.html');
    const other = await flagPage(db, 'c-brief-tai-nan.html', 'https://bienthay.example/tin-ngan/va-cham-xe-tai-quoc-lo-80-102.html');
    expect(other.saved.duplicateOf).toBeUndefined();
  });

  it("two parts of a series that open with the same standing introduction", async () => {
    const db = testDatabase();
    const first = await flagPage(db, 'h-series-ky1.html', 'https://bienthay.example/phong-su/rung-phong-ho-ky-1-301.html');
    const second = await flagPage(db, 'h-series-ky2.html', 'https://bienthay.example/phong-su/rung-phong-ho-ky-2-302.html');
    // Their first paragraphs are the same: only what follows tells them apart.
    expect(second.record.excerpt.split('\n')[0]).toBe(first.record.excerpt.split('\n')[0]);
    expect(second.saved.duplicateOf).toBeUndefined();
  });

  it('but joins a short item syndicated under another closing', async () => {
    const db = testDatabase();
    const original = await flagPage(db, 'g-orig-tap-huan.html', 'https://bienthay.example/kinh-te/tap-huan-ngu-dan-rach-gia-220.html');
    const copy = await flagPage(db, 'g-synd-tap-huan.html', 'https://tinmientay24h.example/tap-huan-so-cuu-ngu-dan-kien-giang-9931.html');
    expect(copy.saved.duplicateOf).toBe(original.record.id);
  });
});

describe('sameLead on leads that run on', () => {
  const lede =
    'Một bài đăng trên mạng xã hội từ chiều 18/11 cho rằng cảng cá Tắc Cậu đã được bán cho một doanh nghiệp nước ngoài, kèm hình ảnh một tấm bảng dựng trước cổng cảng.';
  const article = `${lede}\nBan quản lý cảng cho biết tấm bảng trong ảnh là bảng quảng cáo của một đơn vị cung cấp lưới, được dựng tạm trong hội chợ thủy sản tuần trước và đã tháo dỡ. Cảng vẫn do nhà nước quản lý, chưa từng có chủ trương chuyển nhượng cho bất kỳ ai.`;

  it('matches a post elsewhere that pastes only the first paragraph and adds a line of its own', () => {
    const post = `${lede}\nNguồn: Báo Gió Chướng #kiengiang #cangca`;
    expect(sameLead(textFeatures(article), textFeatures(post), false).same).toBe(true);
  });

  it('on one site, asks for more than a shared first paragraph (a standing introduction)', () => {
    const otherPart = `${lede}\nKỳ 2: những chiếc ghe đánh cá rời cảng lúc nửa đêm, chở theo cả gia đình ngư dân ra khơi dài ngày. Phóng viên đã đi cùng một chuyến như thế, từ bến Tắc Cậu ra tới vùng biển quanh đảo Hòn Tre.`;
    expect(sameLead(textFeatures(article), textFeatures(otherPart), true).same).toBe(false);
  });
});

describe('sameLead with a lead of one paragraph (a record flagged before leads ran on, or an imported row)', () => {
  const first =
    'Một bài đăng trên mạng xã hội từ chiều 18/11 cho rằng cảng cá Tắc Cậu đã được bán cho một doanh nghiệp nước ngoài, kèm hình ảnh một tấm bảng dựng trước cổng cảng.';
  const rest = 'Ban quản lý cảng cho biết tấm bảng trong ảnh là bảng quảng cáo của một đơn vị cung cấp lưới, đã tháo dỡ sau hội chợ.';

  it('matches the same article read today, on its first paragraph', () => {
    expect(sameLead(textFeatures(first), textFeatures(`${first}\n${rest}`), false).same).toBe(true);
  });

  it('does not match another article that only quotes it further down', () => {
    const rebuttal = `Sở Thông tin và Truyền thông khẳng định thông tin về việc bán cảng cá là hoàn toàn bịa đặt, đề nghị người dân không chia sẻ.\n${first}\n${rest}`;
    expect(sameLead(textFeatures(first), textFeatures(rebuttal), false).same).toBe(false);
  });
});

describe('makeExcerpt', () => {
  const long = (words: number, word = 'biển') => Array.from({ length: words }, (_, n) => `${word}${n}`).join(' ');

  it('starts at the first paragraph of real length and runs on through the next ones', () => {
    const first = `Đoạn mở đầu có đủ độ dài để là một đoạn văn thật của bài báo, không phải dòng tít phụ.`;
    expect(makeExcerpt(`Thời sự\nHồng Nhung · 20/11\n${first}\nĐoạn hai ngắn.\nĐoạn ba.`)).toBe(`${first}\nĐoạn hai ngắn.\nĐoạn ba.`);
  });

  it('is cut at a word boundary, with "…", within what a record keeps', () => {
    const excerpt = makeExcerpt(`${long(60)}\n${long(200, 'đảo')}`);
    expect(excerpt.length).toBeLessThanOrEqual(MAX_EXCERPT);
    expect(excerpt.length).toBeGreaterThan(MAX_EXCERPT * 0.9);
    expect(excerpt.endsWith('…')).toBe(true);
    // The last word before "…" is whole.
    expect(excerpt.slice(0, -1).split(/\s/).at(-1)).toMatch(/^(biển|đảo)\d+$/);
    expect(`${long(60)}\n${long(200, 'đảo')}`.includes(excerpt.slice(0, -1))).toBe(true);
  });

  it('keeps a short text whole, and a text with no long paragraph from its start', () => {
    expect(makeExcerpt('Một dòng.\nHai dòng.')).toBe('Một dòng.\nHai dòng.');
    expect(makeExcerpt('')).toBe('');
  });
});
