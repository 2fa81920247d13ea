/**
 * The options page in real Chromium: monitor and unit, a category renamed
 * there shows in the popup's pickers, a full backup downloaded, everything
 * deleted behind the typed word, the backup restored through the file input,
 * and the same backup merged through the popup's import.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchExtension, type ExtensionSession } from './support/extension';

const VI_TITLE = 'Lan truyền “bản đồ mới” xoá quần đảo Trường Sa khỏi lãnh thổ';
const EN_TITLE = 'Why Hanoi’s protests over the Spratlys ring hollow';
const BORDER_TITLE = 'Cột mốc biên giới Giang Thành bị “dời”: video cắt ghép';
const PHU_QUOC_TITLE = 'Tin "nóng", nhiều dòng về Phú Quốc';
const ALL_TITLES = [VI_TITLE, EN_TITLE, BORDER_TITLE, PHU_QUOC_TITLE].sort();
const UNIT = 'Sở Thông tin và Truyền thông tỉnh Kiên Giang';

let session: ExtensionSession;
let backupPath = '';

async function openOptions(): Promise<Page> {
  const options = await session.openExtensionPage('options.html');
  await options.getByLabel('Tên cán bộ theo dõi').waitFor();
  return options;
}

async function openQueue(): Promise<Page> {
  const popup = await session.openExtensionPage('popup.html');
  await popup.locator('.queue-list, .empty').first().waitFor();
  return popup;
}

const titles = async (popup: Page) => (await popup.locator('.queue-item .title').allTextContents()).sort();
const statusIn = (section: Locator) => section.getByRole('status');
const optionLabels = (select: Locator) => select.locator('option').allTextContents();
const selectedLabel = (select: Locator) => select.evaluate((element: HTMLSelectElement) => element.selectedOptions[0]?.textContent ?? '');

beforeAll(async () => {
  session = await launchExtension({ uiLanguage: 'vi' });
});

afterAll(async () => {
  await session?.close();
});

describe('the options page', () => {
  it('keeps the monitor name and the unit', async () => {
    const options = await openOptions();
    await options.getByLabel('Tên cán bộ theo dõi').fill('Lê Thị Hoa');
    await options.getByLabel('Tên đơn vị').fill(`  ${UNIT} `);
    await options.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => options.locator('.monitor-name [role=status]').textContent()).toContain('Đã lưu.');
    await options.reload();
    await expect.poll(() => options.getByLabel('Tên cán bộ theo dõi').inputValue()).toBe('Lê Thị Hoa');
    await expect(options.getByLabel('Tên đơn vị').inputValue()).resolves.toBe(UNIT);
    await options.close();
  });

  it('gets a few stories to work with: two flagged pages and an imported file', async () => {
    for (const path of ['/tin-gia-ban-do-truong-sa.html', '/spratly-protests-analysis.html']) {
      const article = await session.context.newPage();
      await article.goto(session.origin + path);
      expect(await session.flagTab(await session.tabIdOf(article))).toMatchObject({ ok: true });
      await article.close();
    }
    const popup = await openQueue();
    await popup.getByLabel('Nhập file của cán bộ khác').setInputFiles(resolve(import.meta.dirname, '../fixtures/import-other-monitor.csv'));
    await expect.poll(() => popup.locator('.import-report p').textContent()).toBe('2 bài thêm mới, 0 bài gộp với bài đã có, 2 dòng bị loại.');
    await expect.poll(() => titles(popup)).toEqual(ALL_TITLES);
    await popup.close();
  });

  it('renames, adds and retires categories, and the popup pickers follow', async () => {
    const options = await openOptions();
    const editor = options.locator('section', { has: options.getByRole('heading', { name: 'Chuyên mục', exact: true }) });
    await editor.getByLabel('Tên của chuyên mục “Biên giới đất liền”').fill('Biên giới Tây Nam');
    await editor.getByRole('button', { name: 'Đổi tên “Biên giới đất liền”' }).click();
    await expect.poll(() => editor.getByLabel('Tên của chuyên mục “Biên giới Tây Nam”').inputValue()).toBe('Biên giới Tây Nam');
    await editor.getByLabel('Chuyên mục mới').fill('Tôn giáo');
    await editor.getByRole('button', { name: 'Thêm chuyên mục' }).click();
    await expect.poll(() => editor.locator('[data-category-id=ton-giao]').count()).toBe(1);
    // A second one with the same name (diacritics aside) is refused, and says why.
    await editor.getByLabel('Chuyên mục mới').fill('TON GIAO');
    await editor.getByRole('button', { name: 'Thêm chuyên mục' }).click();
    await expect.poll(() => statusIn(editor).textContent()).toBe('Đã có chuyên mục mang tên này.');
    await editor.getByRole('button', { name: 'Chuyển “Tôn giáo” lên' }).click();
    await editor.getByRole('button', { name: 'Ngừng dùng “Khác”' }).click();
    await expect.poll(() => editor.getByRole('button', { name: 'Dùng lại “Khác”' }).count()).toBe(1);
    await options.close();

    const popup = await openQueue();
    const borderPicker = popup.getByLabel(`Chuyên mục: ${BORDER_TITLE}`);
    await expect.poll(() => selectedLabel(borderPicker)).toBe('Biên giới Tây Nam');
    const picker = popup.getByLabel(`Chuyên mục: ${VI_TITLE}`);
    expect(await optionLabels(picker)).toEqual([
      '(chưa chọn)',
      'Chủ quyền biển, đảo',
      'Biên giới Tây Nam',
      'Hình ảnh của tỉnh',
      'Xuyên tạc chính sách',
      'Tôn giáo',
    ]);
    await picker.selectOption({ label: 'Tôn giáo' });
    await expect.poll(() => picker.inputValue()).toBe('ton-giao');
    await popup.close();
  });

  it('sets the CSV heading language', async () => {
    const options = await openOptions();
    await options.getByLabel('Tiêu đề cột của file CSV').selectOption('vi');
    const section = options.locator('section', { has: options.getByRole('heading', { name: 'Xuất CSV' }) });
    await expect.poll(() => statusIn(section).textContent()).toBe('Đã lưu.');
    await options.reload();
    await expect.poll(() => options.getByLabel('Tiêu đề cột của file CSV').inputValue()).toBe('vi');
    await options.close();
  });

  it('downloads a full backup, evidence included', async () => {
    const options = await openOptions();
    await expect(options.getByLabel('Kèm bằng chứng').isChecked()).resolves.toBe(true);
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Tải bản dự phòng (JSON)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^canh-tin_backup_\d{4}-\d{2}-\d{2}\.json$/);
    backupPath = (await download.path())!;
    const backup = JSON.parse(await readFile(backupPath, 'utf8')) as {
      format: string;
      version: number;
      flags: { title: string; category: string }[];
      evidence: { screenshot?: string; text: string }[];
      settings: { key: string; value: { monitorName?: string; unitName?: string } }[];
      watchlist: { enabled: boolean; groups: unknown[] };
    };
    expect(backup).toMatchObject({ format: 'canh-tin/backup', version: 1 });
    // The watchlist (kept in extension storage, not the database) is in the file too.
    expect(backup.watchlist.enabled).toBe(true);
    expect(backup.watchlist.groups.length).toBeGreaterThan(0);
    expect(backup.flags.map((f) => f.title).sort()).toEqual(ALL_TITLES);
    expect(backup.flags.find((f) => f.title === VI_TITLE)?.category).toBe('ton-giao');
    expect(backup.evidence).toHaveLength(2);
    expect(backup.evidence.some((e) => (e.screenshot ?? '').startsWith('/9j/'))).toBe(true); // a JPEG, base64
    expect(backup.settings.find((s) => s.key === 'app')?.value).toMatchObject({ monitorName: 'Lê Thị Hoa', unitName: UNIT });
    await expect.poll(() => options.locator('section', { has: options.getByRole('heading', { name: 'Sao lưu và khôi phục' }) }).getByRole('status').textContent()).toBe(
      'Đã tải bản dự phòng: 4 bài, 2 bằng chứng.',
    );
    await options.close();
  });

  it('deletes everything only once the word is typed', async () => {
    const options = await openOptions();
    const erase = options.getByRole('button', { name: 'Xoá toàn bộ dữ liệu', exact: true });
    const confirm = options.getByLabel('Gõ XOÁ để xác nhận');
    await expect(erase.isDisabled()).resolves.toBe(true);
    await confirm.fill('xoa');
    await expect(erase.isDisabled()).resolves.toBe(true);
    await confirm.fill('XOÁ');
    await expect(erase.isEnabled()).resolves.toBe(true);
    await erase.click();
    await expect.poll(() => options.locator('.danger-zone [role=status]').textContent()).toBe('Đã xoá toàn bộ dữ liệu.');
    // The page shows the emptied settings at once.
    await expect.poll(() => options.getByLabel('Tên cán bộ theo dõi').inputValue()).toBe('');
    await expect(options.getByLabel('Tên của chuyên mục “Biên giới đất liền”').count()).resolves.toBe(1);
    await options.close();
    const popup = await openQueue();
    expect(await popup.locator('.queue-item').count()).toBe(0);
    await popup.close();
  });

  it('restores the downloaded backup through the file input, settings and all', async () => {
    const options = await openOptions();
    // The watchlist switched off since the backup: the restore switches it back on.
    await options.evaluate("chrome.storage.local.get('watchlist').then((got) => chrome.storage.local.set({ watchlist: { ...got.watchlist, version: 1, enabled: false, disabledHosts: [], groups: got.watchlist?.groups ?? [] } }))");
    await options.getByLabel('Khôi phục từ bản dự phòng (.json)').setInputFiles(backupPath);
    await expect.poll(() => options.locator('.restore-pending p').first().textContent()).toMatch(/^Bản dự phòng lúc .+: 4 bài, 0 bài trong thùng rác, 2 bằng chứng\.$/);
    await options.getByRole('button', { name: 'Khôi phục bản này' }).click();
    await expect
      .poll(() => options.locator('section', { has: options.getByRole('heading', { name: 'Sao lưu và khôi phục' }) }).getByRole('status').textContent())
      .toBe('Đã khôi phục: 4 bài, 0 bài trong thùng rác, 2 bằng chứng.');
    await expect.poll(() => options.getByLabel('Tên cán bộ theo dõi').inputValue()).toBe('Lê Thị Hoa');
    await expect(options.getByLabel('Tên đơn vị').inputValue()).resolves.toBe(UNIT);
    await expect(options.getByLabel('Tên của chuyên mục “Biên giới Tây Nam”').count()).resolves.toBe(1);
    await expect.poll(() => options.evaluate("chrome.storage.local.get('watchlist').then((got) => got.watchlist.enabled)")).toBe(true);
    await options.close();

    const popup = await openQueue();
    await expect.poll(() => titles(popup)).toEqual(ALL_TITLES);
    await expect(selectedLabel(popup.getByLabel(`Chuyên mục: ${VI_TITLE}`))).resolves.toBe('Tôn giáo');
    await popup.close();
  });

  it("merges a backup through the popup's import, as another monitor's file", async () => {
    const popup = await openQueue();
    await popup.getByLabel('Nhập file của cán bộ khác').setInputFiles(backupPath);
    await expect
      .poll(() => popup.locator('.import-report p').textContent())
      .toBe('0 bài thêm mới, 4 bài gộp với bài đã có, 0 bản ghi bị loại, 0 bằng chứng kèm theo.');
    expect(await titles(popup)).toEqual(ALL_TITLES);
    // A file that is neither CSV nor a backup is refused with a clear reason.
    await popup.getByLabel('Nhập file của cán bộ khác').setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"groups":[]}') });
    await expect
      .poll(() => popup.locator('.import-report p').textContent())
      .toBe('Nhập không thành công, danh sách không thay đổi: File này không phải bản dự phòng của Canh Tin.');
    await popup.close();
  });
});
