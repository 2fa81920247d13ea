/**
 * A page cannot make itself impossible to flag: tests/fixtures/pages/trang-doc-hai.html
 * carries an <html> attribute the DOM API refuses to set and stretches its own
 * address past 8,000 characters, and is still flagged with its metadata.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchExtension, type ExtensionSession } from './support/extension';

let session: ExtensionSession;

beforeAll(async () => {
  session = await launchExtension({ uiLanguage: 'vi' });
});

afterAll(async () => {
  await session?.close();
});

it('flags a page with a refused <html> attribute and an 9,000-character address, under the address cut to 4,000', async () => {
  const article = await session.context.newPage();
  await article.goto(`${session.origin}/trang-doc-hai.html`);
  await article.waitForFunction(() => location.href.length > 9000);
  expect(await article.evaluate(() => document.documentElement.getAttributeNames())).toContain('=x');

  const response = await session.flagTab(await session.tabIdOf(article));
  expect(response).toMatchObject({ ok: true });

  const popup = await session.openExtensionPage('popup.html');
  await expect.poll(() => popup.locator('.queue-item .title').allTextContents()).toEqual(['Tin đồn “cột mốc bị dời” ở biên giới Giang Thành']);
  await expect(popup.locator('.queue-item .outlet').textContent()).resolves.toBe('Trang Độc Hại');
  const href = (await popup.locator('.queue-item .title').getAttribute('href')) ?? '';
  expect(href.startsWith(`${session.origin}/trang-doc-hai.html?ref=xxx`)).toBe(true);
  expect(href.length).toBe(4000);
});
