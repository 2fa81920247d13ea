/**
 * The weekly briefing in real Chromium: another monitor's CSV (known
 * categories, dates, severities, copies) imported through the popup, the
 * dashboard opened on that ISO week by its address, its figures, charts and
 * story list checked, then printed to an A4 PDF whose text (pdftotext) must
 * hold the period, the totals and the Vietnamese titles intact.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PAINTED_MEASURE, RENDERED_MEASURE } from '../../components/dashboard/render-timing';
import { launchExtension, type ExtensionSession } from './support/extension';

const run = promisify(execFile);

const SONG_TU_TAY = 'Bịa đặt tàu lạ chiếm đảo Song Tử Tây';
const HOANG_SA = 'Chủ quyền Hoàng Sa bị đặt dấu hỏi trong video cắt ghép';
const SPRATLY = 'Why Hanoi’s protests over the Spratlys ring hollow';
const GIANG_THANH = 'Xuyên tạc việc cắm mốc biên giới ở Giang Thành';
const PHU_QUOC = 'Phú Quốc “bán đất cho nước ngoài”: tin đồn thất thiệt';
const THU_HOI_DAT = 'Chính sách thu hồi đất bị bóp méo trên mạng xã hội';
const GIA_DIEN = 'Giá điện tăng: lời đồn về “thuế mới” ở Rạch Giá';
const DISMISSED = 'Ngư dân Hà Tiên bị “bỏ rơi”, bài viết sai sự thật';
const UNIT = 'Sở Thông tin và Truyền thông tỉnh Kiên Giang';
const MONITOR = 'Trần Thị Biển';

let session: ExtensionSession;
let dashboard: Page;
let workDir: string;

/** The unit and monitor names the options page saves (written directly: this test is about the briefing). */
async function saveSettings(page: Page): Promise<void> {
  await page.evaluate(
    ({ unitName, monitorName }) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('canh-tin');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('settings', 'readwrite');
          tx.objectStore('settings').put({
            key: 'app',
            value: {
              version: 1,
              monitorName,
              unitName,
              csvHeadings: 'en',
              categories: ['sovereignty-sea-islands', 'border', 'provincial-image', 'policy-distortion', 'other'].map((id) => ({ id, label: '', retired: false })),
            },
          });
          tx.oncomplete = () => {
            open.result.close();
            done();
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
    { unitName: UNIT, monitorName: MONITOR },
  );
}

const figure = (name: string) => dashboard.locator(`[data-figure="${name}"]`);

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'canh-tin-dashboard-'));
  session = await launchExtension({ uiLanguage: 'vi' });
  const popup = await session.openExtensionPage('popup.html');
  await popup.getByLabel('Nhập file của cán bộ khác').setInputFiles(resolve(import.meta.dirname, '../fixtures/briefing-week.csv'));
  await popup.locator('.import-report p').waitFor();
  expect(await popup.locator('.import-report p').textContent()).toBe('11 bài thêm mới, 0 bài gộp với bài đã có, 0 dòng bị loại.');
  await saveSettings(popup);
  await popup.close();
  dashboard = await session.openExtensionPage('dashboard.html#period=2026-W48');
  await dashboard.locator('.stories').waitFor();
});

afterAll(async () => {
  await session?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('the dashboard for ISO week 2026-W48', () => {
  it('heads the briefing with the unit, the period and the monitor', async () => {
    await expect(dashboard.locator('.briefing-header .unit').textContent()).resolves.toBe(UNIT);
    await expect(dashboard.locator('.briefing-header .period').textContent()).resolves.toBe('Tuần 48/2026 · 23/11/2026 – 29/11/2026');
    await expect(dashboard.locator('.briefing-header .byline').textContent()).resolves.toContain(`Cán bộ theo dõi: ${MONITOR}`);
    expect(await dashboard.title()).toBe('Báo cáo tuần · Tuần 48/2026 (23/11/2026 – 29/11/2026)');
  });

  it('counts the week in Vietnam time: stories, copies and each status, with the change on week 47', async () => {
    // 8 stories from Monday 00:00 to Sunday 23:59 Vietnam time; Sunday 23:30 of W47 and Monday 00:00 of W49 stay out.
    await expect(figure('stories').locator('.value').textContent()).resolves.toBe('8');
    await expect(figure('stories').locator('.change').textContent()).resolves.toBe('+6 (+300%) so với kỳ trước');
    await expect(figure('copies').locator('.value').textContent()).resolves.toBe('15');
    const byStatus = Object.fromEntries(
      await Promise.all(['new', 'confirmed', 'sent_to_rebuttal', 'rebutted', 'dismissed'].map(async (s) => [s, await figure(s).locator('.value').textContent()])),
    );
    expect(byStatus).toEqual({ new: '4', confirmed: '1', sent_to_rebuttal: '1', rebutted: '1', dismissed: '1' });
    await expect(figure('rebutted').locator('dt').textContent()).resolves.toBe('Đã phản bác');
  });

  it('draws every chart as bars as long as its numbers, across its box, laid out again for paper, with its numbers in a table', async () => {
    const ids = ['chart-over-time', 'chart-categories', 'chart-outlets', 'chart-languages', 'chart-terms'];
    /** What each chart shows: its drawing's width against its box's, its bars, and the numbers written at their ends. */
    const drawings = () =>
      Promise.all(
        ids.map((id) =>
          dashboard.locator(`#${id}`).evaluate((figure) => {
            const svg = figure.querySelector('svg[role="img"]')!;
            const rects = [...svg.querySelectorAll('.bars rect')].map((rect) => ({
              width: Number(rect.getAttribute('width')),
              height: Number(rect.getAttribute('height')),
              fill: rect.getAttribute('fill')!,
            }));
            return {
              label: svg.getAttribute('aria-label'),
              width: Number(svg.getAttribute('width')),
              // The box in whole pixels, rounded down as the chart measures it.
              box: Math.floor(figure.querySelector('.chart-box')!.getBoundingClientRect().width),
              rects,
              ends: [...svg.querySelectorAll('.bar-values text')].map((text) => text.textContent),
            };
          }),
        ),
      );
    const drawn = await drawings();
    for (const [index, chart] of drawn.entries()) {
      expect(chart.label, ids[index]).toMatch(/^Biểu đồ: /);
      expect(chart.width, ids[index]).toBe(chart.box);
      expect(chart.rects.length, ids[index]).toBeGreaterThan(0);
    }
    const [overTime, categories, , languageBars] = drawn;
    // Flags per day, stacked: one part per category and day, the day's total at the top.
    expect(overTime!.ends).toEqual(['1', '1', '1', '2', '1', '1', '1']);
    expect(overTime!.rects).toHaveLength(8);
    // Categories keep apart in greyscale: five categories, five different fills, patterns among them, each defined.
    expect(new Set(categories!.rects.map((rect) => rect.fill)).size).toBe(5);
    const patterns = categories!.rects.map((rect) => /^url\(#(.+)\)$/.exec(rect.fill)?.[1]).filter((id) => id !== undefined);
    expect(patterns.length).toBeGreaterThanOrEqual(3);
    for (const id of patterns) await expect(dashboard.locator(`#chart-categories pattern[id="${id}"]`).count()).resolves.toBe(1);
    // Languages: 7 in Vietnamese, 1 in English, and the bars say so.
    expect(languageBars!.ends).toEqual(['7', '1']);
    expect(languageBars!.rects[0]!.width / languageBars!.rects[1]!.width).toBeCloseTo(7, 1);
    // Each bar tells its own number on hover.
    await expect(dashboard.locator('#chart-languages .bars rect title').allTextContents()).resolves.toEqual(['Tiếng Việt: 7', 'Tiếng Anh: 1']);

    // A narrower window: each chart is laid out again across its box's new width.
    const widths = async () => (await drawings()).map((chart) => [chart.width, chart.box]);
    const wide = await widths();
    const viewport = dashboard.viewportSize()!;
    await dashboard.setViewportSize({ width: 700, height: viewport.height });
    await expect.poll(async () => (await widths()).every(([width, box], index) => width === box && box! < wide[index]![1]!)).toBe(true);
    await dashboard.setViewportSize(viewport);
    await expect.poll(widths).toEqual(wide);

    // Printing (the dialog or "Save as PDF"): laid out for an A4 column at once (the over-time chart
    // across the page's 703 px, the others about half of it), so their text prints at its size; then back.
    await dashboard.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const printed = (await drawings()).map((chart) => chart.width);
    expect(printed[0]).toBeGreaterThanOrEqual(690);
    expect(printed[0]).toBeLessThanOrEqual(703);
    for (const width of printed.slice(1)) {
      expect(width).toBeGreaterThan(320);
      expect(width).toBeLessThan(352);
    }
    await dashboard.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect.poll(widths).toEqual(wide);
    // Flags per day: the 23:30 UTC Monday flag is on Tuesday in Vietnam.
    const dayRows = await dashboard.locator('#chart-over-time tbody tr').evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent)));
    expect(dayRows).toHaveLength(7);
    expect(dayRows.map((row) => row.at(-1))).toEqual(['1', '1', '1', '2', '1', '1', '1']);
    expect(await dashboard.locator('#chart-over-time thead th').allTextContents()).toEqual([
      'Ngày',
      'Chủ quyền biển, đảo',
      'Biên giới đất liền',
      'Hình ảnh của tỉnh',
      'Xuyên tạc chính sách',
      'Chưa phân loại',
      'Tổng',
    ]);
    const outlets = await dashboard.locator('#chart-outlets tbody tr').evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent)));
    expect(outlets[0]).toEqual(['Tin Sốc', '2']);
    const languages = await dashboard.locator('#chart-languages tbody tr').evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent)));
    expect(languages).toEqual([
      ['Tiếng Việt', '7'],
      ['Tiếng Anh', '1'],
    ]);
    const terms = await dashboard.locator('#chart-terms tbody tr').evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent)));
    expect(terms[0]).toEqual(['Trường Sa', '2']);
  });

  it('lists the stories by category, most severe then most copied first, without the dismissed one', async () => {
    const groups = await dashboard.locator('.story-group').evaluateAll((sections) =>
      sections.map((section) => [section.querySelector('h3')?.textContent, [...section.querySelectorAll('.story-title a')].map((a) => a.textContent)]),
    );
    expect(groups).toEqual([
      ['Chủ quyền biển, đảo (3 bài)', [SONG_TU_TAY, HOANG_SA, SPRATLY]],
      ['Biên giới đất liền (1 bài)', [GIANG_THANH]],
      ['Hình ảnh của tỉnh (1 bài)', [PHU_QUOC]],
      ['Xuyên tạc chính sách (1 bài)', [THU_HOI_DAT]],
      ['Chưa phân loại (1 bài)', [GIA_DIEN]],
    ]);
    const first = dashboard.locator('.story-table tbody tr').first();
    const cells = await first.locator('td').allTextContents();
    expect(cells.slice(1)).toEqual(['Báo Đảo Xanh', '23/11/2026', '4', 'Cao', 'Đã xác minh', 'Cần phản bác gấp, đã lan sang Facebook.']);
    await expect(first.locator('a').getAttribute('href')).resolves.toBe('https://baodaoxanh.example/bien-dao/song-tu-tay.html');
    await expect(dashboard.locator('.stories .hint').textContent()).resolves.toContain('Không liệt kê 1 bài đã bỏ qua.');
    expect(await dashboard.getByText(DISMISSED).count()).toBe(0);
  });

  it('copies a plain-text summary for messaging apps', async () => {
    // An extension page cannot be granted clipboard-read, so the test listens to what is written
    // (and still lets the real write happen: a failed write would show as an error).
    await dashboard.evaluate(() => {
      const write = navigator.clipboard.writeText.bind(navigator.clipboard);
      navigator.clipboard.writeText = (text: string) => {
        document.documentElement.dataset.copied = text;
        return write(text);
      };
    });
    await dashboard.bringToFront();
    await dashboard.getByRole('button', { name: 'Chép tóm tắt' }).click();
    await expect.poll(() => dashboard.locator('.toolbar [role="status"]').first().textContent()).toBe('Đã chép tóm tắt, có thể dán vào tin nhắn.');
    const text = (await dashboard.evaluate(() => document.documentElement.dataset.copied)) ?? '';
    const lines = text.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      'Báo cáo theo dõi tin tức: Tuần 48/2026 (23/11/2026 – 29/11/2026)',
      `Đơn vị: ${UNIT}`,
      `Cán bộ theo dõi: ${MONITOR}`,
      'Bài gắn cờ: 8 (+6 (+300%) so với kỳ trước)',
      'Bản sao: 15 (+13 (+650%) so với kỳ trước)',
    ]);
    expect(text).toContain(`1. ${SONG_TU_TAY} — Báo Đảo Xanh · 23/11/2026 · Chủ quyền biển, đảo · 4 bản sao · mức độ: Cao\n   https://baodaoxanh.example/bien-dao/song-tu-tay.html`);
    expect(text).not.toContain(DISMISSED);
  });

  it("exports the period's CSV under the period's name", async () => {
    const [download] = await Promise.all([dashboard.waitForEvent('download'), dashboard.getByRole('button', { name: 'Xuất CSV của kỳ này' }).click()]);
    expect(download.suggestedFilename()).toBe('canh-tin_2026-W48.csv');
    await expect.poll(() => dashboard.getByText('Đã xuất 8 bài ra CSV.').count()).toBe(1);
  });

  it("exports the period's evidence bundle: its 8 stories, under the period's name", async () => {
    const [download] = await Promise.all([dashboard.waitForEvent('download'), dashboard.getByRole('button', { name: 'Xuất gói bằng chứng (ZIP)' }).click()]);
    expect(download.suggestedFilename()).toBe('canh-tin-bang-chung_2026-W48.zip');
    await expect.poll(() => dashboard.getByRole('status').filter({ hasText: 'bằng chứng' }).first().textContent()).toMatch(/\b8\b/);
  });

  it('prints to an A4 PDF holding the period, the totals and the titles with their diacritics', async () => {
    const pdfPath = join(workDir, 'briefing.pdf');
    await writeFile(pdfPath, await dashboard.pdf({ format: 'A4', printBackground: true }));
    if (process.env.KEEP_BRIEFING_PDF) await writeFile(process.env.KEEP_BRIEFING_PDF, await dashboard.pdf({ format: 'A4', printBackground: true }));
    const { stdout } = await run('pdftotext', ['-raw', '-enc', 'UTF-8', pdfPath, '-']);
    // Whatever way the PDF spells accents and breaks lines, compare composed text on one line.
    const text = stdout.normalize('NFC').replace(/\s+/g, ' ');
    for (const expected of [
      UNIT,
      'Báo cáo theo dõi tin tức',
      'Tuần 48/2026',
      '23/11/2026 – 29/11/2026',
      `Cán bộ theo dõi: ${MONITOR}`,
      'Bài gắn cờ 8 +6 (+300%) so với kỳ trước',
      'Bản sao 15 +13 (+650%) so với kỳ trước',
      SONG_TU_TAY,
      HOANG_SA,
      GIANG_THANH,
      PHU_QUOC,
      THU_HOI_DAT,
      GIA_DIEN,
    ]) {
      expect(text, expected).toContain(expected);
    }
    // The charts print as vectors with their text: the days under the bars; the outlet of the dismissed story, which only the chart names.
    for (const expected of ['Thứ 2, 23/11 Thứ 3, 24/11', 'CN, 29/11', 'Mekong Traveller']) expect(text, expected).toContain(expected);
    // The controls are not part of the briefing.
    expect(text).not.toContain('Chép tóm tắt');
    expect(text).not.toContain('Bảng số liệu');
  });
});

describe('the period in the address', () => {
  it('an empty week says so; a bad period falls back to this week', async () => {
    const empty = await session.openExtensionPage('dashboard.html#period=2026-W53');
    await expect.poll(() => empty.locator('.empty').textContent()).toBe('Không có bài nào được gắn cờ trong kỳ này.');
    await expect(empty.locator('.briefing-header .period').textContent()).resolves.toBe('Tuần 53/2026 · 28/12/2026 – 03/01/2027');
    await empty.goto(session.extensionUrl('dashboard.html?period=2025-W53'));
    await empty.locator('.briefing-header .period-title').waitFor();
    const thisWeek = await empty.evaluate(() => document.querySelector('.period-title')?.textContent);
    expect(thisWeek).toMatch(/^Tuần \d{1,2}\/\d{4}$/);
    expect(thisWeek).not.toBe('Tuần 53/2025');
    await empty.close();
  });

  it('follows the database while open: a story imported elsewhere appears without reloading', async () => {
    const open = await session.openExtensionPage('dashboard.html#period=2026-W53');
    await expect.poll(() => open.locator('.empty').textContent()).toBe('Không có bài nào được gắn cờ trong kỳ này.');
    const csv = join(workDir, 'new-year.csv');
    await writeFile(
      csv,
      '\uFEFFid,captured_at,status,title,site_name,url,lang,monitor,category,watch_terms,severity,note,copy_urls\r\n' +
        ',2026-12-31T21:00:00+07:00,new,Tin đồn đêm giao thừa ở Phú Quốc,Tin Sốc,https://tinsoc.example/giao-thua,vi,Trần Thị Biển,provincial-image,,2,,\r\n',
    );
    const popup = await session.openExtensionPage('popup.html');
    await popup.getByLabel('Nhập file của cán bộ khác').setInputFiles(csv);
    await popup.locator('.import-report p').waitFor();
    await popup.close();
    await expect.poll(() => open.locator('[data-figure="stories"] .value').textContent()).toBe('1');
    await expect(open.locator('.story-title a').textContent()).resolves.toBe('Tin đồn đêm giao thừa ở Phú Quốc');
    await open.close();
  });

  it('stepping back a week writes the new period into the address', async () => {
    await dashboard.getByRole('button', { name: 'Kỳ trước' }).click();
    await expect.poll(() => new URL(dashboard.url()).hash).toBe('#period=2026-W47');
    await expect.poll(() => figure('stories').locator('.value').textContent()).toBe('2');
  });
});

describe('the mark `npm run bench` times', () => {
  it('is made once per opening, when every chart already has its bars: five charts, or four and the note on watchlist terms', async () => {
    // Before the page's own scripts: see the page at the very moment the mark is made.
    await session.context.addInitScript((name) => {
      const measure = performance.measure.bind(performance);
      const seen: number[][] = [];
      Object.assign(window, { barsAtMark: seen });
      performance.measure = ((measureName: string, ...rest: []) => {
        if (measureName === name) seen.push([...document.querySelectorAll('.chart')].map((figure) => figure.querySelectorAll('.bars rect').length));
        return measure(measureName, ...rest);
      }) as typeof performance.measure;
    }, RENDERED_MEASURE);
    for (const [period, charts] of [
      ['2026-W48', 5],
      ['2026-W47', 4],
    ] as const) {
      const page = await session.openExtensionPage(`dashboard.html#period=${period}`);
      await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, PAINTED_MEASURE);
      const seen = await page.evaluate(() => (window as unknown as { barsAtMark: number[][] }).barsAtMark);
      expect(seen, period).toHaveLength(1);
      expect(seen[0]!.filter((bars) => bars > 0), period).toHaveLength(charts);
      expect(await page.locator('.chart').count(), period).toBe(5);
      await page.close();
    }
  });
});
