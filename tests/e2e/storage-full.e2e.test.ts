/**
 * Storage runs out (reproduced with CDP's quota override, as ../shared/RELIABILITY.md
 * describes): the flag and its text are kept, the screenshot is not, and the
 * monitor is told loudly. A browser of its own, so earlier tests' data cannot
 * blur the quota arithmetic.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openPopupWindow, type ExtensionSession } from './support/extension';

let session: ExtensionSession;

declare const chrome: typeof import('wxt/browser').browser;

beforeAll(async () => {
  session = await launchExtension({ uiLanguage: 'vi' });
});

afterAll(async () => {
  await session?.close();
});

describe('storage full', () => {
  it('when storage is full, the flag is kept without its screenshot, and the popup says so loudly', async () => {
    const helper = await session.openExtensionPage('options.html');
    const cdp = await session.context.newCDPSession(helper);
    const usage = (await cdp.send('Storage.getUsageAndQuota', { origin: `chrome-extension://${session.extensionId}` })).usage;
    // Room for a record and its text, not for the screenshot of a page with a large photo.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: `chrome-extension://${session.extensionId}`, quotaSize: usage + 40 * 1024 });

    const article = await session.context.newPage();
    await article.goto(`${session.origin}/anh-ve-tinh-da-ga-ma.html`);
    const popup = await openPopupWindow(session, article);
    await popup.getByRole('button', { name: 'Gắn cờ trang này' }).click();
    const status = popup.getByRole('status').first();
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toContain('KHÔNG lưu được ảnh chụp màn hình');
    await expect(status.getAttribute('class')).resolves.toContain('error');
    const tabId = await session.tabIdOf(article);
    expect(await session.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('!');
    await expect.poll(() => popup.locator('.queue-item .title').allTextContents()).toContain('“Ảnh vệ tinh” về đá Gạc Ma được cắt ghép');
    const item = popup.locator('.queue-item', { hasText: 'Gạc Ma' });
    await item.getByText('Bằng chứng (1)').click();
    await expect.poll(() => item.locator('.evidence-item .notice').textContent()).toContain('KHÔNG lưu được ảnh chụp màn hình');
    expect(await item.locator('.hash').count()).toBe(1); // the text's digest; no screenshot
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: `chrome-extension://${session.extensionId}` });
    await popup.close();
    await helper.close();
  });
});
