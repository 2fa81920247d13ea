/**
 * Chrome stops an idle MV3 service worker at any time. A flag sent after that
 * must wake it and be stored, and what was stored before must still be there.
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

it('flags after the service worker was stopped, and keeps earlier flags', async () => {
  const first = await session.context.newPage();
  await first.goto(`${session.origin}/spratly-protests-analysis.html`);
  const before = await session.flagTab(await session.tabIdOf(first));
  expect(before).toMatchObject({ ok: true });

  const popup = await session.openExtensionPage('popup.html');
  const cdp = await session.context.newCDPSession(popup);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');

  const second = await session.context.newPage();
  await second.goto(`${session.origin}/tin-gia-ban-do-truong-sa.html`);
  const after = await session.flagTab(await session.tabIdOf(second));
  expect(after).toMatchObject({ ok: true });
  // The restarted worker still recognises the earlier flag.
  await first.bringToFront();
  expect(await session.flagTab(await session.tabIdOf(first))).toEqual({ ok: true, id: (before as { id: string }).id, duplicateOf: (before as { id: string }).id });

  await popup.reload();
  await expect
    .poll(() => popup.locator('.queue-item .title').allTextContents())
    .toEqual(['Lan truyền “bản đồ mới” xoá quần đảo Trường Sa khỏi lãnh thổ', 'Why Hanoi’s protests over the Spratlys ring hollow']);
});
