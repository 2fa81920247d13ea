/**
 * Deduplication in real Chromium: one article flagged under three URL variants
 * and reposted on another site (another host name) is one story with its
 * copies; the monitor is told "already flagged"; a wrong merge is split out and
 * a missed one merged by hand, both undoable; the CSV lists every copy.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseCsv } from '../../lib/csv/parse-csv';
import { launchExtension, openPopupWindow, type ExtensionSession } from './support/extension';

const TITLE = 'Lan truyền “bản đồ mới” xoá quần đảo Trường Sa khỏi lãnh thổ';
const OTHER_TITLE = 'Why Hanoi’s protests over the Spratlys ring hollow';
let session: ExtensionSession;
let repostOrigin = '';

async function openQueue(): Promise<Page> {
  const popup = await session.openExtensionPage('popup.html');
  await popup.locator('.queue-list, .empty').first().waitFor();
  return popup;
}

const titles = (popup: Page) => popup.locator('.queue-item .title').allTextContents();

beforeAll(async () => {
  session = await launchExtension({ uiLanguage: 'vi' });
  // The same server under another host name: a different site to the browser.
  repostOrigin = session.origin.replace('127.0.0.1', 'localhost');
});

afterAll(async () => {
  await session?.close();
});

describe('one story, many addresses', () => {
  it('three URL variants of the article are one story', async () => {
    const ids = [];
    for (const query of ['?utm_source=facebook&utm_medium=social', '?fbclid=IwAR0abc#binh-luan', '?zarsrc=30&utm_campaign=zalo']) {
      const page = await session.context.newPage();
      await page.goto(`${session.origin}/tin-gia-ban-do-truong-sa.html${query}`);
      const response = await session.flagTab(await session.tabIdOf(page));
      expect(response.ok).toBe(true);
      ids.push((response as { id: string }).id);
      await page.close();
    }
    expect(new Set(ids).size).toBe(1);
    const popup = await openQueue();
    expect(await titles(popup)).toEqual([TITLE]);
    await expect(popup.locator('.queue-item .times').textContent()).resolves.toBe('gắn cờ 3 lần');
    await popup.close();
  });

  it('a repost on another site is recognised: "already flagged", shown as a copy of the story', async () => {
    const repost = await session.context.newPage();
    await repost.goto(`${repostOrigin}/repost-ban-do-truong-sa.html?utm_source=zalo`);
    const popup = await openPopupWindow(session, repost);
    await popup.getByRole('button', { name: 'Gắn cờ trang này' }).click();
    await expect
      .poll(() => popup.getByRole('status').first().textContent())
      .toMatch(/^Đã gắn cờ trước đó: 2 bản sao, lần đầu \d{2}\/\d{2} bởi \(chưa rõ\)\. Xem trong danh sách$/);
    await popup.getByRole('button', { name: 'Xem trong danh sách' }).click();
    await expect(popup.locator('.queue-item.highlighted .title').textContent()).resolves.toBe(TITLE);
    expect(await titles(popup)).toEqual([TITLE]);

    await popup.locator('.copies summary').click();
    const copies = popup.locator('.copy');
    await expect.poll(() => copies.count()).toBe(2);
    await expect(copies.nth(0).locator('.copy-url').textContent()).resolves.toBe('Báo Đảo Xanh');
    await expect(copies.nth(0).locator('.copy-seen').textContent()).resolves.toMatch(/, 3 lần, bởi/);
    await expect(copies.nth(1).locator('.copy-url').getAttribute('href')).resolves.toBe(`${repostOrigin}/repost-ban-do-truong-sa.html?utm_source=zalo`);
    await expect(copies.nth(1).locator('.copy-match').textContent()).resolves.toBe('(cùng tiêu đề)');
    await popup.close();
    await repost.close();
  });

  it('a wrongly merged copy is split out into its own story, and undo puts it back', async () => {
    const popup = await openQueue();
    await popup.locator('.copies summary').click();
    await popup.getByRole('button', { name: `Tách bản sao ${repostOrigin}/repost-ban-do-truong-sa.html?utm_source=zalo thành bài riêng` }).click();
    await expect.poll(() => titles(popup)).toHaveLength(2);
    await expect(popup.locator('.undo-bar').textContent()).resolves.toContain('Đã tách bản sao thành bài riêng.');
    await popup.getByRole('button', { name: 'Hoàn tác' }).click();
    await expect.poll(() => titles(popup)).toEqual([TITLE]);
    await expect(popup.locator('.copies summary').textContent()).resolves.toBe('2 bản sao');
    await popup.close();
  });

  it('two stories merged by hand become one, and undo separates them again', async () => {
    const other = await session.context.newPage();
    await other.goto(`${session.origin}/spratly-protests-analysis.html`);
    expect(await session.flagTab(await session.tabIdOf(other))).toMatchObject({ ok: true });
    await other.close();

    const popup = await openQueue();
    await expect.poll(() => titles(popup)).toEqual([OTHER_TITLE, TITLE]);
    await popup.getByLabel(`Chọn “${TITLE}”`).check();
    await popup.getByLabel(`Chọn “${OTHER_TITLE}”`).check();
    await popup.getByRole('button', { name: 'Gộp 2 bài đã chọn' }).click();
    await expect.poll(() => titles(popup)).toEqual([TITLE]);
    await expect(popup.locator('.copies summary').textContent()).resolves.toBe('3 bản sao');
    await popup.getByRole('button', { name: 'Hoàn tác' }).click();
    await expect.poll(() => titles(popup)).toEqual([OTHER_TITLE, TITLE]);
    await expect(popup.locator('.copies summary').textContent()).resolves.toBe('2 bản sao');
    await popup.close();
  });

  it('the CSV has one row per story with its number of copies and every copy URL', async () => {
    const popup = await openQueue();
    await popup.getByLabel('Xuất CSV cho').selectOption({ label: 'Tất cả' });
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: 'Xuất CSV' }).click()]);
    const [header, ...rows] = parseCsv((await readFile((await download.path())!)).toString('utf8'));
    const keys = header!.cells;
    const row = rows.map((r) => Object.fromEntries(keys.map((k, i) => [k, r.cells[i]]))).find((r) => r.title === TITLE)!;
    expect(rows).toHaveLength(2);
    expect(row.copies).toBe('2');
    expect(row.copy_urls!.split('\n')).toEqual([
      `${session.origin}/tin-gia-ban-do-truong-sa.html?utm_source=facebook&utm_medium=social`,
      `${repostOrigin}/repost-ban-do-truong-sa.html?utm_source=zalo`,
    ]);
    expect(row.times_flagged).toBe('4');
    await popup.close();
  });
});
