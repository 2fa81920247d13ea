/**
 * Evidence in real Chromium: flagging keeps the article's own metadata, its
 * text and a screenshot with their SHA-256; after the article is deleted from
 * its site the evidence bundle still holds it and verifies.
 */
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FIXTURE_PAGES, launchExtension, type ExtensionSession } from './support/extension';

const TITLE = 'Lan truyền “bản đồ mới” xoá quần đảo Trường Sa khỏi lãnh thổ';
let session: ExtensionSession;
let pagesDir: string;
let flagId = '';

declare const chrome: typeof import('wxt/browser').browser;

async function openQueue(): Promise<Page> {
  const popup = await session.openExtensionPage('popup.html');
  await popup.locator('.queue-list, .empty').first().waitFor();
  return popup;
}

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  // A copy of the pages, so a test can delete an article from its "site".
  pagesDir = await mkdtemp(join(tmpdir(), 'canh-tin-pages-'));
  await cp(FIXTURE_PAGES, pagesDir, { recursive: true });
  session = await launchExtension({ uiLanguage: 'vi', pagesDir });
});

afterAll(async () => {
  await session?.close();
  await rm(pagesDir, { recursive: true, force: true });
});

describe('evidence', () => {
  it('flagging the visible article stores its byline, date, text and a screenshot', async () => {
    const article = await session.context.newPage();
    await article.goto(`${session.origin}/tin-gia-ban-do-truong-sa.html?utm_source=zalo&zarsrc=30`);
    const response = await session.flagTab(await session.tabIdOf(article));
    expect(response).toEqual({ ok: true, id: expect.any(String) });
    flagId = (response as { id: string }).id;

    const popup = await openQueue();
    const item = popup.locator(`[data-flag-id="${flagId}"]`);
    await expect(item.locator('.author').textContent()).resolves.toBe('Tác giả: Nguyễn Thị Hải Yến');
    await expect(item.locator('.published').textContent()).resolves.toBe("Đăng 08:30 24/11/26");
    await item.getByText('Bằng chứng (1)').click();
    const thumb = item.getByRole('img', { name: `Ảnh chụp màn hình trang “${TITLE}” lúc gắn cờ` });
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(100);
    await expect(item.locator('.evidence-item .url bdi').textContent()).resolves.toBe(
      `${session.origin}/tin-gia-ban-do-truong-sa.html?utm_source=zalo&zarsrc=30`,
    );
    expect(await item.locator('.hash').count()).toBe(2);
    await popup.close();
    await article.close();
  });

  it('after the article is deleted from its site, the evidence bundle still holds it and verifies', async () => {
    await rm(join(pagesDir, 'tin-gia-ban-do-truong-sa.html'));
    const gone = await session.context.newPage();
    const status = (await gone.goto(`${session.origin}/tin-gia-ban-do-truong-sa.html`))?.status();
    expect(status).toBe(404);
    await gone.close();

    const popup = await openQueue();
    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: 'Xuất gói bằng chứng (ZIP)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^canh-tin-bang-chung_\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
    const text = strFromU8(files[`text/${flagId}_1.txt`]!);
    expect(text).toContain('các đảo ở Trường Sa chưa bao giờ thuộc về Việt Nam');
    const screenshot = files[`screenshots/${flagId}_1.jpg`]!;
    expect([...screenshot.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(screenshot.byteLength).toBeLessThan(300 * 1024);
    for (const line of strFromU8(files['SHA256SUMS']!).trim().split('\n')) {
      const [digest, path] = line.split('  ');
      expect(sha256(files[path!]!), path).toBe(digest);
    }
    // The digests are those taken at capture time, shown in the popup too.
    const shown = await popup.locator(`[data-flag-id="${flagId}"]`).evaluate(async (el) => {
      (el.querySelector('details') as HTMLDetailsElement).open = true;
      await new Promise((r) => setTimeout(r, 300));
      return [...el.querySelectorAll('.hash')].map((h) => h.textContent);
    });
    expect(shown).toEqual([sha256(text), sha256(screenshot)]);
    await popup.close();
  });

  it('a tab flagged in the background is kept with its text, and says why there is no screenshot', async () => {
    const background = await session.context.newPage();
    await background.goto(`${session.origin}/spratly-protests-analysis.html`);
    const front = await session.context.newPage();
    await front.goto(`${session.origin}/index.html`);
    await front.bringToFront();
    expect(await session.flagTab(await session.tabIdOf(background))).toEqual({
      ok: true,
      id: expect.any(String),
      screenshotProblem: 'not-visible',
    });
    await background.close();
    await front.close();
  });

  it('with MHTML turned on in Settings, the whole page is kept too and verifies in the bundle', async () => {
    const options = await session.openExtensionPage('options.html');
    await options.getByLabel('Lưu cả trang web (MHTML) kèm mỗi lần gắn cờ').check();
    await expect.poll(() => options.getByRole('status').last().textContent()).toBe('Đã lưu.');
    await options.close();

    const article = await session.context.newPage();
    await article.goto(`${session.origin}/spratly-protests-analysis.html`);
    const response = (await session.flagTab(await session.tabIdOf(article))) as { ok: true; id: string };
    // The article was flagged before (in the background): this capture is its second.
    expect(response).toMatchObject({ ok: true, duplicateOf: response.id });
    expect(response).not.toHaveProperty('screenshotProblem');
    await article.close();

    const popup = await openQueue();
    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: 'Xuất gói bằng chứng (ZIP)' }).click(),
    ]);
    const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
    const path = `pages/${response.id}_2.mhtml`;
    expect(Object.keys(files).filter((name) => name.startsWith('pages/'))).toEqual([path]);
    const mhtml = strFromU8(files[path]!);
    expect(mhtml).toContain('Snapshot-Content-Location: ' + `${session.origin}/spratly-protests-analysis.html`);
    expect(mhtml).toContain('Hanoi has no historical basis');
    const line = strFromU8(files['SHA256SUMS']!).split('\n').find((l) => l.endsWith(path))!;
    expect(line.split('  ')[0]).toBe(sha256(files[path]!));
    await popup.close();
  });
});
