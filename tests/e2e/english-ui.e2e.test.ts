/**
 * With an English browser the UI is English, through the same catalogue lookups.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchExtension, type ExtensionSession } from './support/extension';

let session: ExtensionSession;

beforeAll(async () => {
  session = await launchExtension({ uiLanguage: 'en' });
});

afterAll(async () => {
  await session?.close();
});

it('shows the popup and a flagged article in English', async () => {
  const article = await session.context.newPage();
  await article.goto(`${session.origin}/tin-gia-ban-do-truong-sa.html`);
  expect(await session.flagTab(await session.tabIdOf(article))).toMatchObject({ ok: true });

  const popup = await session.openExtensionPage('popup.html');
  // The UI renders once its code has loaded (the popup starts in two stages): wait for it.
  await expect.poll(() => popup.getByRole('button', { name: 'Flag this page' }).isVisible()).toBe(true);
  // The toolbar's code loads once the queue's first rows are painted: wait for it.
  await expect.poll(() => popup.getByRole('button', { name: 'Export CSV' }).isVisible()).toBe(true);
  // The count joins the heading once the first page of the queue is read.
  await expect.poll(() => popup.getByRole('heading', { level: 2 }).textContent()).toBe('Flagged queue · total: 1');
  const statuses = await popup.getByLabel(/^Status: /).locator('option').allTextContents();
  expect(statuses).toEqual(['New', 'Confirmed', 'Sent to rebuttal', 'Rebutted', 'Dismissed']);
  // Page-derived text is shown as the page wrote it, whatever the UI language.
  await expect(popup.locator('.queue-item .title').textContent()).resolves.toBe(
    'Lan truyền “bản đồ mới” xoá quần đảo Trường Sa khỏi lãnh thổ',
  );
});
