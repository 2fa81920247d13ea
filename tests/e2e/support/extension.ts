/**
 * Launches real Chromium with the built extension (.output/chrome-mv3) and
 * serves the article fixtures from 127.0.0.1, for end-to-end tests.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { startStaticServer } from '../../../scripts/static-server.mjs';
import type { browser } from 'wxt/browser';
import type { FlagTabResponse } from '../../../lib/messages';

// Inside page.evaluate callbacks the code runs in an extension page, where Chromium calls it `chrome`.
declare const chrome: typeof browser;

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../../.output/chrome-mv3');
export const FIXTURE_PAGES = resolve(import.meta.dirname, '../../fixtures/pages');

export interface ExtensionSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Origin of the fixture server, e.g. http://127.0.0.1:41234 */
  origin: string;
  extensionUrl(path: string): string;
  /** Opens an extension page (popup.html, options.html) in a tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** Sends the documented automation message from an extension page. */
  flagTab(tabId: number): Promise<FlagTabResponse>;
  /** The id of the tab showing `url` (exact match, as the browser reports it). */
  tabIdOf(page: Page): Promise<number>;
  close(): Promise<void>;
}

/** `extensionDir`: a built extension other than this checkout's (scripts/ab-dashboard.ts compares two). */
export async function launchExtension(options: { uiLanguage?: 'vi' | 'en'; pagesDir?: string; extensionDir?: string } = {}): Promise<ExtensionSession> {
  const language = options.uiLanguage ?? 'vi';
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const userDataDir = await mkdtemp(join(tmpdir(), 'canh-tin-e2e-'));
  const server = await startStaticServer(options.pagesDir ?? FIXTURE_PAGES);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: false,
    acceptDownloads: true,
    locale: language,
    // On Linux, Chromium takes its UI language (and so the extension's) from these.
    env: { ...process.env, LANGUAGE: language, LANG: language === 'vi' ? 'vi_VN.UTF-8' : 'en_US.UTF-8' },
    args: [
      '--headless=new',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--lang=${language}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const extensionUrl = (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;
  // An extension page for sending messages and querying tabs, opened first so that
  // every article page a test opens later is the active, visible tab.
  let helperPage = await context.newPage();
  await helperPage.goto(extensionUrl('options.html#test-helper'));

  async function extensionHelper(): Promise<Page> {
    if (helperPage.isClosed()) {
      helperPage = await context.newPage();
      await helperPage.goto(extensionUrl('options.html#test-helper'));
    }
    return helperPage;
  }

  return {
    context,
    worker,
    extensionId,
    origin: server.origin,
    extensionUrl,
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(extensionUrl(path));
      return page;
    },
    async flagTab(tabId) {
      const helper = await extensionHelper();
      return helper.evaluate((id) => chrome.runtime.sendMessage({ type: 'flag-tab', tabId: id }), tabId);
    },
    async tabIdOf(page) {
      const url = page.url();
      // Chromium (150 at least) hides even the extension's own pages' URLs from tabs.query without the
      // "tabs" permission; such a page knows its own tab.
      if (url.startsWith('chrome-extension://')) {
        const id = await page.evaluate(async () => (await chrome.tabs.getCurrent())?.id);
        if (typeof id !== 'number') throw new Error(`no tab for ${url}`);
        return id;
      }
      const helper = await extensionHelper();
      const ids = await helper.evaluate(
        async (target) => (await chrome.tabs.query({})).filter((tab) => tab.url === target).map((tab) => tab.id),
        url,
      );
      if (ids.length !== 1 || typeof ids[0] !== 'number') throw new Error(`expected one tab at ${url}, found ${ids.length}`);
      return ids[0];
    },
    async close() {
      await context.close();
      await server.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens popup.html in its own popup-type window, standing in for the toolbar
 * popup (Playwright cannot click the toolbar). Its "Flag this page" button then
 * targets the active tab of the last focused normal window, as the real popup does.
 */
export async function openPopupWindow(session: ExtensionSession, articlePage: Page): Promise<Page> {
  await articlePage.bringToFront();
  const helper = await session.openExtensionPage('options.html');
  await articlePage.bringToFront();
  const opened = session.context.waitForEvent('page');
  await helper.evaluate((url) => chrome.windows.create({ url, type: 'popup', focused: false }), session.extensionUrl('popup.html'));
  const popup = await opened;
  await popup.waitForLoadState('domcontentloaded');
  await helper.close();
  return popup;
}
