/**
 * The walking skeleton in real Chromium: flag pages through the popup button
 * and the automation message, see them in the popup queue, change a status,
 * delete and undo, export CSV and read the downloaded file back.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseCsv } from '../../lib/csv/parse-csv';
import { launchExtension, openPopupWindow, type ExtensionSession } from './support/extension';

const VI_TITLE = 'Lan truyền “bản đồ mới” xoá quần đảo Trường Sa khỏi lãnh thổ';
const VI_CANONICAL = 'https://baodaoxanh.example/bien-dao/lan-truyen-ban-do-moi-xoa-truong-sa-t12345.html';
const EN_TITLE = 'Why Hanoi’s protests over the Spratlys ring hollow';
const FORMULA_TITLE = '=HYPERLINK("http://tai-ban-do.example/","Tải bản đồ") <script>alert("x")</script>, "mới"';

let session: ExtensionSession;
let firstFlagId = '';
let exportedCsvPath = '';

async function openArticle(path: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(session.origin + path);
  return page;
}

async function openQueue(): Promise<Page> {
  const popup = await session.openExtensionPage('popup.html');
  await popup.locator('.queue-list, .empty').first().waitFor();
  return popup;
}

function queueTitles(popup: Page): Promise<string[]> {
  return popup.locator('.queue-item .title').allTextContents();
}

beforeAll(async () => {
  session = await launchExtension({ uiLanguage: 'vi' });
});

afterAll(async () => {
  await session?.close();
});

describe('flagging a page', () => {
  it('the monitor sets their name in Settings, and it stays set', async () => {
    const options = await session.openExtensionPage('options.html');
    await options.getByLabel('Tên cán bộ theo dõi').fill('Trần Thị Biển');
    await options.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => options.getByRole('status').textContent()).toContain('Đã lưu.');
    await options.reload();
    await expect.poll(() => options.getByLabel('Tên cán bộ theo dõi').inputValue()).toBe('Trần Thị Biển');
    await options.close();
  });

  it('the popup button "Gắn cờ trang này" flags the article the monitor is reading', async () => {
    const article = await openArticle('/tin-gia-ban-do-truong-sa.html?utm_source=facebook&fbclid=IwAR0x');
    const popup = await openPopupWindow(session, article);
    await popup.getByRole('button', { name: 'Gắn cờ trang này' }).click();
    await expect.poll(() => popup.getByRole('status').first().textContent()).toBe('Đã gắn cờ. Xem trong danh sách');
    // The queue in the same popup updates live.
    await expect.poll(() => queueTitles(popup)).toEqual([VI_TITLE]);
    await expect(popup.locator('.queue-item .outlet').textContent()).resolves.toBe('Báo Đảo Xanh');
    firstFlagId = (await popup.locator('.queue-item').getAttribute('data-flag-id')) ?? '';
    expect(firstFlagId).toMatch(/^[0-9a-f-]{36}$/);
    await popup.close();
    await article.close();
  });

  it('the automation message answers "already flagged" for the same article under another URL variant', async () => {
    const article = await openArticle('/tin-gia-ban-do-truong-sa.html?utm_campaign=zalo#binh-luan');
    const response = await session.flagTab(await session.tabIdOf(article));
    expect(response).toEqual({ ok: true, id: firstFlagId, duplicateOf: firstFlagId });
    await article.close();
  });

  it('flags the selected text as a quote', async () => {
    const article = await openArticle('/spratly-protests-analysis.html');
    await article.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('claim')!);
      window.getSelection()!.addRange(range);
    });
    const response = await session.flagTab(await session.tabIdOf(article));
    expect(response).toMatchObject({ ok: true });
    expect(response).not.toHaveProperty('duplicateOf');
    await article.close();
  });

  it('refuses a page that is not a web page, with a clear error', async () => {
    const options = await session.openExtensionPage('options.html#not-an-article');
    const response = await session.flagTab(await session.tabIdOf(options));
    expect(response).toEqual({ ok: false, error: 'unreadable-page' });
    await options.close();
  });

  it('ignores a malformed automation message', async () => {
    const helper = await session.openExtensionPage('options.html');
    const response = await helper.evaluate(() => chrome.runtime.sendMessage({ type: 'flag-tab', tabId: 'all' }));
    expect(response).toEqual({ ok: false, error: 'invalid-message' });
    await helper.close();
  });
});

declare const chrome: typeof import('wxt/browser').browser;

describe('the popup queue', () => {
  it('lists flags newest first with title, outlet, time, quote and times flagged', async () => {
    const popup = await openQueue();
    expect(await queueTitles(popup)).toEqual([EN_TITLE, VI_TITLE]);
    const [english, vietnamese] = await popup.locator('.queue-item').all();
    await expect(english!.locator('.outlet').textContent()).resolves.toBe('Reef Report');
    await expect(english!.locator('.quote').textContent()).resolves.toContain('Hanoi has no historical basis');
    await expect(vietnamese!.locator('time').textContent()).resolves.toMatch(/\d{1,2}:\d{2}/);
    await expect(vietnamese!.locator('.times').textContent()).resolves.toBe('gắn cờ 2 lần');
    // Clicking the title opens the article as visited.
    const opened = session.context.waitForEvent('page');
    await vietnamese!.locator('.title').click();
    const articleTab = await opened;
    await articleTab.waitForLoadState();
    expect(articleTab.url()).toContain('/tin-gia-ban-do-truong-sa.html?utm_source=facebook');
    await articleTab.close();
    await popup.close();
  });

  it('searches as the monitor types, without diacritics, after "/"', async () => {
    const popup = await openQueue();
    await popup.locator('body').press('/');
    const search = popup.getByLabel('Tìm trong danh sách (phím /)');
    await expect(search.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await popup.keyboard.type('ban do moi truong sa');
    await expect.poll(() => queueTitles(popup)).toEqual([VI_TITLE]);
    await search.fill('reef report');
    await expect.poll(() => queueTitles(popup)).toEqual([EN_TITLE]);
    await search.fill('casino');
    await expect.poll(() => popup.locator('.empty').textContent()).toBe('Không có bài nào khớp với “casino”.');
    await search.fill('');
    await expect.poll(() => queueTitles(popup)).toEqual([EN_TITLE, VI_TITLE]);
    await popup.close();
  });

  it('sets a status, and it is still set when the popup is reopened', async () => {
    const popup = await openQueue();
    await popup.getByLabel(`Trạng thái: ${VI_TITLE}`).selectOption({ label: 'Đã xác minh' });
    await popup.close();
    const reopened = await openQueue();
    await expect(reopened.getByLabel(`Trạng thái: ${VI_TITLE}`).inputValue()).resolves.toBe('confirmed');
    const labels = await reopened.getByLabel(`Trạng thái: ${VI_TITLE}`).locator('option').allTextContents();
    expect(labels).toEqual(['Mới', 'Đã xác minh', 'Đã chuyển phản bác', 'Đã phản bác', 'Bỏ qua']);
    await reopened.close();
  });

  it('changes the status of selected stories at once, and undo gives each its own back', async () => {
    const popup = await openQueue();
    await popup.getByLabel(`Chọn “${VI_TITLE}”`).check();
    await popup.getByLabel(`Chọn “${EN_TITLE}”`).check();
    await popup.getByLabel('Đổi trạng thái 2 bài đã chọn').selectOption({ label: 'Đã chuyển phản bác' });
    await expect.poll(() => popup.getByLabel(`Trạng thái: ${VI_TITLE}`).inputValue()).toBe('sent_to_rebuttal');
    await expect(popup.getByLabel(`Trạng thái: ${EN_TITLE}`).inputValue()).resolves.toBe('sent_to_rebuttal');
    await expect(popup.locator('.undo-bar').textContent()).resolves.toContain('Đã đổi 2 bài.');
    await popup.getByRole('button', { name: 'Hoàn tác' }).click();
    await expect.poll(() => popup.getByLabel(`Trạng thái: ${VI_TITLE}`).inputValue()).toBe('confirmed');
    await expect(popup.getByLabel(`Trạng thái: ${EN_TITLE}`).inputValue()).resolves.toBe('new');
    await popup.close();
  });

  it('works from the keyboard: arrows move, a number sets the status, Space selects, Enter opens', async () => {
    const popup = await openQueue();
    await popup.locator('.queue-item').first().focus();
    await popup.keyboard.press('ArrowDown');
    await expect(popup.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe(VI_TITLE);
    await popup.keyboard.press('4');
    await expect.poll(() => popup.getByLabel(`Trạng thái: ${VI_TITLE}`).inputValue()).toBe('rebutted');
    await popup.keyboard.press('2');
    await expect.poll(() => popup.getByLabel(`Trạng thái: ${VI_TITLE}`).inputValue()).toBe('confirmed');
    await popup.keyboard.press(' ');
    await expect(popup.getByLabel(`Chọn “${VI_TITLE}”`).isChecked()).resolves.toBe(true);
    const opened = session.context.waitForEvent('page');
    await popup.keyboard.press('Enter');
    const tab = await opened;
    await tab.waitForLoadState();
    expect(tab.url()).toContain('/tin-gia-ban-do-truong-sa.html');
    await tab.close();
    await popup.close();
  });

  it('deletes a flag and brings it back with undo', async () => {
    const popup = await openQueue();
    await popup.getByRole('button', { name: `Xoá “${EN_TITLE}”` }).click();
    await expect.poll(() => queueTitles(popup)).toEqual([VI_TITLE]);
    await expect(popup.locator('.undo-bar').textContent()).resolves.toContain(`Đã xoá “${EN_TITLE}”`);
    await popup.getByRole('button', { name: 'Hoàn tác' }).click();
    await expect.poll(() => queueTitles(popup)).toEqual([EN_TITLE, VI_TITLE]);
    await popup.close();
    // The restored flag is stored, not just shown.
    const reopened = await openQueue();
    expect(await queueTitles(reopened)).toEqual([EN_TITLE, VI_TITLE]);
    await expect(reopened.locator('.queue-item .quote').first().textContent()).resolves.toContain('Hanoi has no historical basis');
    await reopened.close();
  });

  it('shows page-derived markup as text, never as HTML', async () => {
    const article = await openArticle('/formula-bait.html');
    expect(await session.flagTab(await session.tabIdOf(article))).toMatchObject({ ok: true });
    await article.close();
    const popup = await openQueue();
    await expect(popup.locator('.queue-item .title').first().textContent()).resolves.toBe(FORMULA_TITLE);
    expect(await popup.locator('.queue-item script').count()).toBe(0);
    await popup.close();
  });
});

describe('CSV export', () => {
  it('downloads a UTF-8 CSV with BOM that reads back with diacritics, statuses and neutralised formulas', async () => {
    const popup = await openQueue();
    await popup.getByLabel('Xuất CSV cho').selectOption({ label: 'Tất cả' });
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: 'Xuất CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^canh-tin_\d{4}-\d{2}-\d{2}\.csv$/);
    exportedCsvPath = (await download.path())!;
    const bytes = await readFile(exportedCsvPath);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const [header, ...rows] = parseCsv(bytes.toString('utf8'));
    const keys = header!.cells;
    const byTitle = new Map(rows.map((row) => [row.cells[keys.indexOf('title')], Object.fromEntries(keys.map((k, i) => [k, row.cells[i]]))]));
    expect(rows).toHaveLength(3);
    expect(byTitle.get(VI_TITLE)).toMatchObject({
      status: 'confirmed',
      site_name: 'Báo Đảo Xanh',
      canonical_url: VI_CANONICAL,
      lang: 'vi',
      monitor: 'Trần Thị Biển',
      times_flagged: '2',
      flagged_via: 'popup',
    });
    expect(byTitle.get(EN_TITLE)?.quote).toContain('Hanoi has no historical basis');
    expect(byTitle.get(`'${FORMULA_TITLE}`)).toMatchObject({ site_name: "'-TinSoc-", description: "'@SUM(1+1)*cmd|' /C calc'!A0" });
    await expect(popup.getByRole('status').last().textContent()).resolves.toBe('Đã xuất 3 bài ra CSV.');
    await popup.close();
  });
});

describe('CSV import', () => {
  it("imports another monitor's CSV with Vietnamese headings and reports each bad line", async () => {
    const popup = await openQueue();
    await popup.getByLabel('Nhập file của cán bộ khác').setInputFiles(resolve(import.meta.dirname, '../fixtures/import-other-monitor.csv'));
    const report = popup.locator('.import-report');
    await expect.poll(() => report.locator('p').textContent()).toBe('2 bài thêm mới, 0 bài gộp với bài đã có, 2 dòng bị loại.');
    expect(await report.locator('li').allTextContents()).toEqual([
      "dòng 3: ngày không hợp lệ '32/13/2026'",
      'dòng 4: thiếu địa chỉ (url)',
    ]);
    await expect.poll(() => queueTitles(popup)).toContain('Tin "nóng", nhiều dòng về Phú Quốc');
    expect(await queueTitles(popup)).toHaveLength(5);
    const imported = popup.locator('.queue-item', { hasText: 'Cột mốc biên giới Giang Thành' });
    await expect(imported.getByRole('combobox').first().inputValue()).resolves.toBe('confirmed');
    await popup.close();
  });

  it('re-importing our own export merges every row instead of duplicating it', async () => {
    const popup = await openQueue();
    await popup.getByLabel('Nhập file của cán bộ khác').setInputFiles(exportedCsvPath);
    await expect
      .poll(() => popup.locator('.import-report p').textContent())
      .toBe('0 bài thêm mới, 3 bài gộp với bài đã có, 0 dòng bị loại.');
    expect(await queueTitles(popup)).toHaveLength(5);
    await popup.close();
  });

  it("imports a file Excel saved again as plain CSV on a Vietnamese Windows (';', Windows-1258) with its letters whole", async () => {
    const popup = await openQueue();
    await popup.getByLabel('Nhập file của cán bộ khác').setInputFiles(resolve(import.meta.dirname, '../fixtures/import-excel-windows-1258.csv'));
    await expect.poll(() => popup.locator('.import-report p').textContent()).toBe('1 bài thêm mới, 0 bài gộp với bài đã có, 0 dòng bị loại.');
    expect(await popup.locator('.import-report li').allTextContents()).toEqual([
      'tệp không ở dạng UTF-8: đã đọc theo bảng mã Windows-1258 (như Excel lưu); hãy xem lại dấu tiếng Việt',
    ]);
    await expect.poll(() => queueTitles(popup)).toContain('Tàu cá bị nạn ở Trường Sa');
    const imported = popup.locator('.queue-item', { hasText: 'Tàu cá bị nạn ở Trường Sa' });
    await expect(imported.getByRole('combobox').first().inputValue()).resolves.toBe('confirmed');
    await popup.close();
  });
});
