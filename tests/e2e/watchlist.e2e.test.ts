/**
 * The watchlist in real Chromium: the monitor imports a list in Settings, an
 * article shows the terms highlighted with the right badge count, content the
 * page adds later is highlighted too, forms and editors keep working and stay
 * untouched, flagging pre-fills the category, and switching off removes it all.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, openPopupWindow, type ExtensionSession } from './support/extension';

let session: ExtensionSession;
let article: Page;

declare const chrome: typeof import('wxt/browser').browser;

/** Names and sizes of Canh Tin's highlights, as the page's own document sees them. */
function highlightsOnPage(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const result: Record<string, string[]> = {};
    CSS.highlights.forEach((highlight, name) => {
      if (name.startsWith('canh-tin-watch')) result[name] = [...highlight].map((range) => (range as Range).toString());
    });
    return result;
  });
}

async function badgeText(page: Page): Promise<string> {
  const tabId = await session.tabIdOf(page);
  return session.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

beforeAll(async () => {
  session = await launchExtension({ uiLanguage: 'vi' });
});

afterAll(async () => {
  await session?.close();
});

describe('watchlist', () => {
  it('imports a watchlist file in Settings', async () => {
    const options = await session.openExtensionPage('options.html');
    await options.getByLabel('Nhập từ file (.txt, .json)').setInputFiles(resolve(import.meta.dirname, '../fixtures/watchlist-e2e.txt'));
    await expect.poll(() => options.getByRole('status').last().textContent()).toBe('Đã nhập 2 nhóm từ khoá.');
    await expect(options.getByLabel('Tên nhóm: Chủ quyền biển đảo').inputValue()).resolves.toBe('Chủ quyền biển đảo');
    await options.close();
  });

  it('highlights the terms in the article, not in forms or editors, and counts them on the badge', async () => {
    article = await session.context.newPage();
    await article.goto(`${session.origin}/nguoi-dan-dao-tho-chu.html`);
    await expect.poll(() => badgeText(article)).toBe('7');
    const highlights = await highlightsOnPage(article);
    const painted = Object.values(highlights).flat().sort();
    expect(painted).toEqual(['Hoàng Sa', 'Hoàng Sa', 'Paracel', 'Phú Quốc', 'Spratly', 'Trường Sa', 'Trường Sa'].sort());
    // "Lê Hoàng Sang" is a person, not the islands.
    expect(painted.join('|')).not.toContain('Sang');
    // One highlight per group, in the watchlist's order, each with its own terms (the colours come with the background's answer).
    expect(Object.keys(highlights).sort()).toEqual(['canh-tin-watch-0', 'canh-tin-watch-1']);
    expect(highlights['canh-tin-watch-1']).toEqual(['Phú Quốc']);
  });

  it('lists the hits by term in the popup, and "jump to" scrolls to one', async () => {
    const popup = await openPopupWindow(session, article);
    const rows = popup.locator('.watch-terms li');
    await expect.poll(() => rows.allTextContents()).toEqual(['Trường Sa ×3Đến', 'Hoàng Sa ×3Đến', 'Phú Quốc ×1Đến']);
    await popup.getByRole('button', { name: 'Đến “Phú Quốc”' }).click();
    await expect.poll(async () => (await highlightsOnPage(article))['canh-tin-watch-focus']).toEqual(['Phú Quốc']);
    await popup.close();
  });

  it('keeps forms and editors working', async () => {
    await article.locator('input[name=q]').fill('Trường Sa, Hoàng Sa là của Việt Nam');
    await article.getByRole('button', { name: 'Gửi' }).click();
    await expect(article.locator('#sent').textContent()).resolves.toBe('sent 35 characters');
    await article.locator('#editor').click();
    await article.keyboard.press('End');
    await article.keyboard.type(' và Hoàng Sa');
    await expect(article.locator('#editor').textContent()).resolves.toBe('Trình soạn thảo: Trường Sa và Hoàng Sa');
    // Nothing typed into the form or the editor is highlighted.
    await article.waitForTimeout(600);
    expect(await badgeText(article)).toBe('7');
  });

  it('highlights paragraphs the page adds later (infinite feeds) and text it changes', async () => {
    await article.evaluate(() => {
      for (let i = 0; i < 3; i += 1) {
        const p = document.createElement('p');
        p.textContent = `Bài ${i}: tàu cá Phú Quốc gặp nạn gần Trường Sa.`;
        document.getElementById('feed')!.append(p);
      }
    });
    await expect.poll(() => badgeText(article)).toBe('13');
    // A text node rewritten in place: "Phú Quốc" replaced by "Hà Nội" is one hit less.
    await article.evaluate(() => {
      const text = document.querySelector('#feed p')!.firstChild as Text;
      text.data = text.data.replace('Phú Quốc', 'Hà Nội');
    });
    await expect.poll(() => badgeText(article)).toBe('12');
    const painted = async () =>
      Object.entries(await highlightsOnPage(article))
        .filter(([name]) => name !== 'canh-tin-watch-focus') // the term "jump to" marked earlier
        .flatMap(([, ranges]) => ranges);
    expect(await painted()).toHaveLength(12);
    // A paragraph the page moves (re-sorted feeds do) is still counted once, and still painted.
    await article.evaluate(() => {
      const feed = document.getElementById('feed')!;
      feed.append(feed.firstElementChild!);
    });
    await article.waitForTimeout(600);
    expect(await badgeText(article)).toBe('12');
    expect(await painted()).toHaveLength(12);
  });

  it('pre-fills the category when the page is flagged, and the badge shows the count again after the flag result', async () => {
    expect(await session.flagTab(await session.tabIdOf(article))).toMatchObject({ ok: true });
    const popup = await session.openExtensionPage('popup.html');
    const title = '“Trường Sa, Hoàng Sa chưa bao giờ là của Việt Nam”: luận điệu cũ trên trang mới';
    await expect.poll(() => popup.getByLabel(`Chuyên mục: ${title}`).inputValue()).toBe('sovereignty-sea-islands');
    await popup.close();
    // The flag result (✓) gives way to the page's own count.
    await expect.poll(() => badgeText(article), { timeout: 10_000 }).toBe('12');
  });

  it('a page without hits, opened where one with hits was, has no badge, before and after a flag', async () => {
    const tab = await session.context.newPage();
    await tab.goto(`${session.origin}/repost-ban-do-truong-sa.html`);
    await expect.poll(() => badgeText(tab)).not.toBe('');
    // Nothing of the imported watchlist on this page: it reports no count at all.
    await tab.goto(`${session.origin}/anh-ve-tinh-da-ga-ma.html`);
    await tab.waitForFunction(() => performance.getEntriesByName('canh-tin-watch-main-thread').length > 0);
    expect(await badgeText(tab)).toBe('');
    expect(await highlightsOnPage(tab)).toEqual({});
    await session.flagTab(await session.tabIdOf(tab));
    await expect.poll(() => badgeText(tab)).not.toBe('');
    await expect.poll(() => badgeText(tab), { timeout: 10_000 }).toBe('');
    await tab.close();
  });

  it('switching off for the site removes every highlight and the badge; on again restores them', async () => {
    const popup = await openPopupWindow(session, article);
    const siteToggle = popup.getByLabel(/^Tô sáng trên trang 127\.0\.0\.1$/);
    await siteToggle.uncheck();
    await expect.poll(() => highlightsOnPage(article)).toEqual({});
    await expect.poll(() => badgeText(article)).toBe('');
    await siteToggle.check();
    await expect.poll(() => badgeText(article)).toBe('12');
    await popup.getByLabel('Tô sáng từ khoá trên mọi trang').uncheck();
    await expect.poll(() => highlightsOnPage(article)).toEqual({});
    await popup.close();
  });

  it('keeps the watchlist out of reach of scripts running in web pages, content scripts included', async () => {
    const tabId = await session.tabIdOf(article);
    // A script in the page's isolated world, where content scripts run: an untrusted context.
    const fromPage = await session.worker.evaluate(async (id) => {
      const [injection] = await chrome.scripting.executeScript({
        target: { tabId: id },
        func: async () => {
          const attempt = (access: () => Promise<unknown>) =>
            access().then(
              (value) => ({ allowed: JSON.stringify(value) }),
              (error: unknown) => ({ refused: String(error) }),
            );
          return {
            read: await attempt(() => chrome.storage.local.get(null)),
            write: await attempt(() => chrome.storage.local.set({ watchlist: { enabled: false } })),
          };
        },
      });
      return injection?.result;
    }, tabId);
    expect(fromPage).toEqual({ read: { refused: expect.stringMatching(/not allowed/i) }, write: { refused: expect.stringMatching(/not allowed/i) } });
    // The extension's own pages and worker still read it.
    expect(await session.worker.evaluate(async () => Object.keys(await chrome.storage.local.get(null)))).toContain('watchlist');
  });

  // Open pages learn of a switch from the background (entrypoints/background/watchlist-restarts.ts),
  // which Chrome may have stopped: the storage change must wake it. (Last: the session's worker handle is gone after.)
  it('follows a switch flipped while the service worker is stopped', async () => {
    const popup = await openPopupWindow(session, article);
    await popup.getByLabel('Tô sáng từ khoá trên mọi trang').check();
    await expect.poll(async () => Object.values(await highlightsOnPage(article)).flat().length).toBe(12);
    const cdp = await session.context.newCDPSession(popup);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await popup.getByLabel(/^Tô sáng trên trang 127\.0\.0\.1$/).uncheck();
    await expect.poll(() => highlightsOnPage(article)).toEqual({});
    await popup.close();
  });
});
